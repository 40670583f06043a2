package org.colony.jobs.syslog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * syslog-stats computed another way, for tests: lines parsed with java.util.regex and java.time,
 * templates made by {@link RegexMasker}, every template's lines kept in a list and their figures
 * computed by sorting and sets. Nothing of the job's code. Lines are Strings of ISO-8859-1, one
 * char per byte.
 */
final class SyslogOracle {
  /** A parsed line. */
  record Line(long micros, boolean timed, String host, String app, int severity, String message) {}

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
  private static final String PRINT = "[\\x21-\\x7E]";
  private static final Pattern RFC5424 = Pattern.compile("<(\\d{1,3})>1 (\\S+) (" + PRINT
      + "{1,255}) (" + PRINT + "{1,48}) (" + PRINT + "{1,128}) (" + PRINT + "{1,32}) "
      + "(-|(?:\\[[\\x21-\\x7E&&[^= \\]\"]]{1,32}(?: [\\x21-\\x7E&&[^= \\]\"]]{1,32}="
      + "\"(?:[^\"\\\\\\]]|\\\\.)*\")*\\])+)(?: +(.*))?", Pattern.DOTALL);
  private static final Pattern BSD = Pattern.compile("(?:<(\\d{1,3})>)?([A-Z][a-z]{2}) +(\\d{1,2}) "
      + "(\\d{2}:\\d{2}:\\d{2}) (" + PRINT + "+) (\\S+:)(?: +(.*))?", Pattern.DOTALL);
  private static final Pattern RFC3339 = Pattern.compile("(?:<(\\d{1,3})>)?(\\d{4}-\\d{2}-\\d{2}T"
      + "\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,6})?(?:Z|[+-]\\d{2}:\\d{2})) (" + PRINT + "+) (\\S+:)"
      + "(?: +(.*))?", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("(.+)\\[([^\\[]*)\\]:", Pattern.DOTALL);
  private static final String BOM = "\u00EF\u00BB\u00BF";
  private static final String[] SEVERITIES = {"emerg", "alert", "crit", "err", "warning",
      "notice", "info", "debug", "-"};

  private final int year;
  private final RegexMasker masker;
  private final Map<String, Long> hourly = new HashMap<>();
  private final Map<String, List<Line>> templates = new HashMap<>();
  long lines;
  long parsed;
  long rejected;
  long withoutTime;

  /** BSD timestamps are read in {@code year}, UTC. */
  SyslogOracle(int year, boolean maskUsers) {
    this.year = year;
    this.masker = new RegexMasker(maskUsers);
  }

  void add(String raw) {
    lines++;
    Line l = parse(raw);
    if (l == null) {
      rejected++;
      return;
    }
    parsed++;
    String hour = "-";
    if (l.timed()) {
      hour = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").format(
          Instant.ofEpochSecond(Math.floorDiv(l.micros(), 1_000_000L)).atOffset(ZoneOffset.UTC));
    } else {
      withoutTime++;
    }
    hourly.merge(hour + "\t" + field(l.host()) + "\t" + field(l.app()) + "\t"
        + SEVERITIES[l.severity()], 1L, Long::sum);
    templates.computeIfAbsent(masker.mask(l.message()), t -> new ArrayList<>()).add(l);
  }

  /** The line's fields, or null when it is no syslog line. */
  Line parse(String raw) {
    String s = raw.replaceFirst("^[ \\t]+", "");
    if (s.isBlank()) {
      return null;
    }
    Matcher m = RFC5424.matcher(s);
    if (m.matches()) {
      int pri = Integer.parseInt(m.group(1));
      if (pri > 191 || m.group(1).length() > 1 && m.group(1).startsWith("0")) {
        return null;
      }
      long micros = 0;
      boolean timed = !m.group(2).equals("-");
      if (timed) {
        try {
          micros = micros(OffsetDateTime.parse(m.group(2)).toInstant());
        } catch (DateTimeException e) {
          return null;
        }
      }
      String msg = m.group(8) == null ? "" : m.group(8);
      if (msg.startsWith(BOM)) {
        msg = msg.substring(3);
        if (!isUtf8(msg)) {
          return null;
        }
      }
      return new Line(micros, timed, nil(m.group(3)), nil(m.group(4)), pri & 7, msg);
    }
    m = BSD.matcher(s);
    if (m.matches()) {
      int month = MONTHS.indexOf(m.group(2)) / 3 + 1;
      if (MONTHS.indexOf(m.group(2)) % 3 != 0) {
        return null;
      }
      Instant t;
      try {
        t = LocalDate.of(year, month, Integer.parseInt(m.group(3)))
            .atTime(LocalTime.parse(m.group(4))).toInstant(ZoneOffset.UTC);
      } catch (DateTimeException e) {
        return null;
      }
      return bsdLine(m.group(1), micros(t), m.group(5), m.group(6), m.group(7));
    }
    m = RFC3339.matcher(s);
    if (m.matches()) {
      Instant t;
      try {
        t = OffsetDateTime.parse(m.group(2)).toInstant();
      } catch (DateTimeException e) {
        return null;
      }
      return bsdLine(m.group(1), micros(t), m.group(3), m.group(4), m.group(5));
    }
    return null;
  }

