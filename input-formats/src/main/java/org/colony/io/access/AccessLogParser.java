package org.colony.io.access;

import static org.colony.io.access.AccessFields.isDigit;
import static org.colony.io.access.AccessFields.isSpace;
import static org.colony.io.access.AccessFields.setField;
import static org.colony.io.access.AccessFields.skipSpaces;

import org.apache.hadoop.io.Text;
import org.colony.io.RejectReason;

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
public final class AccessLogParser implements AccessLineParser {
  private static final int MAX_TOKENS = 32;

  private final int[] tokStart = new int[MAX_TOKENS];
  private final int[] tokEnd = new int[MAX_TOKENS];
  private final ClientChain clients = new ClientChain();

  /**
   * Parses {@code b[0, len)} into {@code r}.
   *
   * @return null on success, else why the line was rejected ({@code r} is then undefined)
   */
  @Override
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
    AccessFields.request(b, i + 2, q, r);
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
    int status = AccessFields.status(b, i, tokEndPos);
    if (status < -1) {
      return RejectReason.BAD_STATUS;
    }
    r.setStatus(status);
    i = skipSpaces(b, tokEndPos, e);

    // bytes
    tokEndPos = tokenEnd(b, i, e);
    if (i == tokEndPos) {
      return RejectReason.TRUNCATED;
    }
    long bytes = AccessFields.byteCount(b, i, tokEndPos);
    if (bytes < -1) {
      return RejectReason.BAD_BYTES;
    }
    r.setBytes(bytes);
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

    // The client tokens split into entries on commas; quotes and spaces are separators too.
    clients.clear();
    for (int t = first; t < n - 2; t++) {
      if (!clients.add(b, tokStart[t], tokEnd[t])) {
        return RejectReason.BAD_CLIENT;
      }
    }
    clients.fill(b, r);
    return null;
  }

  /**
   * Parses {@code [dd/Mon/yyyy:HH:mm:ss[.fff] +zzzz]} at {@code b[ts]} ('[').
   *
   * @return the index after ']', or -1
   */
  private static int parseTimestamp(byte[] b, int ts, int e, AccessLogRecord r) {
    int i = AccessFields.clfTime(b, ts + 1, e, r);
    return i < 0 || i >= e || b[i] != ']' ? -1 : i + 1;
  }

  /**
   * The closing quote of a field opened before {@code s}: the first '"' not escaped by a
   * backslash and followed by a space or the end of the line. -1 if there is none.
   */
  private static int closingQuote(byte[] b, int s, int e) {
    int i = s;
    while (i < e) {
      i = AccessFields.indexOfQuoteOrBackslash(b, i, e);
      if (i < 0) {
        return -1;
      }
      if (b[i] == '\\') {
        i += 2;
      } else if (i + 1 == e || b[i + 1] == ' ') {
        return i;
      } else {
        i++;
      }
    }
    return -1;
  }

  private static void setUnquoted(Text t, byte[] b, int s, int e) {
    if (e - s >= 2 && b[s] == '"' && b[e - 1] == '"') {
      setField(t, b, s + 1, e - 1);
    } else {
      setField(t, b, s, e);
    }
  }

  private static int tokenEnd(byte[] b, int i, int e) {
    while (i < e && b[i] != ' ') {
      i++;
    }
    return i;
  }
}
