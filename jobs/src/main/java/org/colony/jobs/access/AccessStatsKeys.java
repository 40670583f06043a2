package org.colony.jobs.access;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.colony.conf.ConfigKey;

/** Configuration keys of access-stats, with typed accessors. Documented in conf/colony-default.xml. */
public final class AccessStatsKeys {
  private AccessStatsKeys() {}

  /** HllSketch's bounds on log2 K. */
  static final int MIN_LG_K = 4;
  static final int MAX_LG_K = 21;
  /** KllLongsSketch's bounds on k. */
  static final int MIN_KLL_K = 8;
  static final int MAX_KLL_K = 65_535;

  public static final ConfigKey TOP_N = ConfigKey.of("colony.access-stats.top.n", "100",
      "How many URLs, referrers and user agents the top/ report lists, each (exact counts).");

  public static final ConfigKey KEEP_QUERY = ConfigKey.of("colony.access-stats.keep.query",
      "false", "Whether urls/ and the top URLs keep the query string (path?query) instead of "
          + "the path alone.");

  public static final ConfigKey UV_LG_K = ConfigKey.of("colony.access-stats.uv.lgk", "12",
      "log2 of K, the HLL sketch size of the unique visitors (daily/, hourly_uv/, uv/): 4 to 21. "
          + "Relative standard error about 1.04 / sqrt(2^lgK) once sketches are merged: 12 gives "
          + "1.6%, 14 0.8%, 16 0.4%; a day's sketch file is about 2^(lgK-1) bytes.");

  public static final ConfigKey LATENCY_K = ConfigKey.of("colony.access-stats.latency.k", "200",
      "k of the KLL sketches of response times per hour (latency/): 8 to 65535. The normalized "
          + "rank error of a percentile, at 99% confidence, is about 1.33% for k = 200 (the "
          + "p95 returned is a response time whose rank lies within 95% +- 1.33%); each sketch "
          + "holds about 3k values. Exact while an hour has fewer than k response times.");

  public static List<ConfigKey> all() {
    return List.of(TOP_N, KEEP_QUERY, UV_LG_K, LATENCY_K);
  }

  /** The HLL lgK, checked. */
  public static int uvLgK(Configuration conf) {
    int v = UV_LG_K.getInt(conf);
    if (v < MIN_LG_K || v > MAX_LG_K) {
      throw new IllegalArgumentException(UV_LG_K.name() + " must be " + MIN_LG_K + " to "
          + MAX_LG_K + ", got " + v);
    }
    return v;
  }

  /** The KLL k, checked. */
  public static int latencyK(Configuration conf) {
    int v = LATENCY_K.getInt(conf);
    if (v < MIN_KLL_K || v > MAX_KLL_K) {
      throw new IllegalArgumentException(LATENCY_K.name() + " must be " + MIN_KLL_K + " to "
          + MAX_KLL_K + ", got " + v);
    }
    return v;
  }
}
