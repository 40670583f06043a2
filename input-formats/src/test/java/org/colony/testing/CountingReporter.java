package org.colony.testing;

import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.StatusReporter;

/**
 * A StatusReporter that keeps real counters, so a record reader opened by a test (outside any task)
 * counts into something the test can read: pass it to
 * {@code new TaskAttemptContextImpl(conf, new TaskAttemptID(), reporter)}.
 */
public final class CountingReporter extends StatusReporter {
  private Counters counters = new Counters();

  public Counters counters() {
    return counters;
  }

  /** Starts counting from zero; readers initialized before keep counting into the old counters. */
  public void reset() {
    counters = new Counters();
  }

  /** The value of a counter, 0 if it was never incremented. */
  public long get(Enum<?> name) {
    return counters.findCounter(name).getValue();
  }

  @Override
  public Counter getCounter(Enum<?> name) {
    return counters.findCounter(name);
  }

  @Override
  public Counter getCounter(String group, String name) {
    return counters.findCounter(group, name);
  }

  @Override
  public void progress() {}

  @Override
  public float getProgress() {
    return 0;
  }

  @Override
  public void setStatus(String status) {}
}
