package org.colony.io.syslog;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import org.colony.io.Timestamps;

/**
 * The two syslog timestamp forms, parsed from bytes: RFC 3339 ({@code 2003-08-24T05:14:15.000003-07:00})
 * and BSD ({@code Nov  5 10:00:00}, no year, no zone). The result of the last successful parse is in
 * {@link #micros()} and {@link #offsetMinutes()}. Not thread-safe; one per parser.
 */
final class SyslogTime {
  private static final int[] SCALE = {0, 100_000, 10_000, 1_000, 100, 10, 1};
  private static final int MAX_FRACTION_DIGITS = 6;

  private int referenceYear;
  private int referenceMonth;
  private ZoneRules rules = ZoneOffset.UTC.getRules();
  private int fixedOffsetSeconds;
  private boolean fixed = true;
  private long cachedMinute = Long.MIN_VALUE;
  private int cachedOffsetSeconds;

  private long micros;
  private int offsetMinutes;

  /**
   * The year BSD timestamps are read in. With {@code month} (1-12), a line whose month is more
   * than six months after it is taken from the year before, and one more than six months before it
   * from the year after (Dec 31 in a file of Jan 1 is last year's); with {@code month} 0, always
   * {@code year}.
   */
  void setYearReference(int year, int month) {
    if (month < 0 || month > 12) {
      throw new IllegalArgumentException("month must be 0 (none) or 1-12, got " + month);
    }
    this.referenceYear = year;
    this.referenceMonth = month;
  }

  /** The zone of BSD timestamps, which carry no offset. */
  void setZone(ZoneId zone) {
    rules = zone.getRules();
    fixed = rules.isFixedOffset();
    fixedOffsetSeconds = fixed ? rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds() : 0;
    cachedMinute = Long.MIN_VALUE;
  }

  long micros() {
    return micros;
  }

  int offsetMinutes() {
    return offsetMinutes;
  }

  /**
   * Parses {@code YYYY-MM-DDThh:mm:ss[.f{1,6}](Z|+hh:mm|-hh:mm)} at {@code b[i]}: 'T' and 'Z' in
   * upper case, a real date, hour 0-23, minute 0-59, second 0-60 (a leap second counts as the
   * first second of the next minute, as POSIX time has none), offset hours 0-23.
   *
   * @return the index after the timestamp, or -1
   */
  int rfc3339(byte[] b, int i, int e) {
    if (e - i < 20) {
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
    int j = i + 19;
    int fraction = 0;
    if (b[j] == '.') {
      j++;
      int n = 0;
      while (j < e && b[j] >= '0' && b[j] <= '9') {
        if (n == MAX_FRACTION_DIGITS) {
          return -1;
        }
        fraction = fraction * 10 + (b[j] - '0');
        n++;
        j++;
      }
      if (n == 0) {
        return -1;
      }
      fraction *= SCALE[n];
    }
    if (j >= e) {
      return -1;
    }
    int offset;
    if (b[j] == 'Z') {
      offset = 0;
      j++;
    } else if ((b[j] == '+' || b[j] == '-') && e - j >= 6 && b[j + 3] == ':') {
      int oh = Timestamps.digits(b, j + 1, 2);
      int om = Timestamps.digits(b, j + 4, 2);
      if (oh < 0 || om < 0 || oh > 23 || om > 59) {
        return -1;
      }
      offset = (oh * 60 + om) * (b[j] == '-' ? -1 : 1);
      j += 6;
    } else {
      return -1;
    }
    long local = Timestamps.epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L
        + second;
    micros = (local - offset * 60L) * 1_000_000L + fraction;
    offsetMinutes = offset;
    return j;
  }

  /**
   * Parses {@code Mmm dd hh:mm:ss[.f{1,6}]} at {@code b[i]}: an English month abbreviation (any
   * case), the day as {@code  5}, {@code 05} or {@code 5}, and an optional fraction (as some
   * daemons write). The year comes from {@link #setYearReference}, the offset from
   * {@link #setZone}; Feb 29 of a year that has none is invalid.
   *
   * @return the index after the timestamp, or -1
   */
  int bsd(byte[] b, int i, int e) {
    if (e - i < 14) {
      return -1;
    }
    int month = Timestamps.month(b, i);
    if (month < 0 || b[i + 3] != ' ') {
      return -1;
    }
    int j = i + 4;
    if (b[j] == ' ') {
      j++;
    }
    int day = digit(b[j]);
    if (day < 0) {
      return -1;
    }
    j++;
    if (j < e && digit(b[j]) >= 0) {
      day = day * 10 + digit(b[j]);
      j++;
    }
    if (e - j < 9 || b[j] != ' ') {
      return -1;
    }
    j++;
    int hour = Timestamps.digits(b, j, 2);
    int minute = b[j + 2] == ':' ? Timestamps.digits(b, j + 3, 2) : -1;
    int second = b[j + 5] == ':' ? Timestamps.digits(b, j + 6, 2) : -1;
    if (hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 60) {
      return -1;
    }
    j += 8;
    int fraction = 0;
    if (j < e && b[j] == '.') {
      j++;
      int n = 0;
      while (j < e && b[j] >= '0' && b[j] <= '9') {
        if (n == MAX_FRACTION_DIGITS) {
          return -1;
        }
        fraction = fraction * 10 + (b[j] - '0');
        n++;
        j++;
      }
      if (n == 0) {
        return -1;
      }
      fraction *= SCALE[n];
    }
    int year = referenceYear;
    if (referenceMonth > 0) {
      if (month - referenceMonth > 6) {
        year--;
      } else if (referenceMonth - month > 6) {
        year++;
      }
    }
    if (!Timestamps.isValidDate(year, month, day)) {
      return -1;
    }
    long local = Timestamps.epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L
        + second;
    int offsetSeconds = offsetSeconds(local);
    micros = (local - offsetSeconds) * 1_000_000L + fraction;
    offsetMinutes = offsetSeconds / 60;
    return j;
  }

  /**
   * The zone's offset at a local time, looked up once per local minute. In a gap or an overlap
   * (clocks moved forward or back) it is the offset before the change, as
   * {@link ZoneRules#getOffset(LocalDateTime)} has it.
   */
  private int offsetSeconds(long localSeconds) {
    if (fixed) {
      return fixedOffsetSeconds;
    }
    long minute = Math.floorDiv(localSeconds, 60L);
    if (minute != cachedMinute) {
      cachedOffsetSeconds = rules.getOffset(LocalDateTime.ofEpochSecond(minute * 60L, 0,
          ZoneOffset.UTC)).getTotalSeconds();
      cachedMinute = minute;
    }
    return cachedOffsetSeconds;
  }

  private static int digit(byte c) {
    return c >= '0' && c <= '9' ? c - '0' : -1;
  }
}
