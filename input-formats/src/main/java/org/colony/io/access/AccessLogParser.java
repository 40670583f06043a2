package org.colony.io.access;

import org.apache.hadoop.io.Text;
import org.colony.io.RejectReason;
import org.colony.io.Timestamps;

/**
 * Byte-level parser of web server access log lines, without regular expressions or per-field
 * Strings. One grammar covers the formats web servers write by default:
 *
 * <pre>
 *   [vhost] clients ident user [dd/Mon/yyyy:HH:mm:ss +zzzz] "request" status bytes ["referrer" "agent" ...]
 * </pre>
 *
 * <ul>
 *   <li>Apache {@code common} and {@code combined}; {@code combined} with a leading virtual host
 *       ({@code vhost_combined}, with or without {@code :port}); nginx's default {@code combined}.
 *   <li>{@code clients} is one address or host name, or a forwarded-for chain: addresses separated
 *       by commas and/or spaces, possibly quoted ({@code "10.5.102.222, 199.96.1.1" 10.2.1.185}).
 *       The effective client is the chain's first public address, else its first entry.
 *   <li>IPv6 and host-name clients; {@code -} in any field; an empty request {@code ""}; escaped
 *       quotes ({@code \"}) inside quoted fields; fields after the user agent are ignored.
 * </ul>
 *
 * A parser instance is not thread-safe; reuse one per reader.
 */
public final class AccessLogParser {
  private static final int MAX_TOKENS = 32;
  private static final int MAX_CLIENTS = 64;
  private static final byte[] LIST_SEPARATOR = {',', ' '};

  private final int[] tokStart = new int[MAX_TOKENS];
  private final int[] tokEnd = new int[MAX_TOKENS];
  private final int[] clientStart = new int[MAX_CLIENTS];
  private final int[] clientEnd = new int[MAX_CLIENTS];

  /**
   * Parses {@code b[0, len)} into {@code r}.
   *
   * @return null on success, else why the line was rejected ({@code r} is then undefined)
   */
  public RejectReason parse(byte[] b, int len, AccessLogRecord r) {
    r.clear();
    int s = 0;
    int e = len;
    while (s < e && isSpace(b[s])) {
      s++;
    }
    while (e > s && isSpace(b[e - 1])) {
      e--;
    }
    if (s == e) {
      return RejectReason.BLANK_LINE;
    }

    // The timestamp's bracket: the first " [" followed by "dd/" (not a bracketed IPv6 address).
    int ts = -1;
    for (int i = s + 1; i < e - 3; i++) {
      if (b[i] == '[' && b[i - 1] == ' ' && isDigit(b[i + 1]) && b[i + 3] == '/') {
        ts = i;
        break;
      }
    }
    if (ts < 0) {
      return RejectReason.BAD_TIMESTAMP;
    }

    RejectReason reason = parsePrefix(b, s, ts - 1, r);
    if (reason != null) {
      return reason;
    }
    int i = parseTimestamp(b, ts, e, r);
    if (i < 0) {
      return RejectReason.BAD_TIMESTAMP;
    }

    // "request"
    if (i >= e) {
      return RejectReason.TRUNCATED;
    }
    if (b[i] != ' ' || i + 1 >= e || b[i + 1] != '"') {
      return RejectReason.BAD_REQUEST;
    }
    int q = closingQuote(b, i + 2, e);
    if (q < 0) {
      return RejectReason.BAD_REQUEST;
    }
    parseRequest(b, i + 2, q, r);
    i = q + 1;

    // status
    if (i >= e) {
      return RejectReason.TRUNCATED;
    }
    i = skipSpaces(b, i, e);
    int tokEndPos = tokenEnd(b, i, e);
    if (i == tokEndPos) {
      return RejectReason.TRUNCATED;
    }
    if (isDash(b, i, tokEndPos)) {
      r.setStatus(-1);
    } else {
      int n = tokEndPos - i;
      int status = n <= 3 ? Timestamps.digits(b, i, n) : -1;
      if (status < 0) {
        return RejectReason.BAD_STATUS;
      }
      r.setStatus(status);
    }
    i = skipSpaces(b, tokEndPos, e);

    // bytes
    tokEndPos = tokenEnd(b, i, e);
    if (i == tokEndPos) {
      return RejectReason.TRUNCATED;
    }
    if (isDash(b, i, tokEndPos)) {
      r.setBytes(-1);
    } else {
      long bytes = decimal(b, i, tokEndPos);
      if (bytes < 0) {
        return RejectReason.BAD_BYTES;
      }
      r.setBytes(bytes);
    }
    i = skipSpaces(b, tokEndPos, e);

    // "referrer" "agent", optional; whatever follows them is ignored.
    if (i < e && b[i] == '"') {
      q = closingQuote(b, i + 1, e);
      if (q < 0) {
        return RejectReason.BAD_QUOTED_FIELD;
      }
      setField(r.referrer(), b, i + 1, q);
      i = skipSpaces(b, q + 1, e);
      if (i < e && b[i] == '"') {
        q = closingQuote(b, i + 1, e);
        if (q < 0) {
          return RejectReason.BAD_QUOTED_FIELD;
        }
        setField(r.agent(), b, i + 1, q);
      }
    }
    return null;
  }

