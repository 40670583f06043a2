package org.colony.jobs.common;

import java.util.List;
import org.colony.conf.ConfigKey;

/** Configuration keys shared by all jobs. Documented in conf/colony-default.xml. */
public final class JobKeys {
  private JobKeys() {}

  public static final ConfigKey REJECTS_MAX_WRITTEN = ConfigKey.of("colony.rejects.max.written",
      "1000", "Most rejected records one map task writes to the _rejects/ folder of the output. "
          + "Every reject is counted whatever this cap; only the quarantined copies are capped.");

  public static final ConfigKey FAIL_MAP_ATTEMPTS = ConfigKey.of("colony.test.fail.map.attempts",
      "0", "For fault tests only: the first this many attempts of every map task fail on "
          + "purpose (see colony.test.fail.map.after.records), so that a test can watch the "
          + "cluster retry them. 0, the default, fails nothing.");

  public static final ConfigKey FAIL_MAP_AFTER_RECORDS = ConfigKey.of(
      "colony.test.fail.map.after.records", "100", "For fault tests only: how many input "
          + "records a map task attempt failing on purpose (colony.test.fail.map.attempts) "
          + "processes before it throws.");

  public static List<ConfigKey> all() {
    return List.of(REJECTS_MAX_WRITTEN, FAIL_MAP_ATTEMPTS, FAIL_MAP_AFTER_RECORDS);
  }
}
