package org.colony.jobs.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reads back the rows of a report folder written by {@link TsvReports}, on any file system. */
public final class TsvTables {
  private TsvTables() {}

  /**
   * The data rows (header skipped) of the {@code part-*} files of {@code folder}, in file-name
   * order, split into escaped columns; at most {@code limit}. Empty when the folder is absent.
   */
  public static List<String[]> rows(FileSystem fs, Path folder, int limit) throws IOException {
    List<String[]> rows = new ArrayList<>();
    if (!fs.exists(folder)) {
      return rows;
    }
    FileStatus[] files = fs.listStatus(folder, p -> p.getName().startsWith("part-"));
    Arrays.sort(files);
    for (FileStatus f : files) {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(f.getPath()),
          StandardCharsets.UTF_8))) {
        r.readLine(); // header
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (rows.size() >= limit) {
            return rows;
          }
          rows.add(line.split("\t", -1));
        }
      }
    }
    return rows;
  }
}
