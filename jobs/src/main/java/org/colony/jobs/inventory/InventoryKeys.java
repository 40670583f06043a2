package org.colony.jobs.inventory;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.colony.conf.ConfigKey;

/** Configuration keys of uploads-inventory. Documented in conf/colony-default.xml. */
public final class InventoryKeys {
  private InventoryKeys() {}

  public static final ConfigKey DUPLICATE_PATHS = ConfigKey.of(
      "colony.uploads-inventory.duplicate.paths", "10",
      "How many paths a duplicates/ row lists (the first in byte order); its copies column "
          + "counts them all.");

  public static List<ConfigKey> all() {
    return List.of(DUPLICATE_PATHS);
  }

  /** Paths listed per duplicates/ row; at least 1. */
  public static int duplicatePaths(Configuration conf) {
    int n = DUPLICATE_PATHS.getInt(conf);
    if (n < 1) {
      throw new IllegalArgumentException("--duplicate-paths must be at least 1, got " + n + " ["
          + DUPLICATE_PATHS.name() + "]");
    }
    return n;
  }
}
