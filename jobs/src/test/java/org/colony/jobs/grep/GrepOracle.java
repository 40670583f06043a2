package org.colony.jobs.grep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * grep computed another way, for tests: records cut out of the files here (lines at their
 * newlines, events at the generator's offsets), regexes matched with Pattern on the record as a
 * String, fixed strings with String.contains on the Latin-1 view of the bytes (byte for byte).
 */
final class GrepOracle {
  private final List<String> patterns;
  private final boolean fixed;
  final List<String> matchRows = new ArrayList<>();
  final Map<String, Long> counts = new LinkedHashMap<>();
  long records;

  GrepOracle(List<String> patterns, boolean fixed) {
    this.patterns = patterns;
    this.fixed = fixed;
    patterns.forEach(p -> counts.put(p, 0L));
  }

  static byte[] content(Path file) throws IOException {
    try (InputStream in = file.toString().endsWith(".gz")
        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  /** Searches the lines of {@code file}, less those numbered (from 1) in {@code skipLines}. */
  void lines(String name, Path file, Set<Integer> skipLines) throws IOException {
    byte[] all = content(file);
    int start = 0;
    int number = 0;
    for (int i = 0; i <= all.length; i++) {
      if (i == all.length ? i > start : all[i] == '\n') {
        number++;
        if (!skipLines.contains(number)) {
          record(name, start, java.util.Arrays.copyOfRange(all, start, i));
        }
        start = i + 1;
      }
    }
  }

  /** Searches the events of {@code log} at the offsets and lengths of a truth events.tsv. */
  void events(String name, Path log, Path truth) throws IOException {
    byte[] all = content(log);
    List<String> rows = Files.readAllLines(truth, StandardCharsets.UTF_8);
    for (String r : rows.subList(1, rows.size())) {
      String[] c = r.split("\t");
      int offset = Integer.parseInt(c[0]);
      record(name, offset, java.util.Arrays.copyOfRange(all, offset,
          offset + Integer.parseInt(c[8])));
    }
  }

  private void record(String name, long offset, byte[] bytes) {
    records++;
    String text = new String(bytes, StandardCharsets.UTF_8);
    String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
    for (String p : patterns) {
      boolean hit = fixed
          ? latin1.contains(new String(p.getBytes(StandardCharsets.UTF_8),
              StandardCharsets.ISO_8859_1))
          : Pattern.compile(p).matcher(text).find();
      if (hit) {
        counts.merge(p, 1L, Long::sum);
        matchRows.add(name + "\t" + offset + "\t" + escape(p) + "\t" + escape(bytes));
      }
    }
  }

  /**
   * TSV escaping of bytes: backslash, tab, newline, CR as \\ \t \n \r, other control bytes and
   * bytes that are no valid UTF-8 sequence (as Java's strict decoder judges them) as \xHH.
   */
  static String escape(byte[] b) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        switch (c) {
          case '\\' -> out.append("\\\\");
          case '\t' -> out.append("\\t");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          default -> out.append(c < 0x20 || c == 0x7F ? String.format("\\x%02X", c) : (char) c);
        }
        i++;
        continue;
      }
      int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      String ch = len > 1 && i + len <= b.length ? strict(b, i, len) : null;
      if (ch != null) {
        out.append(ch);
        i += len;
      } else {
        out.append(String.format("\\x%02X", c));
        i++;
      }
    }
    return out.toString();
  }

  /** The one character of {@code b[i, i+len)} if it is valid UTF-8, else null. */
  private static String strict(byte[] b, int i, int len) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, i, len))
          .toString();
      return s.codePointCount(0, s.length()) == 1 ? s : null;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static String escape(String s) {
    return escape(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Expected counts/ rows. */
  List<String> countRows() {
    List<String> l = new ArrayList<>();
    counts.forEach((p, n) -> l.add(escape(p) + "\t" + n));
    return l;
  }
}
