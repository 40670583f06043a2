package org.colony.jobs.exceptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * exceptions computed another way, for tests: the events, their times and their exception and
 * root cause classes come from the generator's ground truth (sample-data/expected/app-events),
 * each event's text is cut out of the log at the truth's offset and length, and its frames are
 * found with regexes over that text. Nothing of the job's code.
 */
final class ExceptionsOracle {
  private static final Pattern FRAME =
      Pattern.compile("^\\s+at (?:\\S*/)?([^\\s/(]+)\\.([^\\s.(]+)\\(");
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

  /** One event with an exception, as the truth and the log text say. */
  record Event(String file, long offset, long time, String exception, String rootCause,
      String text) {}

  /** What the oracle knows of a signature. */
  static final class Group {
    String exception;
    String rootCause;
    List<String> frames;
    long count;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    Event example;
    final Map<String, Long> hours = new TreeMap<>();
  }

  private final List<String> packages;
  private final int frames;
  final List<Event> events = new ArrayList<>();
  long allEvents;

  /** @param packages prefixes such as "com.example.shop" (no dot), empty: the guess */
  ExceptionsOracle(List<String> packages, int frames) {
    this.packages = packages;
    this.frames = frames;
  }

  /** The whole uncompressed content of a plain or .gz file. */
  static byte[] content(Path file) throws IOException {
    try (InputStream in = file.toString().endsWith(".gz")
        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  /** The rows of a truth events.tsv: offset time level thread logger exception root lines bytes. */
  static List<String[]> truth(Path eventsTsv) throws IOException {
    List<String> lines = Files.readAllLines(eventsTsv, StandardCharsets.UTF_8);
    List<String[]> rows = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      rows.add(l.split("\t", -1));
    }
    return rows;
  }

  /**
   * Adds the events of {@code log} (named {@code fileName} in the job's output) whose rows are
   * {@code rows}, their offsets shifted by {@code -base} (for a piece of the original log).
   */
  void add(String fileName, byte[] log, List<String[]> rows, long base) {
    for (String[] r : rows) {
      allEvents++;
      if (r[5].equals("-")) {
        continue;
      }
      long offset = Long.parseLong(r[0]);
      int bytes = Integer.parseInt(r[8]);
      String text = new String(log, (int) (offset - base), bytes, StandardCharsets.UTF_8);
      events.add(new Event(fileName, offset - base, Instant.parse(r[1]).toEpochMilli(), r[5],
          r[6], text));
    }
  }

  /** The signature groups by id. */
  Map<String, Group> groups() {
    Map<String, Group> m = new TreeMap<>();
    for (Event e : events) {
      List<String> f = framesOf(e);
      String key = e.exception + "\n" + e.rootCause + (f.isEmpty() ? "" : "\n" + String.join("\n",
          f));
      Group g = m.computeIfAbsent(id(key), k -> new Group());
      g.exception = e.exception;
      g.rootCause = e.rootCause;
      g.frames = f;
      g.count++;
      g.first = Math.min(g.first, e.time);
      g.last = Math.max(g.last, e.time);
      if (g.example == null || before(e, g.example)) {
        g.example = e;
      }
      g.hours.merge(HOUR.format(Instant.ofEpochMilli(e.time)), 1L, Long::sum);
    }
    return m;
  }

  private static boolean before(Event a, Event b) {
    if (a.time != b.time) {
      return a.time < b.time;
    }
    int c = Arrays.compareUnsigned(a.text.getBytes(StandardCharsets.UTF_8),
        b.text.getBytes(StandardCharsets.UTF_8));
    if (c != 0) {
      return c < 0;
    }
    c = Arrays.compareUnsigned(a.file.getBytes(StandardCharsets.UTF_8),
        b.file.getBytes(StandardCharsets.UTF_8));
    return c != 0 ? c < 0 : a.offset < b.offset;
  }

  /** Own frames: the outermost exception's, else the first cause's with any. */
  List<String> framesOf(Event e) {
    if (frames == 0) {
      return List.of();
    }
    String[] lines = e.text.split("\n", -1);
    List<List<String>> chain = new ArrayList<>();
    int outer = FRAME.matcher(lines[1]).find() ? 0 : -1;
    for (int i = 1; i < lines.length && outer < 0; i++) {
      if (lines[i].startsWith(e.exception)) {
        outer = i;
      }
    }
    chain.add(frameLines(lines, outer));
    for (int i = outer + 1; i < lines.length; i++) {
      if (lines[i].startsWith("Caused by: ")) {
        chain.add(frameLines(lines, i));
      }
    }
    String prefix = null;
    if (packages.isEmpty()) {
      outerLoop:
      for (List<String> seg : chain) {
        for (String f : seg) {
          String cls = f.substring(0, f.lastIndexOf('.'));
          if (!cls.matches("(java|javax|jdk|sun|jakarta)\\..*|com\\.sun\\..*")) {
            String[] parts = cls.split("\\.");
            prefix = parts.length > 2 ? parts[0] + "." + parts[1] + "." : parts[0] + ".";
            break outerLoop;
          }
        }
      }
    }
    for (List<String> seg : chain) {
      List<String> own = new ArrayList<>();
      for (String f : seg) {
        String cls = f.substring(0, f.lastIndexOf('.'));
        boolean mine = prefix != null ? cls.startsWith(prefix)
            : packages.stream().anyMatch(p -> cls.startsWith(p + "."));
        if (mine && !cls.contains("$$") && own.size() < frames) {
          own.add(f);
        }
      }
      if (!own.isEmpty()) {
        return own;
      }
    }
    return List.of();
  }

  /** class.method of the frames right after line {@code from}, past message lines. */
  private static List<String> frameLines(String[] lines, int from) {
    List<String> l = new ArrayList<>();
    for (int i = from + 1; i < lines.length; i++) {
      Matcher m = FRAME.matcher(lines[i]);
      if (m.find()) {
        l.add(m.group(1) + "." + m.group(2));
      } else if (!l.isEmpty() || lines[i].matches("\\s+\\.\\.\\. \\d+ .*")
          || lines[i].startsWith("Caused by: ") || lines[i].strip().startsWith("Suppressed: ")) {
        break;
      }
    }
    return l;
  }

  /** The exception message of the outermost exception line and its continuation lines. */
  static String message(Event e) {
    String[] lines = e.text.split("\n", -1);
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].startsWith(e.exception)) {
        String rest = lines[i].substring(e.exception.length());
        List<String> parts = new ArrayList<>();
        if (rest.startsWith(": ")) {
          parts.add(rest.substring(2));
        }
        for (int j = i + 1; j < lines.length && !FRAME.matcher(lines[j]).find(); j++) {
          parts.add(lines[j]);
        }
        return String.join("\n", parts);
      }
    }
    throw new IllegalStateException("no exception line in " + e);
  }

  static String id(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** TSV escaping as the reports do it, for valid UTF-8 text without control characters. */
  static String escape(String s) {
    return s.isEmpty() ? "-" : s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
        .replace("\r", "\\r");
  }

  /** Expected hourly/ rows: hour id count. */
  List<String> hourlyRows() {
    List<String> rows = new ArrayList<>();
    groups().forEach((id, g) -> g.hours.forEach((h, n) -> rows.add(h + "\t" + id + "\t" + n)));
    return rows;
  }

  /**
   * Expected signatures/ rows, the example's file column as the name of the file (the job
   * writes its full path; tests compare the end).
   */
  List<String> signatureRows() {
    List<String> rows = new ArrayList<>();
    groups().forEach((id, g) -> rows.add(String.join("\t", id, g.exception, g.rootCause,
        g.frames.isEmpty() ? "-" : String.join(";", g.frames), Long.toString(g.count),
        Instant.ofEpochMilli(g.first).toString(), Instant.ofEpochMilli(g.last).toString(),
        g.example.file, Long.toString(g.example.offset), escape(message(g.example)))));
    return rows;
  }

  /** Expected examples/ rows: id and the example's text, escaped. */
  List<String> exampleRows() {
    List<String> rows = new ArrayList<>();
    groups().forEach((id, g) -> rows.add(id + "\t" + escape(g.example.text)));
    return rows;
  }
}
