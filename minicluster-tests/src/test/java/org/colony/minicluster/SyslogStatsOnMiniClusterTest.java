package org.colony.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ToolRunner;
import org.colony.driver.ColonyTool;
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
 * colony syslog-stats on MiniDFS + MiniYARN over both sample days (plain and gzip, the dt=
 * folders giving the RFC 3164 year) with two reducers: the same rows as the same command run
 * embedded with one reducer, the hidden per-reducer top candidates merged and gone.
 */
class SyslogStatsOnMiniClusterTest {
  private static final String HOURLY = "hour\thost\tapp\tseverity\tcount";
  private static final String TEMPLATES =
      "template\tcount\tfirst_seen\tlast_seen\thosts\tseverity\tapp\texample";
  private static final String TOP = "rank\ttemplate\tcount\ttotal\tfirst_seen\tlast_seen\thosts"
      + "\tseverity\tapp\texample";

  @TempDir
  static Path base;
  static MiniClusters clusters;

  @BeforeAll
  static void start() throws Exception {
    clusters = new MiniClusters(SyslogStatsOnMiniClusterTest.class,
        Path.of(System.getProperty("test.build.data", "target/test-data")).toAbsolutePath()
            .resolve("syslog-stats"));
    clusters.fs().copyFromLocalFile(new org.apache.hadoop.fs.Path(Paths.sampleData("logs/syslog")
        .toUri()), new org.apache.hadoop.fs.Path("/logs/syslog"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (clusters != null) {
      clusters.close();
    }
  }

  private static int colony(Configuration conf, StringBuilder output, String... args)
      throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream p = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      int code = ToolRunner.run(new Configuration(conf), new ColonyTool(p, p), args);
      output.append(bytes.toString(StandardCharsets.UTF_8));
      return code;
    }
  }

  @Test
  void syslogStatsOnHdfsEqualTheEmbeddedRun() throws Exception {
    FileSystem fs = clusters.fs();
    StringBuilder log = new StringBuilder();
    int code = colony(clusters.conf(), log, "syslog-stats", "--input", "/logs/syslog",
        "--output", "/reports/syslog-stats", "--reducers", "2", "--top", "1");
    assertThat(code).as(log.toString()).isEqualTo(ExitCode.OK);
    assertThat(log).contains("syslog-stats succeeded", "reducers 2", "rejected 16");
    org.apache.hadoop.fs.Path outPath = new org.apache.hadoop.fs.Path("/reports/syslog-stats");
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(outPath, "_SUCCESS"))).isTrue();
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(outPath, "_top"))).isFalse();
    Map<String, Object> manifest = Manifest.read(fs, outPath);
    assertThat(manifest.get("job")).isEqualTo("syslog-stats");
    assertThat((String) manifest.get("hadoopJobId")).startsWith("job_").doesNotContain("local");
    Path copy = base.resolve("copy");
    fs.copyToLocalFile(outPath, new org.apache.hadoop.fs.Path(copy.toUri()));

    Path embedded = base.resolve("embedded");
    StringBuilder local = new StringBuilder();
    int localCode = colony(LocalHadoop.conf(base.resolve("local")), local, "syslog-stats",
        "--input", Paths.sampleData("logs/syslog").toString(), "--output", embedded.toString(),
        "--reducers", "1", "--top", "1");
    assertThat(localCode).as(local.toString()).isEqualTo(ExitCode.OK);

    List<String> templates = sorted(TsvFiles.rows(embedded.resolve("templates"), TEMPLATES));
    assertThat(templates).hasSizeGreaterThan(100);
    assertThat(sorted(TsvFiles.rows(copy.resolve("templates"), TEMPLATES))).isEqualTo(templates);
    assertThat(copy.resolve("templates").toFile().list((d, n) -> n.startsWith("part-")))
        .hasSize(2);
    List<String> hourly = sorted(TsvFiles.rows(embedded.resolve("hourly"), HOURLY));
    assertThat(sorted(TsvFiles.rows(copy.resolve("hourly"), HOURLY))).isEqualTo(hourly);
    assertThat(TsvFiles.rows(copy.resolve("top"), TOP))
        .isEqualTo(TsvFiles.rows(embedded.resolve("top"), TOP)).hasSize(1);
  }

  private static List<String> sorted(List<String> rows) {
    List<String> l = new ArrayList<>(rows);
    Collections.sort(l);
    return l;
  }
}
