package org.colony.io;

/**
 * Calendar arithmetic on bytes, without allocating: the civil-date to epoch-day conversion of
 * Howard Hinnant's date algorithms, month abbreviations, and fixed-width decimal fields.
 */
public final class Timestamps {
  private Timestamps() {}

  public static final long MILLIS_PER_HOUR = 3_600_000L;
  public static final long MILLIS_PER_DAY = 86_400_000L;

  /** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
  public static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int mp = month > 2 ? month - 3 : month + 9;
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097L + doe - 719468;
  }

  public static boolean isLeap(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  public static int daysInMonth(int year, int month) {
    switch (month) {
      case 2:
        return isLeap(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Whether year-month-day is a real date. */
  public static boolean isValidDate(int year, int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  }

  /**
   * The month (1-12) of an English three-letter abbreviation at {@code b[i..i+3)}, any case;
   * -1 if it is none.
   */
  public static int month(byte[] b, int i) {
    int c0 = b[i] | 0x20;
    int c1 = b[i + 1] | 0x20;
    int c2 = b[i + 2] | 0x20;
    switch (c0) {
      case 'j':
        if (c1 == 'a' && c2 == 'n') {
          return 1;
        }
        if (c1 == 'u') {
          return c2 == 'n' ? 6 : c2 == 'l' ? 7 : -1;
        }
        return -1;
      case 'f':
        return c1 == 'e' && c2 == 'b' ? 2 : -1;
      case 'm':
        return c1 == 'a' ? (c2 == 'r' ? 3 : c2 == 'y' ? 5 : -1) : -1;
      case 'a':
        return c1 == 'p' && c2 == 'r' ? 4 : c1 == 'u' && c2 == 'g' ? 8 : -1;
      case 's':
        return c1 == 'e' && c2 == 'p' ? 9 : -1;
      case 'o':
        return c1 == 'c' && c2 == 't' ? 10 : -1;
      case 'n':
        return c1 == 'o' && c2 == 'v' ? 11 : -1;
      case 'd':
        return c1 == 'e' && c2 == 'c' ? 12 : -1;
      default:
        return -1;
    }
  }

  /** The decimal number of {@code n} digits at {@code b[i..i+n)}, or -1 if any is not a digit. */
  public static int digits(byte[] b, int i, int n) {
    int v = 0;
    for (int k = 0; k < n; k++) {
      int d = b[i + k] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** Writes {@code yyyy-MM-ddTHH} (UTC) of an epoch hour into {@code out[at..at+13)}. */
  public static void formatHour(long epochHour, byte[] out, int at) {
    long epochDay = Math.floorDiv(epochHour, 24);
    int hour = (int) Math.floorMod(epochHour, 24);
    formatDate(epochDay, out, at);
    out[at + 10] = 'T';
    out[at + 11] = (byte) ('0' + hour / 10);
    out[at + 12] = (byte) ('0' + hour % 10);
  }

  /**
   * Writes an instant as ISO-8601 in UTC, {@code yyyy-MM-ddTHH:mm:ssZ}, with {@code .SSS} before
   * the Z when its millisecond is not 0 (as {@link java.time.Instant#toString} writes it), into
   * {@code out} at {@code at}, which needs room for 24 bytes (years 0-9999).
   *
   * @return the index after the last byte written
   */
  public static int formatInstant(long epochMillis, byte[] out, int at) {
    long seconds = Math.floorDiv(epochMillis, 1000L);
    int millis = (int) Math.floorMod(epochMillis, 1000L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    formatDate(Math.floorDiv(seconds, 86_400L), out, at);
    int i = at + 10;
    out[i++] = 'T';
    i = twoDigits(secondOfDay / 3600, out, i);
    out[i++] = ':';
    i = twoDigits(secondOfDay / 60 % 60, out, i);
    out[i++] = ':';
    i = twoDigits(secondOfDay % 60, out, i);
    if (millis != 0) {
      out[i++] = '.';
      out[i++] = (byte) ('0' + millis / 100);
      out[i++] = (byte) ('0' + millis / 10 % 10);
      out[i++] = (byte) ('0' + millis % 10);
    }
    out[i++] = 'Z';
    return i;
  }

  private static int twoDigits(int v, byte[] out, int i) {
    out[i] = (byte) ('0' + v / 10);
    out[i + 1] = (byte) ('0' + v % 10);
    return i + 2;
  }

  /** Writes {@code yyyy-MM-dd} of an epoch day into {@code out[at..at+10)} (years 0-9999). */
  public static void formatDate(long epochDay, byte[] out, int at) {
    long z = epochDay + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) {
      y++;
    }
    int yi = (int) y;
    out[at] = (byte) ('0' + yi / 1000 % 10);
    out[at + 1] = (byte) ('0' + yi / 100 % 10);
    out[at + 2] = (byte) ('0' + yi / 10 % 10);
    out[at + 3] = (byte) ('0' + yi % 10);
    out[at + 4] = '-';
    out[at + 5] = (byte) ('0' + m / 10);
    out[at + 6] = (byte) ('0' + m % 10);
    out[at + 7] = '-';
    out[at + 8] = (byte) ('0' + d / 10);
    out[at + 9] = (byte) ('0' + d % 10);
  }
}
