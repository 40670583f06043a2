package org.colony.io.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a log format string as the user copied it from the web server's configuration into
 * pieces: literal text and fields. Apache's {@code LogFormat} ({@code %h %l %u %t "%r" ...}) and
 * nginx's {@code log_format} ({@code $remote_addr - $remote_user [$time_local] ...}); a string is
 * nginx's when it has a {@code $} variable and no {@code %}.
 *
 * <p>Quoting as in the configuration file is undone first: Apache's {@code "... \"%r\" ..."}
 * (outer quotes and {@code \"}), nginx's {@code '...' '...'} pieces (joined), and the escapes
 * {@code \"}, {@code \'}, {@code \\}, {@code \t} anywhere. Errors are
 * {@link IllegalArgumentException}s naming the directive and its position (from 1) in the string
 * as given.
 */
final class LogFormatSyntax {
  private LogFormatSyntax() {}

  /** Literal text (field null) or a field, with the directive as written and its position. */
  record Piece(String literal, LogField field, String directive, int position) {
    boolean isField() {
      return field != null;
    }
  }

  private static final Map<Character, LogField> APACHE = Map.ofEntries(
      Map.entry('h', LogField.CLIENT), Map.entry('a', LogField.CLIENT),
      Map.entry('l', LogField.IDENT), Map.entry('u', LogField.USER),
      Map.entry('v', LogField.VHOST), Map.entry('V', LogField.VHOST),
      Map.entry('p', LogField.PORT), Map.entry('r', LogField.REQUEST),
      Map.entry('s', LogField.STATUS), Map.entry('b', LogField.BODY_BYTES),
      Map.entry('B', LogField.BODY_BYTES), Map.entry('O', LogField.SENT_BYTES),
      Map.entry('D', LogField.RESPONSE_MICROS),
      // read and not kept: local address, byte counts in, protocol, keep-alives, log id,
      // method, pid, query, handler, path, connection status
      Map.entry('A', LogField.SKIP_TOKEN), Map.entry('I', LogField.SKIP_TOKEN),
      Map.entry('S', LogField.SKIP_TOKEN), Map.entry('H', LogField.SKIP_TOKEN),
      Map.entry('k', LogField.SKIP_TOKEN), Map.entry('L', LogField.SKIP_TOKEN),
      Map.entry('m', LogField.SKIP_TOKEN), Map.entry('P', LogField.SKIP_TOKEN),
      Map.entry('q', LogField.SKIP_TOKEN), Map.entry('R', LogField.SKIP_TOKEN),
      Map.entry('U', LogField.SKIP_TOKEN), Map.entry('X', LogField.SKIP_TOKEN),
      // cookies, environment, file name, notes, response headers, mod_ssl variables
      Map.entry('C', LogField.SKIP_TEXT), Map.entry('e', LogField.SKIP_TEXT),
      Map.entry('f', LogField.SKIP_TEXT), Map.entry('n', LogField.SKIP_TEXT),
      Map.entry('o', LogField.SKIP_TEXT), Map.entry('x', LogField.SKIP_TEXT),
      Map.entry('c', LogField.SKIP_TEXT));

  private static final Map<String, LogField> NGINX = Map.ofEntries(
      Map.entry("remote_addr", LogField.CLIENT), Map.entry("realip_remote_addr", LogField.CLIENT),
      Map.entry("remote_user", LogField.USER), Map.entry("time_local", LogField.TIME_CLF),
      Map.entry("time_iso8601", LogField.TIME_ISO), Map.entry("msec", LogField.TIME_SECONDS),
      Map.entry("request", LogField.REQUEST), Map.entry("status", LogField.STATUS),
      Map.entry("body_bytes_sent", LogField.BODY_BYTES),
      Map.entry("bytes_sent", LogField.SENT_BYTES),
      Map.entry("http_referer", LogField.REFERRER),
      Map.entry("http_user_agent", LogField.AGENT),
      Map.entry("http_x_forwarded_for", LogField.FORWARDED_FOR),
      Map.entry("request_time", LogField.RESPONSE_SECONDS),
      Map.entry("upstream_response_time", LogField.UPSTREAM_SECONDS),
      Map.entry("host", LogField.VHOST), Map.entry("server_name", LogField.VHOST),
      Map.entry("server_port", LogField.PORT),
      // read and not kept
      Map.entry("remote_port", LogField.SKIP_TOKEN), Map.entry("server_addr", LogField.SKIP_TOKEN),
      Map.entry("server_protocol", LogField.SKIP_TOKEN),
      Map.entry("request_method", LogField.SKIP_TOKEN),
      Map.entry("request_uri", LogField.SKIP_TOKEN), Map.entry("uri", LogField.SKIP_TEXT),
      Map.entry("document_uri", LogField.SKIP_TEXT), Map.entry("args", LogField.SKIP_TOKEN),
      Map.entry("query_string", LogField.SKIP_TOKEN), Map.entry("scheme", LogField.SKIP_TOKEN),
      Map.entry("request_length", LogField.SKIP_TOKEN),
      Map.entry("request_id", LogField.SKIP_TOKEN), Map.entry("connection", LogField.SKIP_TOKEN),
      Map.entry("connection_requests", LogField.SKIP_TOKEN), Map.entry("pipe", LogField.SKIP_TOKEN),
      Map.entry("gzip_ratio", LogField.SKIP_TOKEN), Map.entry("hostname", LogField.SKIP_TOKEN),
      Map.entry("pid", LogField.SKIP_TOKEN), Map.entry("ssl_protocol", LogField.SKIP_TOKEN),
      Map.entry("ssl_cipher", LogField.SKIP_TOKEN),
      Map.entry("upstream_addr", LogField.SKIP_LIST),
      Map.entry("upstream_status", LogField.SKIP_LIST),
      Map.entry("upstream_connect_time", LogField.SKIP_LIST),
      Map.entry("upstream_header_time", LogField.SKIP_LIST),
      Map.entry("upstream_cache_status", LogField.SKIP_TOKEN));

  /** Header-like nginx variables: any name after these prefixes is read and not kept. */
  private static final List<String> NGINX_SKIPPED_PREFIXES = List.of("http_", "sent_http_",
      "upstream_http_", "cookie_", "arg_");

  static List<Piece> parse(String format) {
    Unquoted u = unquote(format);
    if (u.text.isBlank()) {
      throw new IllegalArgumentException("empty log format " + quoted(format));
    }
    boolean nginx = u.text.indexOf('%') < 0 && u.text.indexOf('$') >= 0;
    List<Integer> quotes = new ArrayList<>();
    List<Piece> pieces = nginx ? nginx(u, format, quotes) : apache(u, format, quotes);
    if (quotes.size() % 2 != 0) {
      throw new IllegalArgumentException("unbalanced quote at position "
          + u.position(quotes.get(quotes.size() - 1)) + " (an odd number of '\"') in log format "
          + quoted(format));
    }
    return pieces;
  }

  private static List<Piece> apache(Unquoted u, String format, List<Integer> quotes) {
    String t = u.text;
    List<Piece> pieces = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c != '%') {
        literal(c, i, lit, quotes);
        i++;
        continue;
      }
      int start = i;
      i++;
      if (i < t.length() && t.charAt(i) == '%') {
        lit.append('%');
        i++;
        continue;
      }
      // modifiers: status conditions (%400,501{...}i, %!200...) and </> (original/final)
      while (i < t.length() && "<>!,0123456789".indexOf(t.charAt(i)) >= 0) {
        i++;
      }
      String arg = null;
      if (i < t.length() && t.charAt(i) == '{') {
        int close = t.indexOf('}', i);
        if (close < 0) {
          throw error("unterminated '{' of the directive", t.substring(start), u, start, format);
        }
        arg = t.substring(i + 1, close);
        i = close + 1;
      }
      if (i >= t.length()) {
        throw error("incomplete directive", t.substring(start), u, start, format);
      }
      char d = t.charAt(i);
      int end = i + 1;
      LogField field = APACHE.get(d);
      if (d == '^' && (t.startsWith("^ti", i) || t.startsWith("^to", i))) {
        end = i + 3;
        field = LogField.SKIP_TEXT;
      }
      String directive = t.substring(start, end);
      i = end;
      if (d == 't') {
        flush(lit, pieces);
        time(arg, directive, u, start, format, pieces);
        continue;
      }
      if (d == 'T') {
        field = arg == null || arg.equals("s") ? LogField.RESPONSE_SECONDS
            : arg.equals("ms") ? LogField.RESPONSE_MILLIS
            : arg.equals("us") ? LogField.RESPONSE_MICROS : null;
        if (field == null) {
          throw error("unsupported unit of", directive, u, start, format);
        }
      } else if (d == 'i') {
        if (arg == null) {
          throw error("header name missing in", directive, u, start, format);
        }
        String header = arg.toLowerCase(Locale.ROOT);
        field = header.equals("referer") ? LogField.REFERRER
            : header.equals("user-agent") ? LogField.AGENT
            : header.equals("x-forwarded-for") ? LogField.FORWARDED_FOR : LogField.SKIP_TEXT;
      }
      if (field == null) {
        throw error("unknown directive", directive, u, start, format);
      }
      flush(lit, pieces);
      pieces.add(new Piece(null, field, directive, u.position(start)));
    }
    flush(lit, pieces);
    return pieces;
  }

  /** %t is [CLF time]; %{sec}t, %{msec}t, %{usec}t are epoch times; %{CLF strftime}t is CLF. */
  private static void time(String arg, String directive, Unquoted u, int start, String format,
      List<Piece> pieces) {
    int position = u.position(start);
    if (arg == null) {
      pieces.add(new Piece("[", null, null, position));
      pieces.add(new Piece(null, LogField.TIME_CLF, directive, position));
      pieces.add(new Piece("]", null, null, position));
      return;
    }
    String f = arg.startsWith("begin:") ? arg.substring(6)
        : arg.startsWith("end:") ? arg.substring(4) : arg;
    LogField field = f.equals("sec") ? LogField.TIME_SECONDS
        : f.equals("msec") ? LogField.TIME_MILLIS
        : f.equals("usec") ? LogField.TIME_MICROS
        : f.equals("%d/%b/%Y:%H:%M:%S %z") ? LogField.TIME_CLF : null;
    if (field == null) {
      throw new IllegalArgumentException(error("unsupported time format", directive, u, start,
          format).getMessage() + " (use %t, %{sec}t, %{msec}t, %{usec}t or "
          + "%{%d/%b/%Y:%H:%M:%S %z}t)");
    }
    pieces.add(new Piece(null, field, directive, position));
  }

  private static List<Piece> nginx(Unquoted u, String format, List<Integer> quotes) {
    String t = u.text;
    List<Piece> pieces = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c != '$') {
        literal(c, i, lit, quotes);
        i++;
        continue;
      }
      int start = i;
      boolean braced = i + 1 < t.length() && t.charAt(i + 1) == '{';
      int nameStart = braced ? i + 2 : i + 1;
      int j = nameStart;
      while (j < t.length() && isNameChar(t.charAt(j))) {
        j++;
      }
      if (j == nameStart || braced && (j >= t.length() || t.charAt(j) != '}')) {
        throw new IllegalArgumentException("'$' without a variable name at position "
            + u.position(start) + " of log format " + quoted(format));
      }
      String name = t.substring(nameStart, j).toLowerCase(Locale.ROOT);
      i = braced ? j + 1 : j;
      String directive = t.substring(start, i);
      LogField field = NGINX.get(name);
      if (field == null && NGINX_SKIPPED_PREFIXES.stream().anyMatch(name::startsWith)) {
        field = LogField.SKIP_TEXT;
      }
      if (field == null) {
        throw error("unknown variable", directive, u, start, format);
      }
      flush(lit, pieces);
      pieces.add(new Piece(null, field, directive, u.position(start)));
    }
    flush(lit, pieces);
    return pieces;
  }

  private static boolean isNameChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static void literal(char c, int i, StringBuilder lit, List<Integer> quotes) {
    if (c == '"') {
      quotes.add(i);
    }
    lit.append(c);
  }

  private static void flush(StringBuilder lit, List<Piece> pieces) {
    if (lit.length() > 0) {
      pieces.add(new Piece(lit.toString(), null, null, 0));
      lit.setLength(0);
    }
  }

  private static IllegalArgumentException error(String what, String directive, Unquoted u,
      int at, String format) {
    return new IllegalArgumentException(what + " " + directive + " at position " + u.position(at)
        + " of log format " + quoted(format));
  }

  private static String quoted(String format) {
    return "'" + format + "'";
  }

  /** The format without configuration quoting, each char with its position in the original. */
  record Unquoted(String text, int[] positions) {
    int position(int i) {
      return positions[i];
    }
  }

  /**
   * Undoes the configuration file's quoting: a whole string in double quotes (Apache) or a series
   * of single-quoted pieces (nginx), and the escapes \" \' \\ \t \n anywhere (a line break is
   * refused: no log line holds one).
   */
  static Unquoted unquote(String format) {
    String s = format;
    int lead = 0;
    while (lead < s.length() && Character.isWhitespace(s.charAt(lead))) {
      lead++;
    }
    int trail = s.length();
    while (trail > lead && Character.isWhitespace(s.charAt(trail - 1))) {
      trail--;
    }
    StringBuilder out = new StringBuilder();
    List<Integer> pos = new ArrayList<>();
    if (trail > lead && s.charAt(lead) == '\'') {
      // nginx: 'piece' 'piece' ... [;]
      int i = lead;
      while (i < trail) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c) || c == ';' && i == trail - 1) {
          i++;
        } else if (c == '\'') {
          int close = closing(s, i + 1, trail, '\'');
          if (close < 0) {
            throw new IllegalArgumentException("unbalanced quote at position " + (i + 1)
                + ": the \"'\" is never closed in log format " + quoted(format));
          }
          unescape(s, i + 1, close, out, pos);
          i = close + 1;
        } else {
          throw new IllegalArgumentException("text '" + c + "' at position " + (i + 1)
              + " outside the quoted pieces of log format " + quoted(format));
        }
      }
    } else if (trail - lead >= 2 && s.charAt(lead) == '"'
        && closing(s, lead + 1, trail, '"') == trail - 1) {
      unescape(s, lead + 1, trail - 1, out, pos);
    } else if (trail > lead && s.charAt(lead) == '"' && closing(s, lead + 1, trail, '"') < 0
        && s.indexOf("\\\"", lead) >= 0) {
      throw new IllegalArgumentException("unbalanced quote at position " + (lead + 1)
          + ": the quote that opens log format " + quoted(format) + " is never closed");
    } else {
      unescape(s, lead, trail, out, pos);
    }
    int[] positions = pos.stream().mapToInt(Integer::intValue).toArray();
    String text = out.toString();
    int nl = text.indexOf('\n');
    if (nl >= 0) {
      throw new IllegalArgumentException("a line break (\\n) at position " + positions[nl]
          + " of log format " + quoted(format) + ": a log line cannot hold one");
    }
    // Surrounding spaces inside the quotes are not part of any line either (lines are trimmed).
    int a = 0;
    int b = text.length();
    while (a < b && text.charAt(a) == ' ') {
      a++;
    }
    while (b > a && text.charAt(b - 1) == ' ') {
      b--;
    }
    return new Unquoted(text.substring(a, b), Arrays.copyOfRange(positions, a, b));
  }

  /** The first {@code q} in {@code s[i, e)} not escaped by a backslash, or -1. */
  private static int closing(String s, int i, int e, char q) {
    while (i < e) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == q) {
        return i;
      } else {
        i++;
      }
    }
    return -1;
  }

  private static void unescape(String s, int i, int e, StringBuilder out, List<Integer> pos) {
    while (i < e) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < e && "\"'\\tn".indexOf(s.charAt(i + 1)) >= 0) {
        char n = s.charAt(i + 1);
        out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
        pos.add(i + 2);
        i += 2;
      } else {
        out.append(c);
        pos.add(i + 1);
        i++;
      }
    }
  }
}
