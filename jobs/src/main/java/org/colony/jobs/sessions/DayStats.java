package org.colony.jobs.sessions;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/**
 * What summary/ needs of one UTC day, in a form that adds up exactly across reducers: counts of
 * sessions, visitors, hits and single-hit sessions, and the histogram of session durations in
 * whole seconds (duration -> sessions), from which the median and p90 are exact. Each reducer
 * writes its own per day; the job merges them after it succeeded. A visitor is counted by the one
 * reducer that sees all its hits, so visitor counts add up too.
 */
public final class DayStats implements Writable {
  private long day;
  private long sessions;
  private long visitors;
  private long hits;
  private long bounces;
  private final TreeMap<Long, Long> durations = new TreeMap<>();

  public DayStats() {}

  public DayStats(long epochDay) {
    this.day = epochDay;
  }

  /** Adds one session of this day. */
  public void addSession(long durationSeconds, long sessionHits) {
    sessions++;
    hits += sessionHits;
    if (sessionHits == 1) {
      bounces++;
    }
    durations.merge(durationSeconds, 1L, Long::sum);
  }

  /** Counts a visitor with at least one session starting this day (once per visitor and day). */
  public void addVisitor() {
    visitors++;
  }

  /** Adds another piece of the same day. */
  public void add(DayStats o) {
    if (o.day != day) {
      throw new IllegalArgumentException("day " + o.day + " added to day " + day);
    }
    sessions += o.sessions;
    visitors += o.visitors;
    hits += o.hits;
    bounces += o.bounces;
    o.durations.forEach((d, n) -> durations.merge(d, n, Long::sum));
  }

  /** The UTC day, as days since 1970-01-01. */
  public long day() {
    return day;
  }

  public long sessions() {
    return sessions;
  }

  public long visitors() {
    return visitors;
  }

  public long hits() {
    return hits;
  }

  /** Sessions of a single hit. */
  public long bounces() {
    return bounces;
  }

  /** Session durations: whole seconds -> sessions, ascending. */
  public SortedMap<Long, Long> durations() {
    return durations;
  }

  /** The nearest-rank percentile of the session durations, in seconds. */
  public long durationPercentile(int percent) {
    return NearestRank.of(percent, durations, sessions);
  }

  /** Bounces / sessions, rounded half up to 4 decimals. */
  public String bounceRate() {
    return ratio(bounces, sessions, 4);
  }

  /** Hits / sessions, rounded half up to 2 decimals. */
  public String hitsPerSession() {
    return ratio(hits, sessions, 2);
  }

  private static String ratio(long a, long b, int decimals) {
    return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), decimals, RoundingMode.HALF_UP)
        .toPlainString();
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVLong(out, day);
    WritableUtils.writeVLong(out, sessions);
    WritableUtils.writeVLong(out, visitors);
    WritableUtils.writeVLong(out, hits);
    WritableUtils.writeVLong(out, bounces);
    WritableUtils.writeVInt(out, durations.size());
    for (Map.Entry<Long, Long> e : durations.entrySet()) {
      WritableUtils.writeVLong(out, e.getKey());
      WritableUtils.writeVLong(out, e.getValue());
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    day = WritableUtils.readVLong(in);
    sessions = WritableUtils.readVLong(in);
    visitors = WritableUtils.readVLong(in);
    hits = WritableUtils.readVLong(in);
    bounces = WritableUtils.readVLong(in);
    durations.clear();
    int n = WritableUtils.readVInt(in);
    for (int i = 0; i < n; i++) {
      long d = WritableUtils.readVLong(in);
      durations.put(d, WritableUtils.readVLong(in));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DayStats s && s.day == day && s.sessions == sessions
        && s.visitors == visitors && s.hits == hits && s.bounces == bounces
        && s.durations.equals(durations);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(day * 31 + sessions) ^ durations.hashCode();
  }

  @Override
  public String toString() {
    return "day " + day + ": " + sessions + " sessions, " + visitors + " visitors, " + hits
        + " hits, " + bounces + " bounces, durations " + durations;
  }
}