  private static Line bsdLine(String pri, long micros, String host, String tag, String msg) {
    Matcher t = TAG.matcher(tag);
    String app = t.matches() ? t.group(1) : tag.substring(0, tag.length() - 1);
    int severity = pri == null ? 8 : Integer.parseInt(pri) & 7;
    return new Line(micros, true, host, app, severity, msg == null ? "" : msg);
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
  }

  private static String nil(String field) {
    return field.equals("-") ? "" : field;
  }

  private static boolean isUtf8(String latin1) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1)));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * A TSV field as the job writes it: '-' when empty, the bytes read as UTF-8 (which all of the
   * sample's are), backslash, tab, newline, CR and other control bytes escaped.
   */
  static String field(String latin1) {
    if (latin1.isEmpty()) {
      return "-";
    }
    if (!isUtf8(latin1)) {
      throw new AssertionError("not UTF-8, which the oracle does not escape: " + latin1);
    }
    String s = new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            b.append(String.format("\\x%02X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static final Comparator<String> BYTES = (a, b) -> Arrays.compareUnsigned(
      a.getBytes(StandardCharsets.ISO_8859_1), b.getBytes(StandardCharsets.ISO_8859_1));

  List<String> hourlyRows() {
    List<String> rows = new ArrayList<>();
    hourly.forEach((k, v) -> rows.add(k + "\t" + v));
    return rows;
  }

  /** The rest of a template's row after the template: count, first, last, ... example. */
  private String[] figures(List<Line> ls) {
    Set<String> hosts = new HashSet<>();
    TreeSet<String> apps = new TreeSet<>(BYTES);
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    int severity = 8;
    long warnings = 0;
    for (Line l : ls) {
      hosts.add(l.host());
      apps.add(l.app());
      if (l.timed()) {
        first = Math.min(first, l.micros());
        last = Math.max(last, l.micros());
      }
      severity = Math.min(severity, l.severity());
      warnings += l.severity() <= 4 ? 1 : 0;
    }
    // the example: earliest, ties by message bytes, lines without time after all
    Line example = ls.stream().min(Comparator.comparing((Line l) -> !l.timed())
        .thenComparingLong(Line::micros).thenComparing(Line::message, BYTES)).orElseThrow();
    List<String> shown = new ArrayList<>();
    for (String a : apps) {
      if (shown.size() == 10) {
        shown.add("...");
        break;
      }
      shown.add(a.isEmpty() ? "-" : a);
    }
    return new String[] {String.valueOf(ls.size()), time(first), time(last),
        String.valueOf(hosts.size()), SEVERITIES[severity], field(String.join(",", shown)),
        field(example.message()), String.valueOf(warnings)};
  }

  private static String time(long micros) {
    if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
      return "-";
    }
    return Instant.ofEpochMilli(Math.floorDiv(micros, 1000L)).toString();
  }

  List<String> templateRows() {
    List<String> rows = new ArrayList<>();
    templates.forEach((t, ls) -> {
      String[] f = figures(ls);
      rows.add(field(t) + "\t" + String.join("\t", Arrays.copyOf(f, 7)));
    });
    return rows;
  }

  /** top/ rows in order: templates with lines at warning or worse, by those, ties by bytes. */
  List<String> topRows(int n) {
    Map<String, String[]> warned = new TreeMap<>(BYTES);
    templates.forEach((t, ls) -> {
      String[] f = figures(ls);
      if (!f[7].equals("0")) {
        warned.put(t, f);
      }
    });
    List<Map.Entry<String, String[]>> sorted = new ArrayList<>(warned.entrySet());
    sorted.sort(Comparator.comparingLong((Map.Entry<String, String[]> e) ->
        -Long.parseLong(e.getValue()[7])));
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < Math.min(n, sorted.size()); i++) {
      String[] f = sorted.get(i).getValue();
      rows.add((i + 1) + "\t" + field(sorted.get(i).getKey()) + "\t" + f[7] + "\t"
          + String.join("\t", Arrays.copyOf(f, 7)));
    }
    return rows;
  }

  int templateCount() {
    return templates.size();
  }

  /** The lines of a template, for spot checks. */
  List<Line> linesOf(String template) {
    return templates.getOrDefault(template, List.of());
  }

  Map<String, List<Line>> templates() {
    return templates;
  }
}
