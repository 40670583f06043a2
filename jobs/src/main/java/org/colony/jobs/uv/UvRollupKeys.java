package org.colony.jobs.uv;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.colony.conf.ConfigKey;

/** Configuration keys of uv-rollup, with typed accessors. Documented in conf/colony-default.xml. */
public final class UvRollupKeys {
  private UvRollupKeys() {}

  public static final ConfigKey PERIOD = ConfigKey.of("colony.uv-rollup.period", "week",
      "The period uv-rollup counts distinct visitors over: 'week' (ISO weeks, Monday to Sunday) "
          + "or 'month' (calendar months), in UTC days.");

  public static List<ConfigKey> all() {
    return List.of(PERIOD);
  }

  public static Period period(Configuration conf) {
    String v = PERIOD.get(conf);
    Period p = Period.of(v);
    if (p == null) {
      throw new IllegalArgumentException("--period takes week or month, got '" + v + "' ["
          + PERIOD.name() + "]");
    }
    return p;
  }
}
