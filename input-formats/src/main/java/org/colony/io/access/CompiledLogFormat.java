package org.colony.io.access;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.colony.io.RejectReason;
import org.colony.io.access.LogField.Shape;
import org.colony.io.access.LogField.Slot;
import org.colony.io.access.LogFormatSyntax.Piece;

/**
 * A web server log format compiled once into a byte-level parser: a leading literal, then steps of
 * a field and the literal separator after it. A line is read left to right: each field ends where
 * its separator starts, and the separator must be there.
 *
 * <ul>
 *   <li>A field between quotes ({@code "%r"}) ends at the first '"' not escaped by a backslash
 *       and followed by a space, the line's end or the separator's next byte, as auto closes
 *       quotes: a quote the server did not escape ends the field there when a space follows it.
 *   <li>A field not between quotes ends at the first byte of its separator and holds no space,
 *       except free text (request, headers), which ends where its whole separator first matches,
 *       and lists (a forwarded-for chain {@code a, b, c}; {@code 0.1, 0.2 : 0.3} of
 *       $upstream_response_time), which go on past a space after ',' or around ':'.
 *   <li>CLF and ISO 8601 times end where their own syntax ends. The last field of a format ends
 *       at the line's end.
 * </ul>
 *
 * A line is rejected with the field's own reason when a value is wrong (BAD_TIMESTAMP,
 * BAD_STATUS, BAD_BYTES, BAD_CLIENT for more than 64 chained addresses) or its quotes are not
 * closed (BAD_REQUEST, BAD_QUOTED_FIELD for referrer and agent); with FORMAT_MISMATCH when a
 * separator is not where the format puts it, the line ends early or goes on after the format's
 * end, or another field's value is wrong; BLANK_LINE when empty. Lines are trimmed of spaces,
 * tabs and CRs first, as by the auto parser.
 *
 * <p>Not thread-safe: one per reader (compiling is cheap).
 */
public final class CompiledLogFormat implements AccessLineParser {
  private final String format;
  private final byte[] lead;
  private final LogField[] fields;
  private final boolean[] quoted;
  private final byte[][] separators;
  private final ClientChain chain = new ClientChain();
  /** Where times the format logs more than once go (the first is kept). */
  private final AccessLogRecord discard = new AccessLogRecord();

  private int clientStart;
  private int clientEnd;
  private int forwardedStart;
  private int forwardedEnd;
  private int vhostStart;

  private CompiledLogFormat(String format, List<Piece> pieces) {
    this.format = format;
    List<Piece> merged = mergeLiterals(pieces);
    LogField[] chosen = chooseSlots(merged, format);
    int n = 0;
    for (Piece p : merged) {
      n += p.isField() ? 1 : 0;
    }
    fields = new LogField[n];
    quoted = new boolean[n];
    separators = new byte[n][];
    int k = 0;
    int quotes = 0;
    byte[] leading = new byte[0];
    String before = "";
    for (int i = 0; i < merged.size(); i++) {
      Piece p = merged.get(i);
      if (!p.isField()) {
        if (i == 0) {
          leading = bytes(p.literal());
        }
        quotes += count(p.literal(), '"');
        before = p.literal();
        continue;
      }
      Piece next = i + 1 < merged.size() ? merged.get(i + 1) : null;
      String after = next == null || next.isField() ? "" : next.literal();
      LogField f = chosen[i];
      if (next != null && next.isField() && f.shape != Shape.CLF_TIME
          && f.shape != Shape.ISO_TIME) {
        throw new IllegalArgumentException(p.directive() + " at position " + p.position()
            + " is followed by " + next.directive() + " with nothing between them, so where one"
            + " ends cannot be told, in log format '" + format + "'");
      }
      fields[k] = f;
      separators[k] = bytes(after);
      quoted[k] = quotes % 2 == 1 && before.endsWith("\"") && after.startsWith("\"");
      before = "";
      k++;
    }
    lead = leading;
  }

