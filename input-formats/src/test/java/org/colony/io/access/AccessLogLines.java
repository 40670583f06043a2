package org.colony.io.access;

import static org.colony.testing.LineFiles.latin1;
import static org.colony.testing.LineFiles.reject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.colony.io.RejectReason;
import org.colony.testing.LineFiles;
import org.colony.testing.LineFiles.Line;

/**
 * Generated access log lines for reader tests, each with the record it must become, known when the
 * line is built (from the values put into it, never from the parser): a parsed record's fields, or
 * a rejected record's reason and line. Text is compared as bytes (Latin-1 view of the UTF-8).
 */
final class AccessLogLines {
  private AccessLogLines() {}

  private static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
  private static final DateTimeFormatter CLF_MILLIS =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss.SSS Z", Locale.ENGLISH);
  private static final String[] OFFSETS = {"+00:00", "-08:00", "+05:30", "+02:00", "-09:30"};
  private static final String[] METHODS = {"GET", "POST", "HEAD", "PUT"};
  private static final String[] AGENTS = {"Mozilla/5.0 (X11; Linux x86_64)", "curl/8.5.0",
      "Mozilla/5.0 (\u00dcn\u00efc\u00f6d\u00e9; \u65e5\u672c)", "bot \\\"quoted\\\" 1.0", "-"};
  private static final Instant BASE = Instant.parse("2024-02-28T20:00:00Z");

