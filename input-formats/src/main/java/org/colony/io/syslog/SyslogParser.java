package org.colony.io.syslog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.hadoop.io.Text;
import org.colony.io.RejectReason;
import org.colony.io.Timestamps;
import org.colony.io.syslog.SyslogRecord.Format;

/**
 * Byte-level parser of syslog lines, without regular expressions or per-field Strings. It reads
 * the three layouts found in syslog files, telling them apart by their first bytes:
 *
 * <pre>
 *   RFC 3164  [&lt;PRI&gt;]Mmm dd hh:mm:ss[.ffffff] [HOST] [TAG[[PID]]:] MSG
 *   RFC 3339  [&lt;PRI&gt;]YYYY-MM-DDThh:mm:ss[.ffffff](Z|+hh:mm) [HOST] [TAG[[PID]]:] MSG
 *   RFC 5424  &lt;PRI&gt;VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP SD [SP MSG]
 * </pre>
 *
 * <p><b>PRI is optional</b> before a BSD or RFC 3339 header: rsyslog, syslog-ng and journald
 * write files without it (rsyslog's traditional and default file templates), and those files are
 * what lands on HDFS. Such records have facility and severity -1. RFC 5424 requires PRI: without
 * it a line starting with digits is no syslog line. A line that starts with neither {@code <PRI>},
 * a month abbreviation nor {@code YYYY-} is rejected as SYSLOG_PRIORITY (not syslog).
 *
 * <p>RFC 3164 and RFC 3339 lines share the part after the timestamp. The first word is the host,
 * unless it looks like a tag: a word ending in {@code :} ({@code su:}, {@code sshd[42]:},
 * {@code postfix/smtpd[1713]:}), which is the tag of a line without host (as some daemons write
 * to local files). After the host, a word ending in {@code :} is the tag, split into app-name and
 * procid at its {@code [PID]}; otherwise there is no tag and the message starts there
 * ({@code host Some message}, as go-syslog reads it). A tag may hold any byte but a space, and is
 * not limited to 32 characters (ansible's {@code ansible-<stdin>:} is a tag); the host must be 1-255
 * printable US-ASCII characters (SYSLOG_HOSTNAME). The cost of guessing: a host name that ends in
 * a colon (an IPv6 address such as {@code fe80::}) is taken for a tag. The BSD timestamp takes the
 * day as {@code  5}, {@code 05} or {@code 5}, and has no year and no zone: see
 * {@link #setYearReference} and {@link #setZone}. After {@code <PRI>}, anything but a month or a
 * digit is reported as RFC 5424 would (SYSLOG_VERSION), as go-syslog does.
 *
 * <p>RFC 5424 is parsed strictly, as go-syslog does: PRI 0-191 without leading zeros; VERSION
 * 1-999; TIMESTAMP {@code -} or RFC 3339 with at most six fraction digits (a leap second 60 is
 * accepted); HOSTNAME, APP-NAME, PROCID, MSGID {@code -} or 1-255, 48, 128, 32 printable US-ASCII
 * characters, each after exactly one space; STRUCTURED-DATA as {@link StructuredData} checks it,
 * or left out before two spaces ({@code ... MSGID  MSG}, read as NILVALUE, as logstash does).
 * MSG starting with a UTF-8 BOM must be valid UTF-8 (SYSLOG_MESSAGE), and loses the BOM; MSG
 * without one is any bytes.
 *
 * <p>In every layout MSG loses its leading spaces (logstash's reading) and keeps the rest. A line
 * that ends where a mandatory field should start is SYSLOG_TRUNCATED; a field that starts but is
 * malformed gets that field's reason. Spaces and tabs before the first byte are skipped; a line
 * with nothing else is BLANK_LINE.
 *
 * <p>A parser instance is not thread-safe; reuse one per reader.
 */
public final class SyslogParser {
  private static final int MAX_HOSTNAME = 255;
  private static final int MAX_APP_NAME = 48;
  private static final int MAX_PROCID = 128;
  private static final int MAX_MSGID = 32;

  private final SyslogTime time = new SyslogTime();
  private final StructuredData structuredData = new StructuredData();

