package org.colony.jobs.syslog;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A map task's running sums per key, emitted when they grow past a bound and at the end: most
 * lines of a task share their (hour, host, app, severity) and their (template, host, app) with
 * many others, so summing them in memory before the map output buffer spares serializing and
 * sorting a record per line and key, which is most of the job's work otherwise. The combiner
 * still sums what several flushes and spills emit. {@link SyslogStats} sums in any order, so the
 * result does not depend on when the sums are flushed.
 */
final class MapSideSums {
  /** Where sums go. */
  interface Sink {
    void write(SyslogStatsKey key, SyslogStats value) throws IOException, InterruptedException;
  }

  /** Bytes counted per entry beyond its keys' and example's bytes (objects, map entry). */
  static final int ENTRY_OVERHEAD = 320;

  private final Map<SyslogStatsKey, SyslogStats> sums = new HashMap<>();
  private final int maxEntries;
  private final long maxBytes;
  private long bytes;
  private long flushes;

  MapSideSums(int maxEntries, long maxBytes) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /**
   * Adds {@code value} to the sum of {@code key} (both copied when new, so the caller may reuse
   * them), flushing every sum into {@code sink} when the bounds are reached.
   */
  void add(SyslogStatsKey key, SyslogStats value, Sink sink)
      throws IOException, InterruptedException {
    SyslogStats sum = sums.get(key);
    if (sum == null) {
      sum = new SyslogStats().clear();
      sums.put(new SyslogStatsKey().set(key), sum);
      bytes += ENTRY_OVERHEAD + key.fieldBytes() + value.exampleLength();
    }
    sum.add(value);
    if (sums.size() >= maxEntries || bytes >= maxBytes) {
      flush(sink);
    }
  }

  /** Writes every sum into {@code sink} and forgets them. */
  void flush(Sink sink) throws IOException, InterruptedException {
    if (sums.isEmpty()) {
      return;
    }
    for (Map.Entry<SyslogStatsKey, SyslogStats> e : sums.entrySet()) {
      sink.write(e.getKey(), e.getValue());
    }
    sums.clear();
    bytes = 0;
    flushes++;
  }

  int size() {
    return sums.size();
  }

  long flushes() {
    return flushes;
  }
}
