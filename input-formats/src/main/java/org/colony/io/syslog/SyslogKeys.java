package org.colony.io.syslog;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.colony.conf.ConfigKey;

/** Configuration keys of the syslog input format. Documented in conf/colony-default.xml. */
public final class SyslogKeys {
  private SyslogKeys() {}

  public static final ConfigKey YEAR = ConfigKey.of("colony.syslog.year", "",
      "Year of RFC 3164 timestamps (which have none) in files whose path has no "
          + "dt=YYYY-MM-DD partition folder. A file under .../dt=YYYY-MM-DD/... takes the "
          + "partition's year whatever this says, and a line dated more than six months after "
          + "(before) the partition's month is from the year before (after): Dec 31 in "
          + "dt=2027-01-01 is 2026-12-31. Empty: the current year (UTC), with the same rule "
          + "around today's month.");

  public static final ConfigKey TIMEZONE = ConfigKey.of("colony.syslog.timezone", "UTC",
      "Time zone of RFC 3164 timestamps (which carry no offset), as a java.time zone id: UTC, "
          + "Europe/Berlin, +01:00. In a daylight saving change a local time that is ambiguous "
          + "or skipped takes the offset before the change. Timestamps with an offset (RFC 5424, "
          + "RFC 3339) keep their own.");

  public static List<ConfigKey> all() {
    return List.of(YEAR, TIMEZONE);
  }

  /** The configured year, or -1 when {@link #YEAR} is empty. */
  public static int year(Configuration conf) {
    String v = YEAR.get(conf);
    if (v.isEmpty()) {
      return -1;
    }
    try {
      int year = Integer.parseInt(v);
      if (year >= 1 && year <= 9999) {
        return year;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(YEAR.name() + " must be a year 1-9999 or empty, got '"
        + v + "'");
  }

  public static void setYear(Configuration conf, int year) {
    YEAR.set(conf, String.valueOf(year));
  }

  public static ZoneId zone(Configuration conf) {
    String v = TIMEZONE.get(conf);
    try {
      return ZoneId.of(v);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(TIMEZONE.name() + " must be a time zone id such as UTC, "
          + "Europe/Berlin or +01:00, got '" + v + "'");
    }
  }

  public static void setZone(Configuration conf, ZoneId zone) {
    TIMEZONE.set(conf, zone.getId());
  }
}