  /** vhost, clients, ident and user: the space-separated tokens of {@code b[s,e)}. */
  private RejectReason parsePrefix(byte[] b, int s, int e, AccessLogRecord r) {
    int n = 0;
    int i = s;
    while (i < e) {
      i = skipSpaces(b, i, e);
      if (i >= e) {
        break;
      }
      if (n == MAX_TOKENS) {
        return RejectReason.BAD_CLIENT;
      }
      int start = i;
      if (b[i] == '"') {
        int q = closingQuote(b, i + 1, e);
        if (q < 0) {
          return RejectReason.BAD_CLIENT;
        }
        i = q + 1;
      }
      i = tokenEnd(b, i, e);
      tokStart[n] = start;
      tokEnd[n] = i;
      n++;
    }
    if (n < 3) {
      return RejectReason.BAD_CLIENT;
    }
    setUnquoted(r.ident(), b, tokStart[n - 2], tokEnd[n - 2]);
    setUnquoted(r.user(), b, tokStart[n - 1], tokEnd[n - 1]);

    int first = 0;
    int clientTokens = n - 2;
    if (clientTokens >= 2 && b[tokStart[0]] != '"' && b[tokEnd[0] - 1] != ','
        && !ClientAddresses.isIpLiteral(b, tokStart[0], tokEnd[0])) {
      setField(r.vhost(), b, tokStart[0], tokEnd[0]);
      first = 1;
    }

    // Split the client tokens into entries on commas; quotes and spaces are separators too.
    int count = 0;
    for (int t = first; t < n - 2; t++) {
      int ts = tokStart[t];
      int te = tokEnd[t];
      int j = ts;
      while (j < te) {
        while (j < te && (b[j] == '"' || b[j] == ',' || b[j] == ' ')) {
          j++;
        }
        int es = j;
        while (j < te && b[j] != '"' && b[j] != ',' && b[j] != ' ') {
          j++;
        }
        if (j > es && !isDash(b, es, j)) {
          if (count == MAX_CLIENTS) {
            return RejectReason.BAD_CLIENT;
          }
          clientStart[count] = es;
          clientEnd[count] = j;
          count++;
        }
      }
    }
    Text list = r.clientList();
    int chosen = -1;
    for (int c = 0; c < count; c++) {
      if (c > 0) {
        list.append(LIST_SEPARATOR, 0, LIST_SEPARATOR.length);
      }
      list.append(b, clientStart[c], clientEnd[c] - clientStart[c]);
      if (chosen < 0 && ClientAddresses.isPublic(b, clientStart[c], clientEnd[c])) {
        chosen = c;
      }
    }
    if (count > 0) {
      if (chosen < 0) {
        chosen = 0;
      }
      r.client().set(b, clientStart[chosen], clientEnd[chosen] - clientStart[chosen]);
    }
    return null;
  }

  /**
   * Parses {@code [dd/Mon/yyyy:HH:mm:ss[.fff] +zzzz]} at {@code b[ts]} ('[').
   *
   * @return the index after ']', or -1
   */
  private static int parseTimestamp(byte[] b, int ts, int e, AccessLogRecord r) {
    int i = ts + 1;
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
    if (i + 7 > e || b[i] != ' ' || (b[i + 1] != '+' && b[i + 1] != '-') || b[i + 6] != ']') {
      return -1;
    }
    int oh = Timestamps.digits(b, i + 2, 2);
    int om = Timestamps.digits(b, i + 4, 2);
    if (oh < 0 || om < 0 || oh > 23 || om > 59) {
      return -1;
    }
    int offset = (oh * 60 + om) * (b[i + 1] == '-' ? -1 : 1);
    long local = (Timestamps.epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L
        + second) * 1000L + millis;
    r.setTime(local - offset * 60_000L, offset);
    return i + 7;
  }

  /** METHOD target PROTOCOL, tolerating a missing protocol, spaces in the target and garbage. */
  private static void parseRequest(byte[] b, int s, int e, AccessLogRecord r) {
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

  /**
   * The closing quote of a field opened before {@code s}: the first '"' not escaped by a
   * backslash and followed by a space or the end of the line. -1 if there is none.
   */
  private static int closingQuote(byte[] b, int s, int e) {
    int i = s;
    while (i < e) {
      byte c = b[i];
      if (c == '\\') {
        i += 2;
      } else if (c == '"' && (i + 1 == e || b[i + 1] == ' ')) {
        return i;
      } else {
        i++;
      }
    }
    return -1;
  }

  /** Sets a field from {@code b[s,e)}, leaving it empty for '-'. */
  private static void setField(Text t, byte[] b, int s, int e) {
    if (!isDash(b, s, e)) {
      t.set(b, s, e - s);
    }
  }

  private static void setUnquoted(Text t, byte[] b, int s, int e) {
    if (e - s >= 2 && b[s] == '"' && b[e - 1] == '"') {
      setField(t, b, s + 1, e - 1);
    } else {
      setField(t, b, s, e);
    }
  }

  private static long decimal(byte[] b, int s, int e) {
    if (e - s > 18) {
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

  private static boolean isDash(byte[] b, int s, int e) {
    return e - s == 1 && b[s] == '-';
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\r';
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

  private static int indexOf(byte[] b, int s, int e, byte c) {
    for (int i = s; i < e; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(byte[] b, int s, int e, byte c) {
    for (int i = e - 1; i >= s; i--) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
