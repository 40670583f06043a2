package org.colony.io.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.colony.io.Timestamps;

/**
 * What starts an event: a test on the first bytes of a line, and the timestamp found there.
 *
 * <p>Presets ({@code colony.events.start}), matched on bytes without regular expressions:
 * <ul>
 *   <li>{@code log4j}: {@code yyyy-MM-dd HH:mm:ss}, or with {@code T} for the space, then an
 *       optional fraction ({@code ,SSS} or {@code .SSS}, 1-9 digits; milliseconds kept) and an
 *       optional zone ({@code Z}, {@code +hh:mm}, {@code +hhmm}, {@code +hh}, or {@code +hhmm}
 *       after one space), log4j's and logback's {@code %d} and ISO 8601;</li>
 *   <li>{@code bracketed}: the same inside {@code [ ]}, as Kafka and Elasticsearch write;</li>
 *   <li>{@code syslog}: {@code Mmm dd HH:mm:ss} (BSD syslog, the day space-padded or two
 *       digits, an optional fraction); its year is not logged and comes from
 *       {@link #setReferenceDate} (the reader takes the {@code dt=} folder or the file's time);</li>
 *   <li>{@code auto}, the default: any of these, chosen by the line's first byte.</li>
 * </ul>
 * The timestamp must be a real date and time, and not run on into a letter or digit, so
 * {@code 2026-11-24 is the day} or {@code 20261124} start nothing. A line that starts with
 * whitespace (a stack frame, an indented dump) never starts an event in the presets.
 *
 * <p>{@code regex:PATTERN} is a Java regular expression matched at the start of the line
 * ({@link Matcher#lookingAt}, on the line's first 1024 bytes seen as ISO-8859-1 characters). If it
 * has a group named {@code time} that captures a timestamp of one of the presets, the event gets
 * that time. Like every configuration value the spec is trimmed: end a regex with {@code [ ]} or
 * {@code \s}, not a space.
 *
 * <p>Timestamps without a zone are in {@code colony.events.timezone} (UTC by default); in a zone
 * with daylight saving time, a local time in the spring gap or the autumn overlap takes the offset
 * before the transition. One instance per reader: it keeps the result of the last match.
 */
public final class EventStart {
  private static final int REGEX_WINDOW = 1024;
  private static final Pattern TIME_GROUP = Pattern.compile("\\(\\?<time>");

  private enum Kind { AUTO, LOG4J, BRACKETED, SYSLOG, REGEX }

  private final String spec;
  private final Kind kind;
  private final Matcher matcher;
  private final boolean regexTime;
  private final Latin1 chars = new Latin1();
  private final ZoneRules rules;
  private final long fixedOffsetMillis;
  private long cachedMinute = Long.MIN_VALUE;
  private long cachedOffsetMillis;
  private int refYear = -1;
  private int refMonth;

  // the last match
  private long millis;
  private boolean hasTime;
  private boolean zoned;
  private int end;

  // fields of the timestamp being parsed
  private int year;
  private int month;
  private int day;
  private int hour;
  private int minute;
  private int second;
  private int milli;
  private boolean parsedZone;
  private long parsedOffsetMillis;
  private boolean needsYear;

  private EventStart(String spec, Kind kind, Pattern regex, ZoneId zone) {
    this.spec = spec;
    this.kind = kind;
    this.matcher = regex == null ? null : regex.matcher("");
    this.regexTime = regex != null && TIME_GROUP.matcher(regex.pattern()).find();
    this.rules = zone.getRules();
    this.fixedOffsetMillis = rules.isFixedOffset()
        ? rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : Long.MIN_VALUE;
  }

  /**
   * The start pattern {@code spec} ({@code auto}, {@code log4j}, {@code bracketed},
   * {@code syslog} or {@code regex:PATTERN}), with timestamps without a zone in {@code zone}.
   *
   * @throws IllegalArgumentException naming {@code colony.events.start} when spec is none of these
   */
  public static EventStart of(String spec, ZoneId zone) {
    String s = spec.trim();
    if (s.regionMatches(true, 0, "regex:", 0, 6)) {
      try {
        return new EventStart(s, Kind.REGEX, Pattern.compile(s.substring(6)), zone);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(EventKeys.START.name() + ": bad regex '"
            + s.substring(6) + "': " + e.getDescription());
      }
    }
    switch (s.toLowerCase(Locale.ROOT)) {
      case "auto":
        return new EventStart(s, Kind.AUTO, null, zone);
      case "log4j":
        return new EventStart(s, Kind.LOG4J, null, zone);
      case "bracketed":
        return new EventStart(s, Kind.BRACKETED, null, zone);
      case "syslog":
        return new EventStart(s, Kind.SYSLOG, null, zone);
      default:
        throw new IllegalArgumentException(EventKeys.START.name()
            + " must be auto, log4j, bracketed, syslog or regex:PATTERN, got '" + spec + "'");
    }
  }

