package org.colony.jobs.access;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.io.WritableComparator;
import org.colony.jobs.common.ReportKey;

/**
 * In-mapper combining: a map task's counts summed per report key in a hash table, written out
 * when the table holds {@code maxKeys} keys and when the task ends. A line's five keys cost five
 * lookups instead of five records through the sort buffer, its spills and the combiner; the
 * reducers get the same sums (the combiner and reducer add {@link HitStats} whatever their
 * grouping). Memory is bounded by the key cap.
 */
final class MapSideSums {
  /** Where flushed sums go. */
  interface Sink {
    void write(ReportKey key, HitStats value) throws IOException, InterruptedException;
  }

  /** A report number and key bytes; one instance is reused as the lookup probe. */
  private static final class Key {
    int report;
    byte[] b;
    int len;
    int hash;

    Key set(int r, byte[] bytes, int n) {
      report = r;
      b = bytes;
      len = n;
      hash = 31 * r + WritableComparator.hashBytes(bytes, n);
      return this;
    }

    Key copy() {
      return new Key().set(report, java.util.Arrays.copyOf(b, len), len);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.report == report && k.len == len
          && WritableComparator.compareBytes(b, 0, len, k.b, 0, k.len) == 0;
    }
  }

  private final int maxKeys;
  private final HashMap<Key, HitStats> sums;
  private final Key probe = new Key();
  private final ReportKey out = new ReportKey();
  private final Sink sink;

  MapSideSums(int maxKeys, Sink sink) {
    this.maxKeys = maxKeys;
    this.sums = new HashMap<>(Math.min(maxKeys, 1 << 16) * 2);
    this.sink = sink;
  }

  /** Adds {@code value} to the sum of {@code key}; flushes first when the table is full. */
  void add(ReportKey key, HitStats value) throws IOException, InterruptedException {
    HitStats sum = sums.get(probe.set(key.report(), key.bytes(), key.length()));
    if (sum == null) {
      if (sums.size() >= maxKeys) {
        flush();
      }
      sums.put(probe.copy(), new HitStats().add(value));
    } else {
      sum.add(value);
    }
  }

  /** Writes every sum and empties the table. */
  void flush() throws IOException, InterruptedException {
    for (Map.Entry<Key, HitStats> e : sums.entrySet()) {
      Key k = e.getKey();
      sink.write(out.set(k.report, k.b, 0, k.len), e.getValue());
    }
    sums.clear();
  }
}
