package org.colony.jobs.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.hadoop.io.WritableComparator;

/**
 * The exact top N values by count, in bounded memory: a heap of at most N entries whose head is the
 * weakest kept. Ties are broken by value in ascending byte order, so the result does not depend on
 * the order of offers. Merging the top N of every partition of the keys gives the exact global top N.
 */
public final class TopN {
  /** A value, its count, and what the caller keeps with it (null if nothing). */
  public record Entry(byte[] value, long count, byte[] payload) {
    public Entry(byte[] value, long count) {
      this(value, count, null);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry e && e.count == count && Arrays.equals(e.value, value)
          && Arrays.equals(e.payload, payload);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(value) + Long.hashCode(count);
    }

    @Override
    public String toString() {
      return new String(value, java.nio.charset.StandardCharsets.UTF_8) + "=" + count;
    }
  }

  /** Best first: higher count, then smaller value. */
  public static final Comparator<Entry> BEST_FIRST = (a, b) -> {
    int c = Long.compare(b.count, a.count);
    return c != 0 ? c
        : WritableComparator.compareBytes(a.value, 0, a.value.length, b.value, 0, b.value.length);
  };

  private final int n;
  private final PriorityQueue<Entry> heap;

  public TopN(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("top N must be at least 1, got " + n);
    }
    this.n = n;
    this.heap = new PriorityQueue<>(n + 1, BEST_FIRST.reversed());
  }

  /** Offers {@code value[s, s+len)} with its count; copies the bytes only if they are kept. */
  public void offer(byte[] value, int s, int len, long count) {
    if (wouldKeep(value, s, len, count)) {
      add(new Entry(Arrays.copyOfRange(value, s, s + len), count));
    }
  }

  /**
   * Offers {@code value[s, s+len)} with its count and a payload that travels with it (not
   * copied, and not part of the ranking).
   *
   * @return whether it was kept
   */
  public boolean offer(byte[] value, int s, int len, long count, byte[] payload) {
    if (!wouldKeep(value, s, len, count)) {
      return false;
    }
    add(new Entry(Arrays.copyOfRange(value, s, s + len), count, payload));
    return true;
  }

  /** Whether an offer of this value and count would be kept, as things stand. */
  public boolean wouldKeep(byte[] value, int s, int len, long count) {
    if (heap.size() < n) {
      return true;
    }
    Entry weakest = heap.peek();
    int c = Long.compare(count, weakest.count);
    return c > 0 || c == 0 && WritableComparator.compareBytes(value, s, len, weakest.value, 0,
        weakest.value.length) < 0;
  }

  private void add(Entry e) {
    if (heap.size() == n) {
      heap.poll();
    }
    heap.add(e);
  }

  /** The kept entries, best first. */
  public List<Entry> best() {
    List<Entry> l = new ArrayList<>(heap);
    l.sort(BEST_FIRST);
    return l;
  }
}
