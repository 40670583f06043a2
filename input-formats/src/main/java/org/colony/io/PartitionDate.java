package org.colony.io;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The date of a {@code dt=YYYY-MM-DD} partition folder in a path, the layout Colony reads and writes. */
public final class PartitionDate {
  private PartitionDate() {}

  private static final String PREFIX = "dt=";

  /**
   * The date of the innermost {@code dt=YYYY-MM-DD} folder (or file name) of {@code path}, or
   * null if it has none. {@code .../dt=2026-11-25/syslog.gz} gives 2026-11-25.
   */
  public static LocalDate of(String path) {
    int end = path.length();
    while (end > 0) {
      int slash = path.lastIndexOf('/', end - 1);
      String part = path.substring(slash + 1, end);
      if (part.length() == PREFIX.length() + 10 && part.startsWith(PREFIX)) {
        LocalDate d = parse(part.substring(PREFIX.length()));
        if (d != null) {
          return d;
        }
      }
      end = slash;
    }
    return null;
  }

  private static LocalDate parse(String s) {
    if (s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return null;
      }
    }
    try {
      return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)),
          Integer.parseInt(s.substring(8, 10)));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