  /**
   * Compiles an Apache {@code LogFormat} or nginx {@code log_format} string (see
   * {@link LogFormatSyntax}).
   *
   * @throws IllegalArgumentException naming the directive and its position when the string has an
   *     unknown directive, an unbalanced quote, two fields with nothing between them, or no time
   */
  public static CompiledLogFormat compile(String format) {
    return new CompiledLogFormat(format, LogFormatSyntax.parse(format));
  }

  private static List<Piece> mergeLiterals(List<Piece> pieces) {
    List<Piece> merged = new ArrayList<>();
    for (Piece p : pieces) {
      int last = merged.size() - 1;
      if (!p.isField() && last >= 0 && !merged.get(last).isField()) {
        merged.set(last, new Piece(merged.get(last).literal() + p.literal(), null, null, 0));
      } else {
        merged.add(p);
      }
    }
    return merged;
  }

  /**
   * Each record field is filled by the first directive for it, the primary ones first (body bytes
   * before %O, a request time before $upstream_response_time); the other directives of the same
   * field are read and not kept. A port right after the virtual host and ':' stays with it.
   */
  private static LogField[] chooseSlots(List<Piece> pieces, String format) {
    Map<Slot, Integer> owner = new EnumMap<>(Slot.class);
    for (boolean primary : new boolean[] {true, false}) {
      for (int i = 0; i < pieces.size(); i++) {
        LogField f = pieces.get(i).field();
        if (f != null && f.slot != Slot.NONE && f.primary == primary) {
          owner.putIfAbsent(f.slot, i);
        }
      }
    }
    if (!owner.containsKey(Slot.TIME)) {
      throw new IllegalArgumentException("log format '" + format + "' has no time "
          + "(%t, $time_local, $time_iso8601, $msec, %{sec}t, ...)");
    }
    LogField[] chosen = new LogField[pieces.size()];
    for (int i = 0; i < pieces.size(); i++) {
      LogField f = pieces.get(i).field();
      if (f == null) {
        continue;
      }
      if (f == LogField.PORT) {
        boolean afterVhost = i >= 2 && pieces.get(i - 1).literal() != null
            && pieces.get(i - 1).literal().equals(":")
            && owner.getOrDefault(Slot.VHOST, -1) == i - 2;
        chosen[i] = afterVhost ? LogField.VHOST_PORT : LogField.SKIP_TOKEN;
      } else if (f.slot == Slot.NONE || owner.get(f.slot) == i) {
        chosen[i] = f;
      } else {
        chosen[i] = f.skipped();
      }
    }
    return chosen;
  }

  @Override
  public RejectReason parse(byte[] b, int len, AccessLogRecord r) {
    r.clear();
    int s = 0;
    int e = len;
    while (s < e && AccessFields.isSpace(b[s])) {
      s++;
    }
    while (e > s && AccessFields.isSpace(b[e - 1])) {
      e--;
    }
    if (s == e) {
      return RejectReason.BLANK_LINE;
    }
    if (!matches(b, s, e, lead)) {
      return RejectReason.FORMAT_MISMATCH;
    }
    int i = s + lead.length;
    clientStart = -1;
    forwardedStart = -1;
    int steps = fields.length;
    for (int k = 0; k < steps; k++) {
      LogField f = fields[k];
      byte[] sep = separators[k];
      int end;
      if (f.shape == Shape.CLF_TIME || f.shape == Shape.ISO_TIME) {
        AccessLogRecord into = f.slot == Slot.TIME ? r : discard;
        end = f.shape == Shape.CLF_TIME ? AccessFields.clfTime(b, i, e, into)
            : AccessFields.isoTime(b, i, e, into);
        if (end < 0) {
          return f.invalid;
        }
      } else {
        end = quoted[k] ? quotedEnd(b, i, e, sep)
            : f.shape == Shape.TEXT ? textEnd(b, i, e, sep, k == steps - 1)
            : tokenEnd(b, i, e, sep, f.shape == Shape.LIST);
        if (end < 0) {
          return quoted[k] ? f.unterminated() : RejectReason.FORMAT_MISMATCH;
        }
        if (!store(f, b, i, end, r)) {
          return f.invalid;
        }
      }
      if (!matches(b, end, e, sep)) {
        return RejectReason.FORMAT_MISMATCH;
      }
      i = end + sep.length;
    }
    if (i != e) {
      return RejectReason.FORMAT_MISMATCH;
    }
    if (clientStart >= 0 || forwardedStart >= 0) {
      chain.clear();
      if (forwardedStart >= 0 && !chain.add(b, forwardedStart, forwardedEnd)
          || clientStart >= 0 && !chain.add(b, clientStart, clientEnd)) {
        return RejectReason.BAD_CLIENT;
      }
      chain.fill(b, r);
    }
    return null;
  }

