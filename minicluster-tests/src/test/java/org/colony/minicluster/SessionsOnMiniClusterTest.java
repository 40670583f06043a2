package org.colony.minicluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.colony.minicluster.MiniClusters.colony;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.colony.driver.ExitCode;
import org.colony.driver.Manifest;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * colony sessions on MiniDFS + MiniYARN over both sample days (plain and gzip) with two reducers:
 * the same rows as the same command run embedded with one reducer, and the hidden per-reducer
 * summary pieces merged and gone.
 */
class SessionsOnMiniClusterTest {
  private static final String SESSIONS =
      "visitor_hash\tstart\tend\tduration_s\thits\tentry_path\texit_path\tbytes";
  private static final String SUMMARY = "day\tsessions\tvisitors\thits\tbounces\tbounce_rate"
      + "\tmedian_duration_s\tp90_duration_s\thits_per_session";

  @TempDir
  static Path base;
  static MiniClusters clusters;

  @BeforeAll
  static void start() throws Exception {
    clusters = MiniClusters.shared();
    clusters.fs().copyFromLocalFile(new org.apache.hadoop.fs.Path(Paths.sampleData("logs/access")
        .toUri()), new org.apache.hadoop.fs.Path("/logs/access"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (clusters != null) {
      clusters.close();
    }
  }

  @Test
  void sessionsOnHdfsEqualTheEmbeddedRun() throws Exception {
    FileSystem fs = clusters.fs();
    StringBuilder log = new StringBuilder();
    int code = colony(clusters.conf(), log, "sessions", "--input", "/logs/access", "--output",
        "/reports/sessions", "--reducers", "2");
    assertThat(code).as(log.toString()).isEqualTo(ExitCode.OK);
    assertThat(log).contains("sessions succeeded", "reducers 2");
    org.apache.hadoop.fs.Path outPath = new org.apache.hadoop.fs.Path("/reports/sessions");
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(outPath, "_SUCCESS"))).isTrue();
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(outPath, "_summary"))).isFalse();
    Map<String, Object> manifest = Manifest.read(fs, outPath);
    assertThat(manifest.get("job")).isEqualTo("sessions");
    assertThat((String) manifest.get("hadoopJobId")).startsWith("job_").doesNotContain("local");
    Path copy = base.resolve("copy");
    fs.copyToLocalFile(outPath, new org.apache.hadoop.fs.Path(copy.toUri()));

    Path embedded = base.resolve("embedded");
    StringBuilder local = new StringBuilder();
    int localCode = colony(LocalHadoop.conf(base.resolve("local")), local, "sessions",
        "--input", Paths.sampleData("logs/access").toString(), "--output", embedded.toString(),
        "--reducers", "1");
    assertThat(localCode).as(local.toString()).isEqualTo(ExitCode.OK);

    List<String> want = sorted(TsvFiles.rows(embedded.resolve("sessions"), SESSIONS));
    assertThat(want).hasSizeGreaterThan(900);
    assertThat(sorted(TsvFiles.rows(copy.resolve("sessions"), SESSIONS))).isEqualTo(want);
    assertThat(TsvFiles.rows(copy.resolve("summary"), SUMMARY))
        .isEqualTo(TsvFiles.rows(embedded.resolve("summary"), SUMMARY)).hasSize(3);
  }

  private static List<String> sorted(List<String> rows) {
    List<String> l = new ArrayList<>(rows);
    Collections.sort(l);
    return l;
  }
}
