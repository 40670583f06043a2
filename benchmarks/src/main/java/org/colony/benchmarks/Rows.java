package org.colony.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Rows (lines less headers) of each report folder or TSV file of an output, to cross-check. */
final class Rows {
  private Rows() {}

  static Map<String, Object> count(Path out) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String report : new String[] {"hourly", "urls", "clients", "top", "sessions", "summary"}) {
      Path p = out.resolve(report);
      Path tsv = out.resolve(report + ".tsv");
      if (Files.isDirectory(p)) {
        long rows = 0;
        try (Stream<Path> s = Files.list(p)) {
          for (Path f : s.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
            rows += dataLines(f);
          }
        }
        m.put(report + "Rows", rows);
      } else if (Files.isRegularFile(tsv)) {
        m.put(report + "Rows", dataLines(tsv));
      }
    }
    return m;
  }

  /** Lines of a TSV file, less its header line if it has one. */
  private static long dataLines(Path f) throws IOException {
    try (Stream<String> lines = Files.lines(f, java.nio.charset.StandardCharsets.ISO_8859_1)) {
      long[] n = {0, 0};
      lines.forEach(l -> {
        if (n[0]++ == 0 && HEADER.matcher(l).lookingAt()) {
          n[1] = 1;
        }
      });
      return n[0] - n[1];
    }
  }

  private static final java.util.regex.Pattern HEADER = java.util.regex.Pattern.compile(
      "(hour|path|client|dimension|visitor_hash|day)\\t");
}
