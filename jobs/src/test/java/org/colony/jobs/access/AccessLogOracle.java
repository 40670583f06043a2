package org.colony.jobs.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * access-stats computed another way, for tests: java.util.regex and java.time instead of the
 * byte parser, Strings and maps instead of MapReduce. Handles what the sample data holds
 * (common/combined lines, forwarded-for chains) and rejects everything else. {@link #parse} serves
 * the oracles of other jobs.
 */
public final class AccessLogOracle {
  private static final String QS = "\"((?:[^\"\\\\]|\\\\.)*)\"";
  private static final Pattern LINE = Pattern.compile("^(.+?) (\\S+) (\\S+) \\[([^\\]]+)\\] " + QS
      + " (\\d{1,3}|-) (\\d+|-)(?: " + QS + " " + QS + ")?(?: .*)?$");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final DateTimeFormatter TIME = DateTimeFormatter
      .ofPattern("dd/MMM/uuuu:HH:mm:ss Z", Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Sums per key: requests, bytes, 2xx, 3xx, 4xx, 5xx. */
  final Map<String, long[]> hourly = new TreeMap<>();
  final Map<String, long[]> urls = new TreeMap<>(AccessLogOracle::byBytes);
  final Map<String, long[]> clients = new TreeMap<>(AccessLogOracle::byBytes);
  final Map<String, long[]> referrers = new TreeMap<>(AccessLogOracle::byBytes);
  final Map<String, long[]> agents = new TreeMap<>(AccessLogOracle::byBytes);
  long lines;
  long parsed;
  long rejected;
  final List<String> rejectedLines = new ArrayList<>();

  /**
   * A good line's fields: the effective client, the time, the path key ({@code -} when absent),
   * status (-1 for '-'), bytes (0 for '-'), and referrer and agent as logged (null when the line
   * has none). Strings hold the line's bytes one char each (read as ISO-8859-1).
   */
  public record Line(String client, OffsetDateTime time, String path, int status, long bytes,
      String referrer, String agent) {}

  /** The fields of a line, or null when it does not parse. */
  public static Line parse(String line) {
    Matcher m = LINE.matcher(line.strip());
    if (!m.matches()) {
      return null;
    }
    OffsetDateTime t;
    try {
      t = OffsetDateTime.parse(m.group(4), TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
    int status = m.group(6).equals("-") ? -1 : Integer.parseInt(m.group(6));
    long bytes = m.group(7).equals("-") ? 0 : Long.parseLong(m.group(7));
    return new Line(client(m.group(1)), t, path(m.group(5)), status, bytes, m.group(8),
        m.group(9));
  }

  public static int byBytes(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8));
  }

  void add(String line) {
    lines++;
    Line l = parse(line);
    if (l == null) {
      rejected++;
      rejectedLines.add(line);
      return;
    }
    parsed++;
    int status = l.status();
    long[] counts = {1, l.bytes(), status / 100 == 2 ? 1 : 0, status / 100 == 3 ? 1 : 0,
        status / 100 == 4 ? 1 : 0, status / 100 == 5 ? 1 : 0};
    sum(hourly, HOUR.format(l.time().toInstant()), counts);
    sum(urls, l.path(), counts);
    sum(clients, l.client(), counts);
    sum(referrers, dash(l.referrer()), new long[] {1});
    sum(agents, dash(l.agent()), new long[] {1});
  }

  private static void sum(Map<String, long[]> m, String key, long[] v) {
    long[] s = m.computeIfAbsent(key, k -> new long[v.length]);
    for (int i = 0; i < v.length; i++) {
      s[i] += v[i];
    }
  }

  private static String dash(String s) {
    return s == null || s.isEmpty() || s.equals("-") ? "-" : s;
  }

  private static String path(String request) {
    String[] parts = request.split(" ");
    if (request.isEmpty() || request.equals("-") || parts.length < 2) {
      return "-";
    }
    int end = parts.length >= 3 && parts[parts.length - 1].startsWith("HTTP/")
        ? parts.length - 1 : parts.length;
    String target = String.join(" ", Arrays.copyOfRange(parts, 1, end));
    int q = target.indexOf('?');
    String p = q < 0 ? target : target.substring(0, q);
    return p.isEmpty() ? "-" : p;
  }

  /** The first public address of the client tokens, else the first entry. */
  static String client(String field) {
    List<String> entries = new ArrayList<>();
    for (String e : field.split("[\\s,\"]+")) {
      if (!e.isEmpty() && !e.equals("-")) {
        entries.add(e);
      }
    }
    if (entries.isEmpty()) {
      return "-";
    }
    return entries.stream().filter(AccessLogOracle::isPublic).findFirst().orElse(entries.get(0));
  }

  static boolean isPublic(String s) {
    if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
      return false;
    }
    InetAddress a;
    try {
      a = InetAddress.getByName(s); // a literal: no lookup
    } catch (UnknownHostException e) {
      return false;
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      int x = b[0] & 0xFF;
      int y = b[1] & 0xFF;
      if (x == 100 && y >= 64 && y <= 127 || x == 0) {
        return false;
      }
    } else if ((b[0] & 0xFE) == 0xFC) {
      return false; // fc00::/7
    }
    return !(a.isSiteLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress()
        || a.isAnyLocalAddress());
  }

  /** TSV escaping as the reports do it, for the ASCII sample data. */
  public static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  List<String> hourlyRows() {
    List<String> rows = new ArrayList<>();
    hourly.forEach((k, v) -> rows.add(k + "\t" + v[0] + "\t" + v[1] + "\t" + v[2] + "\t" + v[3]
        + "\t" + v[4] + "\t" + v[5]));
    return rows;
  }

  List<String> urlRows() {
    List<String> rows = new ArrayList<>();
    urls.forEach((k, v) -> rows.add(escape(k) + "\t" + v[0] + "\t" + v[1] + "\t" + v[4] + "\t"
        + v[5]));
    return rows;
  }

  List<String> clientRows() {
    List<String> rows = new ArrayList<>();
    clients.forEach((k, v) -> rows.add(escape(k) + "\t" + v[0] + "\t" + v[1]));
    return rows;
  }

  List<String> topRows(int n) {
    List<String> rows = new ArrayList<>();
    top(rows, "url", urls, n);
    top(rows, "referrer", referrers, n);
    top(rows, "agent", agents, n);
    return rows;
  }

  private static void top(List<String> rows, String dim, Map<String, long[]> m, int n) {
    List<Map.Entry<String, long[]>> l = new ArrayList<>(m.entrySet());
    l.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
        .thenComparing(Map.Entry::getKey, AccessLogOracle::byBytes));
    for (int i = 0; i < Math.min(n, l.size()); i++) {
      rows.add(dim + "\t" + (i + 1) + "\t" + escape(l.get(i).getKey()) + "\t"
          + l.get(i).getValue()[0]);
    }
  }
}
