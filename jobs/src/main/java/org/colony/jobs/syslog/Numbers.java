package org.colony.jobs.syslog;

import static org.colony.jobs.syslog.TemplateMasker.isDigit;
import static org.colony.jobs.syslog.TemplateMasker.isHex;
import static org.colony.jobs.syslog.TemplateMasker.isLetter;
import static org.colony.jobs.syslog.TemplateMasker.isWord;

/**
 * The numeric rules of {@link TemplateMasker}: dates and times, hex, numbers with units, plain
 * numbers. Each returns the index after what it recognised at {@code b[i]}, or -1; each match
 * ends a token (the next byte, if any, is not a word byte).
 */
final class Numbers {
  private Numbers() {}

  private static final byte[][] DURATION_UNITS = units("ns", "us", "ms", "s", "sec", "m", "min",
      "h", "d");
  private static final byte[][] SIZE_UNITS = units("B", "kB", "KB", "KiB", "MB", "MiB", "GB",
      "GiB", "TB", "TiB");

  /**
   * A date, {@code T} or a space, a clock time, optionally a zone ({@code Z}, {@code +hh:mm},
   * {@code +hhmm}). Tried with fraction and zone, then without the zone, without the fraction,
   * without both: the first that ends a token.
   */
  static int dateTime(byte[] b, int i, int e) {
    int d = dateEnd(b, i, e);
    if (d < 0 || d + 1 >= e || b[d] != 'T' && b[d] != ' ') {
      return -1;
    }
    int t = clockEnd(b, d + 1, e);
    if (t < 0) {
      return -1;
    }
    int f = fractionEnd(b, t, e);
    if (f > 0) {
      int z = zoneEnd(b, f, e);
      if (z > 0 && endsToken(b, z, e)) {
        return z;
      }
      if (endsToken(b, f, e)) {
        return f;
      }
    }
    int z = zoneEnd(b, t, e);
    if (z > 0 && endsToken(b, z, e)) {
      return z;
    }
    return endsToken(b, t, e) ? t : -1;
  }

  /** {@code yyyy-mm-dd} or {@code yyyy/mm/dd} alone. */
  static int date(byte[] b, int i, int e) {
    int d = dateEnd(b, i, e);
    return d > 0 && endsToken(b, d, e) ? d : -1;
  }

  /** {@code hh:mm:ss} with an optional fraction ({@code .} or {@code ,} and digits). */
  static int clock(byte[] b, int i, int e) {
    int t = clockEnd(b, i, e);
    if (t < 0) {
      return -1;
    }
    int f = fractionEnd(b, t, e);
    if (f > 0 && endsToken(b, f, e)) {
      return f;
    }
    return endsToken(b, t, e) ? t : -1;
  }

  private static int dateEnd(byte[] b, int i, int e) {
    if (i + 10 > e || !digits(b, i, 4)) {
      return -1;
    }
    byte sep = b[i + 4];
    if ((sep != '-' && sep != '/') || !digits(b, i + 5, 2) || b[i + 7] != sep
        || !digits(b, i + 8, 2)) {
      return -1;
    }
    return i + 10;
  }

  private static int clockEnd(byte[] b, int i, int e) {
    if (i + 8 > e || !digits(b, i, 2) || b[i + 2] != ':' || !digits(b, i + 3, 2)
        || b[i + 5] != ':' || !digits(b, i + 6, 2)) {
      return -1;
    }
    return i + 8;
  }

  private static int fractionEnd(byte[] b, int i, int e) {
    if (i + 1 >= e || (b[i] != '.' && b[i] != ',') || !isDigit(b[i + 1])) {
      return -1;
    }
    int j = i + 2;
    while (j < e && isDigit(b[j])) {
      j++;
    }
    return j;
  }

  private static int zoneEnd(byte[] b, int i, int e) {
    if (i < e && b[i] == 'Z') {
      return i + 1;
    }
    if (i + 3 > e || (b[i] != '+' && b[i] != '-') || !digits(b, i + 1, 2)) {
      return -1;
    }
    if (i + 6 <= e && b[i + 3] == ':' && digits(b, i + 4, 2)) {
      return i + 6;
    }
    return i + 5 <= e && digits(b, i + 3, 2) ? i + 5 : -1;
  }

  /**
   * {@code 0x} and hex digits; or hex digits holding a digit and a letter, 5 or more of them or
   * starting with a digit.
   */
  static int hex(byte[] b, int i, int e) {
    int j;
    if (b[i] == '0' && i + 2 < e && (b[i + 1] == 'x' || b[i + 1] == 'X') && isHex(b[i + 2])) {
      j = i + 3;
      while (j < e && isHex(b[j])) {
        j++;
      }
      return endsToken(b, j, e) ? j : -1;
    }
    j = i;
    boolean digit = false;
    boolean letter = false;
    while (j < e && isHex(b[j])) {
      digit |= isDigit(b[j]);
      letter |= !isDigit(b[j]);
      j++;
    }
    return (j - i >= 5 || isDigit(b[i])) && digit && letter && endsToken(b, j, e) ? j : -1;
  }

  /**
   * Digits, optionally {@code .digits}, then a duration unit ({@code duration}) or a size unit:
   * the whole letter run after the number must be the unit.
   */
  static int withUnit(byte[] b, int i, int e, boolean duration) {
    int j = i;
    while (j < e && isDigit(b[j])) {
      j++;
    }
    if (j + 1 < e && b[j] == '.' && isDigit(b[j + 1])) {
      j += 2;
      while (j < e && isDigit(b[j])) {
        j++;
      }
    }
    int u = j;
    while (j < e && isLetter(b[j])) {
      j++;
    }
    if (j == u || !endsToken(b, j, e)) {
      return -1;
    }
    for (byte[] unit : duration ? DURATION_UNITS : SIZE_UNITS) {
      if (unit.length == j - u && java.util.Arrays.equals(unit, 0, unit.length, b, u, j)) {
        return j;
      }
    }
    return -1;
  }

  /**
   * Digits and {@code .digits} groups, ending a token. When the longest such number does not end
   * a token ({@code 1.2.3ms}), the number up to the start of its last group does ({@code 1.2},
   * followed by a dot).
   */
  static int number(byte[] b, int i, int e) {
    int j = i;
    while (j < e && isDigit(b[j])) {
      j++;
    }
    int previous = -1;
    while (j + 1 < e && b[j] == '.' && isDigit(b[j + 1])) {
      previous = j;
      j += 2;
      while (j < e && isDigit(b[j])) {
        j++;
      }
    }
    return endsToken(b, j, e) ? j : previous;
  }

  private static boolean endsToken(byte[] b, int j, int e) {
    return j >= e || !isWord(b[j]);
  }

  private static boolean digits(byte[] b, int i, int n) {
    for (int k = i; k < i + n; k++) {
      if (!isDigit(b[k])) {
        return false;
      }
    }
    return true;
  }

  private static byte[][] units(String... units) {
    byte[][] u = new byte[units.length][];
    for (int k = 0; k < units.length; k++) {
      u[k] = units[k].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
    return u;
  }
}
