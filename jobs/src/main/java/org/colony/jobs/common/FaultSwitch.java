package org.colony.jobs.common;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;

/**
 * A test-only fault a job's configuration can switch on, so that fault tests can make a real
 * cluster retry a task: with {@code colony.test.fail.map.attempts=K}, the first K attempts of
 * every map task throw after {@code colony.test.fail.map.after.records} records, having written
 * part of their output. Off by default (K = 0); then {@link #record()} only counts.
 *
 * <p>Every mapper takes one in {@code setup()} and calls {@link #record()} for each input record.
 */
public final class FaultSwitch {
  private final long failAfter;
  private final TaskAttemptID attempt;
  private long records;

  private FaultSwitch(long failAfter, TaskAttemptID attempt) {
    this.failAfter = failAfter;
    this.attempt = attempt;
  }

  /** The switch of a task attempt, as its job's configuration sets it. */
  public static FaultSwitch of(TaskAttemptContext context) {
    Configuration conf = context.getConfiguration();
    TaskAttemptID id = context.getTaskAttemptID();
    boolean fails = id != null && id.getTaskType() == TaskType.MAP
        && id.getId() < JobKeys.FAIL_MAP_ATTEMPTS.getInt(conf);
    return new FaultSwitch(fails ? JobKeys.FAIL_MAP_AFTER_RECORDS.getLong(conf) : Long.MAX_VALUE,
        id);
  }

  /** Switches the fault off in {@code conf}: for running a mapper outside a task attempt. */
  public static void disable(Configuration conf) {
    conf.setInt(JobKeys.FAIL_MAP_ATTEMPTS.name(), 0);
  }

  /** Counts one input record; throws once past the limit in an attempt meant to fail. */
  public void record() throws IOException {
    if (++records > failAfter) {
      throw new IOException("test fault (" + JobKeys.FAIL_MAP_ATTEMPTS.name() + "): " + attempt
          + " fails after " + failAfter + " records");
    }
  }
}