  /** The start pattern and zone of {@code conf}. */
  public static EventStart fromConf(Configuration conf) {
    return of(EventKeys.START.get(conf), EventKeys.timezone(conf));
  }

  /** Whether headers may be syslog timestamps, which need {@link #setReferenceDate}. */
  public boolean needsYear() {
    return kind == Kind.AUTO || kind == Kind.SYSLOG || regexTime;
  }

  /**
   * The date near which the file was written, for timestamps without a year: a month more than
   * six months after {@code month} is of the year before (December in a January file), one more
   * than six months before it of the year after. Without it such timestamps give no time.
   */
  public void setReferenceDate(int year, int month) {
    this.refYear = year;
    this.refMonth = month;
  }

  /**
   * Whether {@code b[0, length)} starts an event. If so, {@link #end}, {@link #hasTime},
   * {@link #millis} and {@link #zoned} describe it until the next call.
   */
  public boolean matches(byte[] b, int length) {
    int e;
    switch (kind) {
      case AUTO:
        e = auto(b, 0, length);
        break;
      case LOG4J:
        e = iso(b, 0, length);
        break;
      case BRACKETED:
        e = bracketed(b, 0, length);
        break;
      case SYSLOG:
        e = syslog(b, 0, length);
        break;
      default:
        return regex(b, length);
    }
    if (e < 0) {
      return false;
    }
    end = e;
    time();
    return true;
  }

  private boolean regex(byte[] b, int length) {
    chars.set(b, Math.min(length, REGEX_WINDOW));
    matcher.reset(chars);
    if (!matcher.lookingAt()) {
      return false;
    }
    end = matcher.end();
    hasTime = false;
    zoned = false;
    if (regexTime && matcher.start("time") >= 0 && auto(b, matcher.start("time"),
        matcher.end("time")) >= 0) {
      time();
    }
    return true;
  }

  private int auto(byte[] b, int i, int limit) {
    if (i >= limit) {
      return -1;
    }
    byte c = b[i];
    if (c >= '0' && c <= '9') {
      return iso(b, i, limit);
    }
    if (c == '[') {
      return bracketed(b, i, limit);
    }
    if (c >= 'A' && c <= 'Z') {
      return syslog(b, i, limit);
    }
    return -1;
  }

  /** {@code yyyy-MM-dd[ T]HH:mm:ss[(,|.)f{1,9}][zone]} at {@code i}: its end, or -1. */
  private int iso(byte[] b, int i, int limit) {
    if (limit - i < 19 || b[i + 4] != '-' || b[i + 7] != '-' || (b[i + 10] != ' '
        && b[i + 10] != 'T') || b[i + 13] != ':' || b[i + 16] != ':') {
      return -1;
    }
    year = Timestamps.digits(b, i, 4);
    month = Timestamps.digits(b, i + 5, 2);
    day = Timestamps.digits(b, i + 8, 2);
    if (year < 0 || !Timestamps.isValidDate(year, month, day) || !clock(b, i + 11)) {
      return -1;
    }
    int p = fraction(b, i + 19, limit);
    if (p < 0) {
      return -1;
    }
    p = zone(b, p, limit);
    needsYear = false;
    return p < limit && isAlnum(b[p]) ? -1 : p;
  }

  private int bracketed(byte[] b, int i, int limit) {
    if (i >= limit || b[i] != '[') {
      return -1;
    }
    int p = iso(b, i + 1, limit);
    return p < 0 || p >= limit || b[p] != ']' ? -1 : p + 1;
  }

  /** {@code Mmm dd HH:mm:ss[.f]} (day space-padded or two digits) at {@code i}: its end, or -1. */
  private int syslog(byte[] b, int i, int limit) {
    if (limit - i < 15 || b[i + 3] != ' ' || b[i + 6] != ' ' || b[i + 9] != ':'
        || b[i + 12] != ':') {
      return -1;
    }
    byte c0 = b[i];
    byte c1 = b[i + 1];
    byte c2 = b[i + 2];
    if (c0 < 'A' || c0 > 'Z' || c1 < 'a' || c1 > 'z' || c2 < 'a' || c2 > 'z') {
      return -1;
    }
    month = Timestamps.month(b, i);
    day = b[i + 4] == ' ' ? Timestamps.digits(b, i + 5, 1) : Timestamps.digits(b, i + 4, 2);
    // without the year: February may have 29 days
    if (month < 0 || day < 1 || day > Timestamps.daysInMonth(2000, month) || !clock(b, i + 7)) {
      return -1;
    }
    int p = fraction(b, i + 15, limit);
    if (p < 0 || p < limit && isAlnum(b[p])) {
      return -1;
    }
    parsedZone = false;
    needsYear = true;
    return p;
  }

  /** {@code HH:mm:ss} at {@code i} (separators already checked). */
  private boolean clock(byte[] b, int i) {
    hour = Timestamps.digits(b, i, 2);
    minute = Timestamps.digits(b, i + 3, 2);
    second = Timestamps.digits(b, i + 6, 2);
    return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60;
  }

