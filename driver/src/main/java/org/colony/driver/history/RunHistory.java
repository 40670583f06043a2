package org.colony.driver.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.UserGroupInformation;
import org.colony.driver.ColonyKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run reports, one JSON file per run under {@code colony.history.dir/<job>/<runId>.json} on the
 * job's file system: written after every run (succeeded or not), read by the reducer sizing to
 * learn from earlier runs and by {@code colony history}.
 */
public final class RunHistory {
  private static final Logger LOG = LoggerFactory.getLogger(RunHistory.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final FileSystem fs;
  private final Path root;

  public RunHistory(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = fs.makeQualified(root);
  }

  /** The history of {@code fs} as configured ({@code ${user.name}} stands for the user). */
  public static RunHistory of(Configuration conf, FileSystem fs) throws IOException {
    String dir = ColonyKeys.HISTORY_DIR.get(conf).replace("${user.name}",
        UserGroupInformation.getCurrentUser().getShortUserName());
    return new RunHistory(fs, new Path(dir));
  }

  public Path root() {
    return root;
  }

  /** Writes a run's report; returns where. */
  public Path write(Map<String, Object> report) throws IOException {
    Path file = new Path(new Path(root, (String) report.get("job")), report.get("runId") + ".json");
    fs.mkdirs(file.getParent());
    try (OutputStream out = fs.create(file, true)) {
      JSON.writeValue(out, report);
    }
    return file;
  }

  /** The newest reports of a job, newest first (run ids sort by time); unreadable ones skipped. */
  public List<Map<String, Object>> recent(String job, int n) throws IOException {
    Path dir = new Path(root, job);
    List<Map<String, Object>> reports = new ArrayList<>();
    if (!fs.exists(dir)) {
      return reports;
    }
    FileStatus[] files = fs.listStatus(dir, p -> p.getName().endsWith(".json"));
    Arrays.sort(files, Comparator.comparing((FileStatus f) -> f.getPath().getName()).reversed());
    for (FileStatus f : files) {
      if (reports.size() >= n) {
        break;
      }
      try (InputStream in = fs.open(f.getPath())) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = JSON.readValue(in, Map.class);
        reports.add(r);
      } catch (IOException e) {
        LOG.warn("skipping unreadable run report {}: {}", f.getPath(), e.toString());
      }
    }
    return reports;
  }
}
