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

  /** A report folder read back: its header's column names and its rows (escaped columns). */
  public record Table(List<String> columns, List<String[]> rows) {
    /** The index of a column, or -1. */
    public int column(String name) {
      return columns.indexOf(name);
    }

    /** A cell by column name; "" when the column is absent. */
    public String get(String[] row, String name) {
      int i = column(name);
      return i < 0 || i >= row.length ? "" : row[i];
    }
  }

  /** Reads a whole report folder, or null when it is absent. */
  public static Table read(FileSystem fs, Path folder, int limit) throws IOException {
    if (!fs.exists(folder)) {
      return null;
    }
    List<String> columns = List.of();
    FileStatus[] files = fs.listStatus(folder, p -> p.getName().startsWith("part-"));
    Arrays.sort(files);
    if (files.length > 0) {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(
          fs.open(files[0].getPath()), StandardCharsets.UTF_8))) {
        String header = r.readLine();
        columns = header == null ? List.of() : List.of(header.split("\t", -1));
      }
    }
    return new Table(columns, rows(fs, folder, limit));
  }

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