  /**
   * {@code n} lines: common and combined, vhost and forwarded-for prefixes, IPv6 and host-name
   * clients, dashes, long lines (up to {@code maxLineBytes}), lines over {@code maxLineBytes},
   * blank lines and malformed lines of every parser reject reason.
   */
  static List<Line> generate(int n, long seed, int maxLineBytes) {
    Random rnd = new Random(seed);
    List<Line> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int kind = rnd.nextInt(1000);
      if (kind < 5) {
        String blank = kind < 3 ? "" : "  ";
        lines.add(Line.of(blank, reject(RejectReason.BLANK_LINE, blank, maxLineBytes)));
      } else if (kind < 35) {
        lines.add(malformed(rnd, i, maxLineBytes));
      } else if (kind < 37) {
        lines.add(valid(rnd, i, maxLineBytes + 1 + rnd.nextInt(maxLineBytes), maxLineBytes));
      } else if (kind < 50) {
        lines.add(valid(rnd, i, 800 + rnd.nextInt(maxLineBytes - 1200), maxLineBytes));
      } else {
        lines.add(valid(rnd, i, 0, maxLineBytes));
      }
    }
    return lines;
  }

  /** A valid line; with {@code queryLength > 0} its query is about that long. */
  static Line valid(Random rnd, int i, int queryLength, int maxLineBytes) {
    String vhost = rnd.nextInt(10) == 0 ? "www.example.com:" + (rnd.nextBoolean() ? 80 : 443) : "";
    String[] client = client(rnd, i);
    String user = rnd.nextInt(5) == 0 ? "user" + i : "-";
    ZoneOffset zone = ZoneOffset.of(OFFSETS[rnd.nextInt(OFFSETS.length)]);
    Instant t = BASE.plusSeconds(i * 17L + rnd.nextInt(17));
    boolean millis = rnd.nextInt(20) == 0;
    if (millis) {
      t = t.plusMillis(rnd.nextInt(1000));
    }
    String ts = t.atOffset(zone).format(millis ? CLF_MILLIS : CLF);
    String method = METHODS[rnd.nextInt(METHODS.length)];
    String path = "/p/" + i + (rnd.nextInt(50) == 0 ? "/with space" : "");
    String query = queryLength > 0 ? "q=" + "x".repeat(queryLength)
        : rnd.nextInt(3) == 0 ? "id=" + i + "&lang=en" : "";
    String protocol = rnd.nextInt(40) == 0 ? "" : rnd.nextBoolean() ? "HTTP/1.1" : "HTTP/1.0";
    String status = rnd.nextInt(50) == 0 ? "-" : String.valueOf(new int[] {200, 304, 404, 500}[rnd.nextInt(4)]);
    String bytes = rnd.nextInt(50) == 0 ? "-" : String.valueOf(rnd.nextInt(1_000_000));
    boolean combined = rnd.nextInt(10) < 7;
    String referrer = combined && rnd.nextBoolean() ? "http://ref.example/" + i : "-";
    String agent = combined ? AGENTS[rnd.nextInt(AGENTS.length)] : "-";
    String trailer = combined && rnd.nextInt(10) == 0 ? " \"-\" " + rnd.nextInt(5000) : "";

    String request = method + " " + path + (query.isEmpty() ? "" : "?" + query)
        + (protocol.isEmpty() ? "" : " " + protocol);
    String text = (vhost.isEmpty() ? "" : vhost + " ") + client[0] + " - " + user + " [" + ts + "] \""
        + request + "\" " + status + " " + bytes
        + (combined ? " \"" + referrer + "\" \"" + agent + "\"" + trailer : "");
    if (text.getBytes(StandardCharsets.UTF_8).length > maxLineBytes) {
      return Line.of(text, reject(RejectReason.LINE_TOO_LONG, text, maxLineBytes));
    }
    String expected = String.join("|", "P", vhost, client[1], client[2], "", dash(user),
        String.valueOf(t.toEpochMilli()), String.valueOf(zone.getTotalSeconds() / 60), method, path,
        query, protocol, status.equals("-") ? "-1" : status, bytes.equals("-") ? "-1" : bytes,
        dash(referrer), dash(agent));
    return Line.of(text, latin1(expected));
  }

  /** {as logged, effective client, client list}. */
  private static String[] client(Random rnd, int i) {
    int a = 1 + rnd.nextInt(250);
    int b = 1 + rnd.nextInt(250);
    switch (rnd.nextInt(8)) {
      case 0:
        return new String[] {"2001:db8::" + Integer.toHexString(a), "2001:db8::" + Integer.toHexString(a),
            "2001:db8::" + Integer.toHexString(a)};
      case 1:
        return new String[] {"crawler-" + a + ".example.net", "crawler-" + a + ".example.net",
            "crawler-" + a + ".example.net"};
      case 2:
        return new String[] {"10.0.0." + a + ", 198.51.100." + b, "198.51.100." + b,
            "10.0.0." + a + ", 198.51.100." + b};
      case 3:
        return new String[] {"\"10.1.2." + a + ", 192.0.2." + b + "\" 10.2.1.185", "192.0.2." + b,
            "10.1.2." + a + ", 192.0.2." + b + ", 10.2.1.185"};
      case 4:
        return new String[] {"10.0.0." + a + ", 192.168.0." + b, "10.0.0." + a,
            "10.0.0." + a + ", 192.168.0." + b};
      case 5:
        return new String[] {"::1", "::1", "::1"};
      default:
        return new String[] {"203.0.113." + a, "203.0.113." + a, "203.0.113." + a};
    }
  }

  /** A line the parser must reject, with the reason. */
  private static Line malformed(Random rnd, int i, int maxLineBytes) {
    String ok = "198.51.100.7 - - [10/Oct/2000:13:55:36 -0700] \"GET /m/" + i + " HTTP/1.1\"";
    String line;
    RejectReason reason;
    switch (rnd.nextInt(8)) {
      case 0:
        line = ok + " OK 12";
        reason = RejectReason.BAD_STATUS;
        break;
      case 1:
        line = ok + " 200 12k";
        reason = RejectReason.BAD_BYTES;
        break;
      case 2:
        line = ok.replace("10/Oct/2000", "29/Feb/2023") + " 200 1";
        reason = RejectReason.BAD_TIMESTAMP;
        break;
      case 3:
        line = ok.substring(0, ok.indexOf(']') + 1);
        reason = RejectReason.TRUNCATED;
        break;
      case 4:
        line = ok.replace("\"", "") + " 200 1";
        reason = RejectReason.BAD_REQUEST;
        break;
      case 5:
        line = ok + " 200 1 \"http://ref/ \"Mozilla";
        reason = RejectReason.BAD_QUOTED_FIELD;
        break;
      case 6:
        line = ok.replace("198.51.100.7 - - ", "198.51.100.7 ") + " 200 1";
        reason = RejectReason.BAD_CLIENT;
        break;
      default:
        line = ok + " 200";
        reason = RejectReason.TRUNCATED;
        break;
    }
    return Line.of(line, reject(reason, line, maxLineBytes));
  }

  /** What a reader yielded, in the form {@link Line#expected()} takes. */
  static String fingerprint(AccessLogRecord r) {
    if (r.isRejected()) {
      return LineFiles.rejectFingerprint(r);
    }
    return String.join("|", "P", latin1(r.vhost()), latin1(r.client()), latin1(r.clientList()),
        latin1(r.ident()), latin1(r.user()), String.valueOf(r.timeMillis()),
        String.valueOf(r.offsetMinutes()), latin1(r.method()), latin1(r.path()), latin1(r.query()),
        latin1(r.protocol()), String.valueOf(r.status()), String.valueOf(r.bytes()),
        latin1(r.referrer()), latin1(r.agent()));
  }

  private static String dash(String s) {
    return s.equals("-") ? "" : s;
  }
}