  /** Puts the value {@code b[s,e)} of field {@code f} into the record; false if it is invalid. */
  private boolean store(LogField f, byte[] b, int s, int e, AccessLogRecord r) {
    switch (f) {
      case CLIENT:
        clientStart = s;
        clientEnd = e;
        return true;
      case IDENT:
        AccessFields.setField(r.ident(), b, s, e);
        return true;
      case USER:
        AccessFields.setField(r.user(), b, s, e);
        return true;
      case REQUEST:
        AccessFields.request(b, s, e, r);
        return true;
      case STATUS:
        int status = AccessFields.status(b, s, e);
        r.setStatus(status);
        return status >= -1;
      case BODY_BYTES:
      case SENT_BYTES:
        long bytes = AccessFields.byteCount(b, s, e);
        r.setBytes(bytes);
        return bytes >= -1;
      case REFERRER:
        AccessFields.setField(r.referrer(), b, s, e);
        return true;
      case AGENT:
        AccessFields.setField(r.agent(), b, s, e);
        return true;
      case SKIP_TOKEN:
      case SKIP_TEXT:
      case SKIP_LIST:
        return true;
      default:
        return storeOther(f, b, s, e, r);
    }
  }

  /** {@link #store} for the fields of the less common formats (kept apart: store stays small). */
  private boolean storeOther(LogField f, byte[] b, int s, int e, AccessLogRecord r) {
    long v;
    switch (f) {
      case FORWARDED_FOR:
        forwardedStart = s;
        forwardedEnd = e;
        return true;
      case VHOST:
        vhostStart = s;
        AccessFields.setField(r.vhost(), b, s, e);
        return true;
      case VHOST_PORT:
        if (r.vhost().getLength() > 0) {
          r.vhost().set(b, vhostStart, e - vhostStart);
        }
        return true;
      case TIME_SECONDS:
        return epoch(AccessFields.fixedPoint(b, s, e, 3), r);
      case TIME_MILLIS:
        return epoch(AccessFields.decimal(b, s, e), r);
      case TIME_MICROS:
        v = AccessFields.decimal(b, s, e);
        return epoch(v < 0 ? v : v / 1000, r);
      case RESPONSE_MICROS:
        return response(b, s, e, 0, 1, r);
      case RESPONSE_MILLIS:
        return response(b, s, e, 0, 1000, r);
      case RESPONSE_SECONDS:
        return response(b, s, e, 6, 1, r);
      case UPSTREAM_SECONDS:
        v = upstreamMicros(b, s, e);
        r.setResponseMicros(v);
        return v >= -1;
      default:
        return true;
    }
  }

  private static boolean epoch(long millis, AccessLogRecord r) {
    if (millis < 0) {
      return false;
    }
    r.setTime(millis, 0);
    return true;
  }

  /**
   * Sets the response time from {@code b[s,e)}: '-', or a number with up to {@code fraction}
   * decimals read in units of 10^-fraction, times {@code scale} microseconds.
   */
  private static boolean response(byte[] b, int s, int e, int fraction, int scale,
      AccessLogRecord r) {
    if (AccessFields.isDash(b, s, e)) {
      return true;
    }
    long v = fraction == 0 ? AccessFields.decimal(b, s, e) : AccessFields.fixedPoint(b, s, e,
        fraction);
    if (v < 0) {
      return false;
    }
    r.setResponseMicros(v * scale);
    return true;
  }