  /** A parser reading BSD timestamps in UTC, in the year of today's UTC date. */
  public SyslogParser() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    setYearReference(today.getYear(), today.getMonthValue());
  }

  /**
   * The year of BSD timestamps, which have none. With a month (1-12), usually that of the
   * partition date or today, a line more than six months after it is from the year before and one
   * more than six months before it from the year after; with month 0, always {@code year}.
   */
  public void setYearReference(int year, int month) {
    time.setYearReference(year, month);
  }

  /** The zone of BSD timestamps, which have none (default UTC). */
  public void setZone(ZoneId zone) {
    time.setZone(zone);
  }

  /**
   * Parses {@code b[0, len)} into {@code r}.
   *
   * @return null on success, else why the line was rejected ({@code r} is then undefined)
   */
  public RejectReason parse(byte[] b, int len, SyslogRecord r) {
    r.clear();
    int i = 0;
    while (i < len && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    int last = len;
    while (last > i && (b[last - 1] == ' ' || b[last - 1] == '\t' || b[last - 1] == '\r')) {
      last--;
    }
    if (i == last) {
      return RejectReason.BLANK_LINE;
    }
    if (b[i] == '<') {
      i = priority(b, i, len, r);
      if (i < 0) {
        return RejectReason.SYSLOG_PRIORITY;
      }
      if (i == len) {
        return RejectReason.SYSLOG_TRUNCATED;
      }
      if (isYear(b, i, len)) {
        return bsd(b, i, len, r, Format.RFC3339);
      }
      if (isDigit(b[i])) {
        return rfc5424(b, i, len, r);
      }
      if (isMonth(b, i, len)) {
        return bsd(b, i, len, r, Format.RFC3164);
      }
      // Neither a version nor a BSD timestamp: report it as RFC 5424 does (go-syslog too).
      return RejectReason.SYSLOG_VERSION;
    }
    if (isMonth(b, i, len)) {
      return bsd(b, i, len, r, Format.RFC3164);
    }
    if (isYear(b, i, len)) {
      return bsd(b, i, len, r, Format.RFC3339);
    }
    return RejectReason.SYSLOG_PRIORITY;
  }

  /** {@code <PRI>} at {@code b[i]}: sets the record's priority; the index after '>', or -1. */
  private static int priority(byte[] b, int i, int e, SyslogRecord r) {
    int j = i + 1;
    int value = 0;
    int n = 0;
    while (j < e && isDigit(b[j])) {
      if (n == 3) {
        return -1;
      }
      value = value * 10 + (b[j] - '0');
      n++;
      j++;
    }
    if (n == 0 || j >= e || b[j] != '>' || (n > 1 && b[i + 1] == '0') || value > 191) {
      return -1;
    }
    r.setPriority(value >> 3, value & 7);
    return j + 1;
  }

  private RejectReason rfc5424(byte[] b, int i, int e, SyslogRecord r) {
    r.setFormat(Format.RFC5424);
    int t = tokenEnd(b, i, e);
    int n = t - i;
    int version = n <= 3 && b[i] != '0' ? Timestamps.digits(b, i, n) : -1;
    if (version < 0) {
      return RejectReason.SYSLOG_VERSION;
    }
    r.setVersion(version);
    if (t + 1 >= e) {
      return RejectReason.SYSLOG_TRUNCATED;
    }
    i = t + 1;

    t = tokenEnd(b, i, e);
    if (t - i == 1 && b[i] == '-') {
      r.setTime(SyslogRecord.NO_TIME, 0);
    } else if (time.rfc3339(b, i, t) == t) {
      r.setTime(time.micros(), time.offsetMinutes());
    } else {
      return RejectReason.SYSLOG_TIMESTAMP;
    }
    if (t + 1 >= e) {
      return RejectReason.SYSLOG_TRUNCATED;
    }

    t = field(b, t + 1, e, MAX_HOSTNAME, r.hostname());
    if (t < 0) {
      return RejectReason.SYSLOG_HOSTNAME;
    }
    if (t + 1 >= e) {
      return RejectReason.SYSLOG_TRUNCATED;
    }
    t = field(b, t + 1, e, MAX_APP_NAME, r.appName());
    if (t < 0) {
      return RejectReason.SYSLOG_APP_NAME;
    }
    if (t + 1 >= e) {
      return RejectReason.SYSLOG_TRUNCATED;
    }
    t = field(b, t + 1, e, MAX_PROCID, r.procId());
    if (t < 0) {
      return RejectReason.SYSLOG_PROCID;
    }
    if (t + 1 >= e) {
      return RejectReason.SYSLOG_TRUNCATED;
    }
    t = field(b, t + 1, e, MAX_MSGID, r.msgId());
    if (t < 0) {
      return RejectReason.SYSLOG_MSGID;
    }
    if (t + 1 >= e) {
      return RejectReason.SYSLOG_TRUNCATED;
    }

    i = t + 1;
    if (b[i] == '-') {
      t = i + 1;
    } else if (b[i] == ' ') {
      t = i; // no SD at all, two spaces before MSG: read as NILVALUE, as logstash does
    } else if (b[i] == '[') {
      t = structuredData.scan(b, i, e);
      if (t < 0) {
        return RejectReason.SYSLOG_STRUCTURED_DATA;
      }
      r.structuredData().set(b, i, t - i);
    } else {
      return RejectReason.SYSLOG_STRUCTURED_DATA;
    }
    if (t == e) {
      return null;
    }
    if (b[t] != ' ') {
      return RejectReason.SYSLOG_STRUCTURED_DATA;
    }

    i = skipSpaces(b, t + 1, e);
    if (e - i >= 3 && b[i] == (byte) 0xEF && b[i + 1] == (byte) 0xBB && b[i + 2] == (byte) 0xBF) {
      i += 3;
      if (!Utf8.isValid(b, i, e)) {
        return RejectReason.SYSLOG_MESSAGE;
      }
    }
    r.message().set(b, i, e - i);
    return null;
  }

  /**
   * An RFC 5424 header field at {@code b[i]}: {@code -} (left empty) or 1 to {@code max}
   * printable US-ASCII characters, up to a space or the end.
   *
   * @return the index after it, or -1 if it is invalid
   */
  private static int field(byte[] b, int i, int e, int max, Text out) {
    int t = i;
    while (t < e && b[t] != ' ') {
      byte c = b[t];
      if (c <= 32 || c == 127) {
        return -1;
      }
      t++;
    }
    if (t == i || t - i > max) {
      return -1;
    }
    if (t - i != 1 || b[i] != '-') {
      out.set(b, i, t - i);
    }
    return t;
  }

  /** An RFC 3164 or RFC 3339 header from its timestamp at {@code b[i]} to the end. */
  private RejectReason bsd(byte[] b, int i, int e, SyslogRecord r, Format format) {
    r.setFormat(format);
    int t = format == Format.RFC3164 ? time.bsd(b, i, e) : time.rfc3339(b, i, e);
    if (t < 0 || (t < e && b[t] != ' ')) {
      return RejectReason.SYSLOG_TIMESTAMP;
    }
    r.setTime(time.micros(), time.offsetMinutes());
    i = skipSpaces(b, t, e);
    if (i == e) {
      return RejectReason.SYSLOG_TRUNCATED;
    }
    t = tokenEnd(b, i, e);
    if (!tag(b, i, t, r)) {
      if (t - i > MAX_HOSTNAME || !isPrintableAscii(b, i, t)) {
        return RejectReason.SYSLOG_HOSTNAME;
      }
      r.hostname().set(b, i, t - i);
      i = skipSpaces(b, t, e);
      t = tokenEnd(b, i, e);
      if (!tag(b, i, t, r)) {
        t = i;
      }
    }
    i = skipSpaces(b, t, e);
    r.message().set(b, i, e - i);
    return null;
  }

  /**
   * Whether {@code b[s, e)} is a tag, a word ending in ':' with something before it; if so sets
   * the app-name, and the procid when the name ends in {@code [PID]} (the last '[').
   */
  private static boolean tag(byte[] b, int s, int e, SyslogRecord r) {
    if (e - s < 2 || b[e - 1] != ':') {
      return false;
    }
    int nameEnd = e - 1;
    if (b[nameEnd - 1] == ']') {
      for (int k = nameEnd - 2; k > s; k--) {
        if (b[k] == '[') {
          r.appName().set(b, s, k - s);
          r.procId().set(b, k + 1, nameEnd - 2 - k);
          return true;
        }
      }
    }
    r.appName().set(b, s, nameEnd - s);
    return true;
  }

  /** Whether a month abbreviation starts at {@code b[i]}. */
  private static boolean isMonth(byte[] b, int i, int e) {
    return e - i >= 3 && Timestamps.month(b, i) > 0;
  }

  /** Whether {@code YYYY-} starts at {@code b[i]}. */
  private static boolean isYear(byte[] b, int i, int e) {
    return e - i >= 5 && b[i + 4] == '-' && Timestamps.digits(b, i, 4) >= 0;
  }

  private static boolean isPrintableAscii(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      if (b[i] <= 32 || b[i] == 127) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static int skipSpaces(byte[] b, int i, int e) {
    while (i < e && b[i] == ' ') {
      i++;
    }
    return i;
  }

  private static int tokenEnd(byte[] b, int i, int e) {
    while (i < e && b[i] != ' ') {
      i++;
    }
    return i;
  }
}
