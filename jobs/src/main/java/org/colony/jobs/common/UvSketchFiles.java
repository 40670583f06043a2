package org.colony.jobs.common;

import java.nio.charset.StandardCharsets;
import org.colony.io.Timestamps;

/**
 * Where access-stats keeps its daily unique-visitor sketches and uv-rollup finds them:
 * {@code <output>/uv/dt=YYYY-MM-DD.hll}, one file per UTC day, each a DataSketches HLL sketch in
 * its compact serialized form (readable by {@code HllSketch.heapify} in any DataSketches library:
 * Java, C++, Python).
 */
public final class UvSketchFiles {
  private UvSketchFiles() {}

  public static final String FOLDER = "uv";
  private static final String PREFIX = "dt=";
  private static final String SUFFIX = ".hll";

  /** The file name of day {@code epochDay}. */
  public static String fileName(long epochDay) {
    byte[] date = new byte[10];
    Timestamps.formatDate(epochDay, date, 0);
    return PREFIX + new String(date, StandardCharsets.US_ASCII) + SUFFIX;
  }

  /** Whether {@code name} looks like a day sketch's file name (its date still to be checked). */
  public static boolean matches(String name) {
    return name.length() == PREFIX.length() + 10 + SUFFIX.length() && name.startsWith(PREFIX)
        && name.endsWith(SUFFIX);
  }

  /** The epoch day of a sketch file's name, or -1 when it names no valid date. */
  public static long epochDay(String name) {
    if (!matches(name)) {
      return -1;
    }
    byte[] b = name.getBytes(StandardCharsets.US_ASCII);
    int at = PREFIX.length();
    if (b[at + 4] != '-' || b[at + 7] != '-') {
      return -1;
    }
    int y = Timestamps.digits(b, at, 4);
    int m = Timestamps.digits(b, at + 5, 2);
    int d = Timestamps.digits(b, at + 8, 2);
    if (y < 0 || m < 0 || d < 0 || !Timestamps.isValidDate(y, m, d)) {
      return -1;
    }
    return Timestamps.epochDay(y, m, d);
  }
}
