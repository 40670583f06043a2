package org.colony.driver.report;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.colony.driver.Manifest;
import org.colony.jobs.common.Tsv;
import org.colony.jobs.common.TsvTables;

/**
 * One day's published outputs, found through their manifests under the reports root
 * ({@code <reports>/<id>/dt=D/_manifest.json}), as the report's sections read them.
 */
final class DayReport {
  /** A published output: its folder and its manifest. */
  record Output(String id, Path dir, Map<String, Object> manifest) {
    String job() {
      return String.valueOf(manifest.get("job"));
    }
  }

  private final FileSystem fs;
  private final LocalDate date;
  private final Map<String, Output> byJob = new TreeMap<>();
  private final List<Output> all = new ArrayList<>();

  DayReport(FileSystem fs, Path reports, LocalDate date) throws IOException {
    this.fs = fs;
    this.date = date;
    FileStatus[] found = fs.globStatus(new Path(reports, "*/dt=" + date + "/_manifest.json"));
    if (found != null) {
      java.util.Arrays.sort(found);
      for (FileStatus f : found) {
        Path dir = f.getPath().getParent();
        Output o = new Output(dir.getParent().getName(), dir, Manifest.read(fs, dir));
        all.add(o);
        byJob.putIfAbsent(o.job(), o);
      }
    }
  }

  LocalDate date() {
    return date;
  }

  List<Output> outputs() {
    return all;
  }

  /** The day's output of a job, or null. */
  Output output(String job) {
    return byJob.get(job);
  }

  /** A report folder of a job's output, or null when the job or the folder is not there. */
  TsvTables.Table table(String job, String folder) throws IOException {
    Output o = byJob.get(job);
    return o == null ? null : TsvTables.read(fs, new Path(o.dir(), folder), 100_000);
  }

  /** A TSV cell as text (escapes undone). */
  static String text(String escaped) {
    return new String(Tsv.unescape(escaped), java.nio.charset.StandardCharsets.UTF_8);
  }

  static long num(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static double dbl(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
