package org.colony.jobs.sessions;

import java.util.Map;
import java.util.SortedMap;

/**
 * Exact percentiles by the nearest-rank definition: the p-th percentile (0 < p <= 100) of N values
 * sorted ascending is the value at 1-based rank {@code ceil(p * N / 100)}. It is always one of the
 * values (never an interpolation); the median (p = 50) of an even count is the lower middle value.
 */
public final class NearestRank {
  private NearestRank() {}

  /** The 1-based rank of the {@code percent}-th percentile among {@code n >= 1} values. */
  public static long rank(int percent, long n) {
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + percent);
    }
    if (n < 1 || n > Long.MAX_VALUE / 100) {
      throw new IllegalArgumentException("percentile of " + n + " values");
    }
    // ceil(percent * n / 100), in integers: exact
    return (percent * n + 99) / 100;
  }

  /**
   * The {@code percent}-th percentile of the values of a histogram (value -> how many times it
   * occurs, ascending by value) holding {@code n} values in all.
   */
  public static long of(int percent, SortedMap<Long, Long> histogram, long n) {
    long rank = rank(percent, n);
    long seen = 0;
    for (Map.Entry<Long, Long> e : histogram.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("the histogram holds " + seen + " values, not " + n);
  }
}
