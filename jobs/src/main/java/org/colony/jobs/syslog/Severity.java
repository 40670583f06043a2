package org.colony.jobs.syslog;

import java.nio.charset.StandardCharsets;

/** Syslog severities by name, as RFC 5424 numbers them (0 the most severe). */
public final class Severity {
  private Severity() {}

  /** The severity of a line without PRI: less severe than all. */
  public static final int NONE = 8;
  /** Warning: the top/ report ranks templates by their lines of this severity or worse. */
  public static final int WARNING = 4;

  private static final String[] NAMES = {"emerg", "alert", "crit", "err", "warning", "notice",
      "info", "debug", "-"};
  private static final byte[][] BYTES = new byte[NAMES.length][];

  static {
    for (int i = 0; i < NAMES.length; i++) {
      BYTES[i] = NAMES[i].getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** The severity 0-7 of a record, or NONE for its -1 (no PRI). */
  public static int of(int recordSeverity) {
    return recordSeverity < 0 || recordSeverity > 7 ? NONE : recordSeverity;
  }

  /** {@code emerg} ... {@code debug}, or {@code -} for NONE. */
  public static String name(int severity) {
    return NAMES[severity];
  }

  /** The name's ASCII bytes; not to be modified. */
  public static byte[] bytes(int severity) {
    return BYTES[severity];
  }
}
