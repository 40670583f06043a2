package org.colony.io.access;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.hadoop.io.Text;
import org.colony.io.Timestamps;

/**
 * Byte-level readers of the fields access log lines share, used by both the {@code auto} parser
 * and compiled log formats so that a field reads the same whichever parser met it. All work on
 * {@code b[s, e)} without allocating.
 */
final class AccessFields {
  private AccessFields() {}

  /** Eight bytes of a byte array as one little-endian long, for the scans below. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  /**
   * The first quote or backslash in {@code b[i, e)}, or -1. Reads eight bytes at a time (the
   * has-zero-byte trick on the word xor each byte), as quoted fields (the request, the referrer,
   * the user agent) are most of a line.
   */
  static int indexOfQuoteOrBackslash(byte[] b, int i, int e) {
    for (; i + 8 <= e; i += 8) {
      long w = (long) LONGS.get(b, i);
      long q = w ^ QUOTES;
      long s = w ^ BACKSLASHES;
      long hit = ((q - ONES) & ~q | (s - ONES) & ~s) & HIGHS;
      if (hit != 0) {
        // exact for the lowest matching byte, the first in the line (little-endian)
        return i + (Long.numberOfTrailingZeros(hit) >>> 3);
      }
    }
    for (; i < e; i++) {
      if (b[i] == '"' || b[i] == '\\') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Parses a CLF time {@code dd/Mon/yyyy:HH:mm:ss[.fff] +zzzz} starting at {@code b[i]} (the
   * first digit of the day, after any '[') into {@code r}.
   *
   * @return the index after the zone offset, or -1 if there is no valid time there
   */
  static int clfTime(byte[] b, int i, int e, AccessLogRecord r) {
    if (i + 20 > e) {
      return -1;
    }
    int day = Timestamps.digits(b, i, 2);
    int month = b[i + 2] == '/' ? Timestamps.month(b, i + 3) : -1;
    int year = b[i + 6] == '/' ? Timestamps.digits(b, i + 7, 4) : -1;
    int hour = b[i + 11] == ':' ? Timestamps.digits(b, i + 12, 2) : -1;
    int minute = b[i + 14] == ':' ? Timestamps.digits(b, i + 15, 2) : -1;
    int second = b[i + 17] == ':' ? Timestamps.digits(b, i + 18, 2) : -1;
    if (day < 0 || month < 0 || year < 0 || hour < 0 || minute < 0 || second < 0 || hour > 23
        || minute > 59 || second > 60 || !Timestamps.isValidDate(year, month, day)) {
      return -1;
    }
    i += 20;
    int millis = 0;
    if (i < e && b[i] == '.') {
      int scale = 100;
      i++;
      int digitsStart = i;
      while (i < e && isDigit(b[i])) {
        millis += (b[i] - '0') * scale;
        scale /= 10;
        i++;
      }
      if (i == digitsStart) {
        return -1;
      }
    }
    if (i + 6 > e || b[i] != ' ' || (b[i + 1] != '+' && b[i + 1] != '-')) {
      return -1;
    }
    int oh = Timestamps.digits(b, i + 2, 2);
    int om = Timestamps.digits(b, i + 4, 2);
    if (oh < 0 || om < 0 || oh > 23 || om > 59) {
      return -1;
    }
    int offset = (oh * 60 + om) * (b[i + 1] == '-' ? -1 : 1);
    r.setTime(localMillis(year, month, day, hour, minute, second, millis) - offset * 60_000L,
        offset);
    return i + 6;
  }

  /**
   * Parses an ISO 8601 time as nginx's {@code $time_iso8601} writes it,
   * {@code yyyy-MM-ddTHH:mm:ss+hh:mm} (or {@code Z}), starting at {@code b[i]}.
   *
   * @return the index after the zone, or -1 if there is no valid time there
   */
  static int isoTime(byte[] b, int i, int e, AccessLogRecord r) {
    if (i + 20 > e) {
      return -1;
    }
    int year = Timestamps.digits(b, i, 4);
    int month = b[i + 4] == '-' ? Timestamps.digits(b, i + 5, 2) : -1;
    int day = b[i + 7] == '-' ? Timestamps.digits(b, i + 8, 2) : -1;
    int hour = b[i + 10] == 'T' ? Timestamps.digits(b, i + 11, 2) : -1;
    int minute = b[i + 13] == ':' ? Timestamps.digits(b, i + 14, 2) : -1;
    int second = b[i + 16] == ':' ? Timestamps.digits(b, i + 17, 2) : -1;
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || hour > 23
        || minute > 59 || second > 60 || !Timestamps.isValidDate(year, month, day)) {
      return -1;
    }
    i += 19;
    int offset;
    if (b[i] == 'Z') {
      offset = 0;
      i++;
    } else {
      if (i + 6 > e || (b[i] != '+' && b[i] != '-') || b[i + 3] != ':') {
        return -1;
      }
      int oh = Timestamps.digits(b, i + 1, 2);
      int om = Timestamps.digits(b, i + 4, 2);
      if (oh < 0 || om < 0 || oh > 23 || om > 59) {
        return -1;
      }
      offset = (oh * 60 + om) * (b[i] == '-' ? -1 : 1);
      i += 6;
    }
    r.setTime(localMillis(year, month, day, hour, minute, second, 0) - offset * 60_000L, offset);
    return i;
  }

  private static long localMillis(int year, int month, int day, int hour, int minute, int second,
      int millis) {
    return (Timestamps.epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L
        + second) * 1000L + millis;
  }

  /**
   * A non-negative decimal with an optional fraction ({@code 12}, {@code 0.123}) in units of
   * {@code 10^-scale}: {@code fixedPoint("0.1234567", 6)} is 123456 (extra digits are dropped).
   *
   * @return the value, or -1 if {@code b[s,e)} is no such number (or has more than 15 digits
   *     before the point)
   */
  static long fixedPoint(byte[] b, int s, int e, int scale) {
    long v = 0;
    int i = s;
    while (i < e && isDigit(b[i])) {
      v = v * 10 + (b[i] - '0');
      i++;
    }
    if (i == s || i - s > 15) {
      return -1;
    }
    int fraction = 0;
    if (i < e && b[i] == '.') {
      i++;
      int fractionStart = i;
      while (i < e && isDigit(b[i])) {
        if (fraction < scale) {
          v = v * 10 + (b[i] - '0');
          fraction++;
        }
        i++;
      }
      if (i == fractionStart) {
        return -1;
      }
    }
    if (i != e) {
      return -1;
    }
    for (; fraction < scale; fraction++) {
      v *= 10;
    }
    return v;
  }

  /** METHOD target PROTOCOL, tolerating a missing protocol, spaces in the target and garbage. */
  static void request(byte[] b, int s, int e, AccessLogRecord r) {
    while (e > s && b[e - 1] == ' ') {
      e--;
    }
    if (s == e || isDash(b, s, e)) {
      return;
    }
    int sp1 = indexOf(b, s, e, (byte) ' ');
    if (sp1 < 0) {
      r.method().set(b, s, e - s);
      return;
    }
    r.method().set(b, s, sp1 - s);
    int targetStart = skipSpaces(b, sp1, e);
    int targetEnd = e;
    int lastSp = lastIndexOf(b, targetStart, e, (byte) ' ');
    if (lastSp > 0 && startsWithHttp(b, lastSp + 1, e)) {
      r.protocol().set(b, lastSp + 1, e - lastSp - 1);
      targetEnd = lastSp;
      while (targetEnd > targetStart && b[targetEnd - 1] == ' ') {
        targetEnd--;
      }
    }
    int qm = indexOf(b, targetStart, targetEnd, (byte) '?');
    if (qm < 0) {
      r.path().set(b, targetStart, targetEnd - targetStart);
    } else {
      r.path().set(b, targetStart, qm - targetStart);
      r.query().set(b, qm + 1, targetEnd - qm - 1);
    }
  }

  private static boolean startsWithHttp(byte[] b, int s, int e) {
    return e - s >= 5 && (b[s] | 0x20) == 'h' && (b[s + 1] | 0x20) == 't'
        && (b[s + 2] | 0x20) == 't' && (b[s + 3] | 0x20) == 'p' && b[s + 4] == '/';
  }

  /** An HTTP status of at most three digits, -1 for '-', or -2 if it is neither. */
  static int status(byte[] b, int s, int e) {
    if (isDash(b, s, e)) {
      return -1;
    }
    int n = e - s;
    int status = n >= 1 && n <= 3 ? Timestamps.digits(b, s, n) : -1;
    return status < 0 ? -2 : status;
  }

  /** A byte count, -1 for '-', or -2 if it is neither. */
  static long byteCount(byte[] b, int s, int e) {
    if (isDash(b, s, e)) {
      return -1;
    }
    long bytes = decimal(b, s, e);
    return bytes < 0 ? -2 : bytes;
  }

  /** Sets a field from {@code b[s,e)}, leaving it empty for '-'. */
  static void setField(Text t, byte[] b, int s, int e) {
    if (!isDash(b, s, e)) {
      t.set(b, s, e - s);
    }
  }

  /** The non-negative decimal {@code b[s,e)} of at most 18 digits, or -1. */
  static long decimal(byte[] b, int s, int e) {
    if (e - s > 18 || e == s) {
      return -1;
    }
    long v = 0;
    for (int i = s; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  static boolean isDash(byte[] b, int s, int e) {
    return e - s == 1 && b[s] == '-';
  }

  static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  static int skipSpaces(byte[] b, int i, int e) {
    while (i < e && b[i] == ' ') {
      i++;
    }
    return i;
  }

  static int indexOf(byte[] b, int s, int e, byte c) {
    for (int i = s; i < e; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  static int lastIndexOf(byte[] b, int s, int e, byte c) {
    for (int i = e - 1; i >= s; i--) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
