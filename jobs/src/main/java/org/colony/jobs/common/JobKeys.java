package org.colony.jobs.common;

import java.util.List;
import org.colony.conf.ConfigKey;

/** Configuration keys shared by all jobs. Documented in conf/colony-default.xml. */
public final class JobKeys {
  private JobKeys() {}

  public static final ConfigKey REJECTS_MAX_WRITTEN = ConfigKey.of("colony.rejects.max.written",
      "1000", "Most rejected records one map task writes to the _rejects/ folder of the output. "
          + "Every reject is counted whatever this cap; only the quarantined copies are capped.");

  public static List<ConfigKey> all() {
    return List.of(REJECTS_MAX_WRITTEN);
  }
}
