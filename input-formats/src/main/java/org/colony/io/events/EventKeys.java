package org.colony.io.events;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.colony.conf.ConfigKey;

/** Configuration keys of the multi-line event reader. Documented in conf/colony-default.xml. */
public final class EventKeys {
  private EventKeys() {}

  public static final ConfigKey START = ConfigKey.of("colony.events.start", "auto",
      "What starts an event (every other line continues the event before it): 'log4j' "
          + "(yyyy-MM-dd HH:mm:ss[,.]SSS, or with a T, an optional zone), 'bracketed' (the same "
          + "in [ ], as Kafka writes), 'syslog' (Mmm dd HH:mm:ss, year from the dt= folder or the "
          + "file's time), 'auto' (any of these), or 'regex:PATTERN', a Java regex matched at the "
          + "start of a line (its first 1024 bytes); a named group 'time' holding a timestamp of "
          + "one of the presets gives the event its time.");

  public static final ConfigKey MAX_BYTES = ConfigKey.of("colony.events.max.bytes", "1048576",
      "Most bytes kept of one event (its lines joined with newlines). A longer event is kept cut "
          + "to this, flagged truncated and counted in EVENTS_TRUNCATED; the rest of its lines "
          + "are read and dropped. Suffixes k, m allowed.");

  public static final ConfigKey TIMEZONE = ConfigKey.of("colony.events.timezone", "UTC",
      "Time zone of event timestamps that carry no offset (a zone ID such as UTC, "
          + "Europe/Berlin or +01:00). Timestamps with Z or an offset use theirs.");

  public static List<ConfigKey> all() {
    return List.of(START, MAX_BYTES, TIMEZONE);
  }

  /** The event cap in bytes. */
  public static int maxBytes(Configuration conf) {
    long v = MAX_BYTES.getLong(conf);
    if (v <= 0 || v > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(MAX_BYTES.name() + " must be between 1 and "
          + (Integer.MAX_VALUE - 16) + ", got '" + conf.get(MAX_BYTES.name()) + "'");
    }
    return (int) v;
  }

  /** The zone of timestamps without an offset. */
  public static ZoneId timezone(Configuration conf) {
    String v = TIMEZONE.get(conf);
    try {
      return ZoneId.of(v);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(TIMEZONE.name() + " must be a zone ID such as UTC or "
          + "Europe/Berlin, got '" + v + "'");
    }
  }

  public static void setStart(Configuration conf, String start) {
    EventStart.of(start, ZoneOffset.UTC); // fails early on a bad value
    START.set(conf, start);
  }
}
