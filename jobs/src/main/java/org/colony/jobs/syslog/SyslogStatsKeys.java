package org.colony.jobs.syslog;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.colony.conf.ConfigKey;

/**
 * Configuration keys of syslog-stats, with typed accessors. Documented in
 * conf/colony-default.xml.
 */
public final class SyslogStatsKeys {
  private SyslogStatsKeys() {}

  public static final ConfigKey TOP_N = ConfigKey.of("colony.syslog-stats.top.n", "50",
      "How many templates the top/ report lists: those with the most lines at severity warning "
          + "or worse (exact counts; ties by template bytes).");

  public static final ConfigKey MASK_USERS = ConfigKey.of("colony.syslog-stats.mask.users",
      "false", "Whether message templates mask user names as <user> where sshd, sudo, pam, cron "
          + "and PostgreSQL name them ('Failed password for <user> from <ip> ...'). Off, a "
          + "template keeps the name: 'root' and 'admin' stay apart.");

  public static List<ConfigKey> all() {
    return List.of(TOP_N, MASK_USERS);
  }

  /** The top N; at least 1. */
  public static int topN(Configuration conf) {
    int n = TOP_N.getInt(conf);
    if (n < 1) {
      throw new IllegalArgumentException("--top must be at least 1, got " + n + " ["
          + TOP_N.name() + "]");
    }
    return n;
  }

  public static void setTopN(Configuration conf, int n) {
    TOP_N.set(conf, String.valueOf(n));
  }

  public static boolean maskUsers(Configuration conf) {
    return MASK_USERS.getBoolean(conf);
  }

  public static void setMaskUsers(Configuration conf, boolean mask) {
    MASK_USERS.set(conf, String.valueOf(mask));
  }
}