  /**
   * The sum of an $upstream_response_time list ({@code 0.012, 0.300 : 0.004}) in microseconds:
   * the time the request spent on upstreams, all tries and redirects counted. '-' entries (no
   * response) add nothing; -1 when every entry is '-', -2 when an entry is not a time.
   */
  static long upstreamMicros(byte[] b, int s, int e) {
    long sum = 0;
    int entries = 0;
    int times = 0;
    int i = s;
    while (i < e) {
      while (i < e && (b[i] == ',' || b[i] == ':' || b[i] == ' ')) {
        i++;
      }
      int start = i;
      while (i < e && b[i] != ',' && b[i] != ':' && b[i] != ' ') {
        i++;
      }
      if (i > start) {
        entries++;
        if (!AccessFields.isDash(b, start, i)) {
          long v = AccessFields.fixedPoint(b, start, i, 6);
          if (v < 0) {
            return -2;
          }
          sum += v;
          times++;
        }
      }
    }
    return entries == 0 ? -2 : times == 0 ? -1 : sum;
  }

  /**
   * Where a field between quotes ends: the first '"' not escaped by a backslash and followed by a
   * space, the line's end or the byte after the quote in {@code sep} (as the auto parser closes
   * quotes). -1 if there is none; the caller then checks that {@code sep} is there.
   */
  private static int quotedEnd(byte[] b, int i, int e, byte[] sep) {
    byte next = sep.length > 1 ? sep[1] : (byte) ' ';
    while (true) {
      // a word-at-a-time scan to the next quote or backslash, then the rare cases
      i = i < e ? AccessFields.indexOfQuoteOrBackslash(b, i, e) : -1;
      if (i < 0) {
        return -1;
      }
      if (b[i] == '\\') {
        i += 2;
        continue;
      }
      int n = i + 1;
      if (n == e || b[n] == ' ' || b[n] == next) {
        return i;
      }
      i = n;
    }
  }

  /** Where free text ends: where {@code sep} first matches (at the line's end if it is last). */
  private static int textEnd(byte[] b, int i, int e, byte[] sep, boolean last) {
    if (sep.length == 0) {
      return e;
    }
    if (last) {
      int at = e - sep.length;
      return at >= i && matches(b, at, e, sep) ? at : -1;
    }
    byte first = sep[0];
    for (int p = i; p < e; p++) {
      if (b[p] == first && matches(b, p, e, sep)) {
        return p;
      }
    }
    return -1;
  }

  /**
   * Where a token ends: at the first byte of {@code sep} (the line's end if there is none); -1 if
   * a space comes first. A list goes on past a space after ',' or ':' or before ':'.
   */
  private static int tokenEnd(byte[] b, int i, int e, byte[] sep, boolean list) {
    boolean last = sep.length == 0;
    byte stop = last ? (byte) ' ' : sep[0];
    int p = i;
    while (true) {
      while (p < e && b[p] != stop && b[p] != ' ') {
        p++;
      }
      if (p >= e) {
        return last ? e : -1;
      }
      if (b[p] == ' ' && list && p > i && (b[p - 1] == ',' || b[p - 1] == ':'
          || p + 1 < e && b[p + 1] == ':')) {
        p++;
        continue;
      }
      return b[p] == stop && !last ? p : -1;
    }
  }

  private static boolean matches(byte[] b, int at, int e, byte[] lit) {
    int n = lit.length;
    if (at + n > e) {
      return false;
    }
    for (int j = 0; j < n; j++) {
      if (b[at + j] != lit[j]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += s.charAt(i) == c ? 1 : 0;
    }
    return n;
  }

  /** The format as given. */
  @Override
  public String toString() {
    return format;
  }
}
