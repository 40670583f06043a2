package org.colony.jobs.access;

import java.util.List;
import org.colony.conf.ConfigKey;

/** Configuration keys of access-stats. Documented in conf/colony-default.xml. */
public final class AccessStatsKeys {
  private AccessStatsKeys() {}

  public static final ConfigKey TOP_N = ConfigKey.of("colony.access-stats.top.n", "100",
      "How many URLs, referrers and user agents the top/ report lists, each (exact counts).");

  public static final ConfigKey KEEP_QUERY = ConfigKey.of("colony.access-stats.keep.query",
      "false", "Whether urls/ and the top URLs keep the query string (path?query) instead of "
          + "the path alone.");

  public static final ConfigKey MAP_SUMS_KEYS = ConfigKey.of(
      "colony.access-stats.map.sums.keys", "50000", "Most distinct report keys a map task of "
          + "access-stats sums in memory (in-mapper combining) before writing the sums out; about "
          + "250 bytes each. 0 writes each line's five counts to the shuffle, for the combiner.");

  public static List<ConfigKey> all() {
    return List.of(TOP_N, KEEP_QUERY, MAP_SUMS_KEYS);
  }
}
