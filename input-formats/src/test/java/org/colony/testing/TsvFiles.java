package org.colony.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads TSV reports: every part file of a report folder, each checked to start with the header. */
public final class TsvFiles {
  private TsvFiles() {}

  /** The data rows of all {@code part-*} files under {@code folder}, each file's header checked. */
  public static List<String> rows(Path folder, String header) {
    List<String> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted()
          .toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        assertThat(lines).as("lines of %s", f).isNotEmpty();
        assertThat(lines.get(0)).as("header of %s", f).isEqualTo(header);
        rows.addAll(lines.subList(1, lines.size()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The data rows of one TSV file after its header, which is checked. */
  public static List<String> fileRows(Path file, String header) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      assertThat(lines.get(0)).as("header of %s", file).isEqualTo(header);
      return lines.subList(1, lines.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