  /** An optional {@code ,f} or {@code .f} of 1-9 digits at {@code p}: the position after it. */
  private int fraction(byte[] b, int p, int limit) {
    milli = 0;
    if (p >= limit || (b[p] != ',' && b[p] != '.')) {
      return p;
    }
    int q = p + 1;
    int n = 0;
    while (q < limit && n < 9 && b[q] >= '0' && b[q] <= '9') {
      if (n < 3) {
        milli = milli * 10 + (b[q] - '0');
      }
      n++;
      q++;
    }
    if (n == 0) {
      return -1;
    }
    for (int k = n; k < 3; k++) {
      milli *= 10;
    }
    return q;
  }

  /** An optional zone at {@code p}: the position after it. */
  private int zone(byte[] b, int p, int limit) {
    parsedZone = false;
    if (p >= limit) {
      return p;
    }
    if (b[p] == 'Z') {
      parsedZone = true;
      parsedOffsetMillis = 0;
      return p + 1;
    }
    boolean spaced = b[p] == ' ';
    int q = spaced ? p + 1 : p;
    if (q + 3 > limit || (b[q] != '+' && b[q] != '-')) {
      return p;
    }
    int hh = Timestamps.digits(b, q + 1, 2);
    int mm;
    int r;
    if (q + 6 <= limit && b[q + 3] == ':' && Timestamps.digits(b, q + 4, 2) >= 0) {
      mm = Timestamps.digits(b, q + 4, 2);
      r = q + 6;
    } else if (q + 5 <= limit && Timestamps.digits(b, q + 3, 2) >= 0) {
      mm = Timestamps.digits(b, q + 3, 2);
      r = q + 5;
    } else if (!spaced) {
      mm = 0;
      r = q + 3;
    } else {
      return p;
    }
    if (hh < 0 || hh > 18 || mm > 59 || (r < limit && isAlnum(b[r]))) {
      return p;
    }
    parsedZone = true;
    parsedOffsetMillis = (b[q] == '-' ? -1 : 1) * (hh * 60L + mm) * 60_000L;
    return r;
  }

  /** Turns the parsed fields into the match's time. */
  private void time() {
    zoned = parsedZone;
    int y = year;
    if (needsYear) {
      if (refYear < 0) {
        hasTime = false;
        return;
      }
      y = refYear;
      if (month - refMonth > 6) {
        y--;
      } else if (refMonth - month > 6) {
        y++;
      }
      if (!Timestamps.isValidDate(y, month, day)) {
        hasTime = false;
        return;
      }
    }
    long local = Timestamps.epochDay(y, month, day) * Timestamps.MILLIS_PER_DAY
        + hour * Timestamps.MILLIS_PER_HOUR + minute * 60_000L + second * 1000L + milli;
    millis = local - (parsedZone ? parsedOffsetMillis : offsetAt(local));
    hasTime = true;
  }

  /** The offset of the configured zone at a local time, in milliseconds. */
  private long offsetAt(long localMillis) {
    if (fixedOffsetMillis != Long.MIN_VALUE) {
      return fixedOffsetMillis;
    }
    long minuteOfEpoch = Math.floorDiv(localMillis, 60_000L);
    if (minuteOfEpoch != cachedMinute) {
      LocalDateTime ldt = LocalDateTime.ofEpochSecond(minuteOfEpoch * 60, 0, ZoneOffset.UTC);
      cachedOffsetMillis = rules.getOffset(ldt).getTotalSeconds() * 1000L;
      cachedMinute = minuteOfEpoch;
    }
    return cachedOffsetMillis;
  }

  private static boolean isAlnum(byte c) {
    return c >= '0' && c <= '9' || (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }

  /** Where the start pattern's match ends in the line (the timestamp's end for the presets). */
  public int end() {
    return end;
  }

  /** Whether the match gave a time (syslog needs a reference date; a regex, a time group). */
  public boolean hasTime() {
    return hasTime;
  }

  /** The match's time as epoch milliseconds, when {@link #hasTime}. */
  public long millis() {
    return millis;
  }

  /** Whether the timestamp carried its own zone ({@code Z} or an offset). */
  public boolean zoned() {
    return zoned;
  }

  @Override
  public String toString() {
    return spec;
  }

  /** A line's bytes seen as ISO-8859-1 characters, for the regex, without copying. */
  private static final class Latin1 implements CharSequence {
    private byte[] b;
    private int n;

    void set(byte[] bytes, int length) {
      this.b = bytes;
      this.n = length;
    }

    @Override
    public int length() {
      return n;
    }

    @Override
    public char charAt(int i) {
      if (i >= n) {
        throw new IndexOutOfBoundsException(i);
      }
      return (char) (b[i] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int stop) {
      return new String(b, start, stop - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
      return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }
  }
}
