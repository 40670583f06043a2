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
 * colony exceptions (two reducers) and colony grep (map-only) on one MiniDFS + MiniYARN: the same
 * rows as the same commands run embedded, files named by their path on HDFS.
 */
class ExceptionsAndGrepOnMiniClusterTest {
  private static final String HOURLY = "hour\tsignature_id\tcount";
  private static final String SIGNATURES = "signature_id\texception\troot_cause\tframes\tcount"
      + "\tfirst_seen\tlast_seen\texample_file\texample_offset\tmessage";
  private static final String EXAMPLES = "signature_id\texample";
  private static final String MATCHES = "file\toffset\tpattern\trecord";

  @TempDir
  static Path base;
  static MiniClusters clusters;

  @BeforeAll
  static void start() throws Exception {
    clusters = new MiniClusters(ExceptionsAndGrepOnMiniClusterTest.class,
        Path.of(System.getProperty("test.build.data", "target/test-data")).toAbsolutePath()
            .resolve("exceptions-grep"));
    for (String logs : List.of("app", "syslog")) {
      clusters.fs().copyFromLocalFile(new org.apache.hadoop.fs.Path(
          Paths.sampleData("logs/" + logs).toUri()), new org.apache.hadoop.fs.Path("/logs/"
          + logs));
    }
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

  /** Runs a command on the cluster and embedded; returns the local copies of both outputs. */
  private static Path[] both(String name, String input, List<String> options) throws Exception {
    List<String> onCluster = new ArrayList<>(List.of(name, "--input", "/logs/" + input,
        "--output", "/reports/" + name));
    onCluster.addAll(options);
    StringBuilder log = new StringBuilder();
    int code = colony(clusters.conf(), log, onCluster.toArray(new String[0]));
    assertThat(code).as(log.toString()).isEqualTo(ExitCode.OK);
    assertThat(log).contains(name + " succeeded");
    FileSystem fs = clusters.fs();
    org.apache.hadoop.fs.Path outPath = new org.apache.hadoop.fs.Path("/reports/" + name);
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(outPath, "_SUCCESS"))).isTrue();
    Map<String, Object> manifest = Manifest.read(fs, outPath);
    assertThat(manifest.get("job")).isEqualTo(name);
    assertThat((String) manifest.get("hadoopJobId")).startsWith("job_").doesNotContain("local");
    Path copy = base.resolve(name + "-cluster");
    fs.copyToLocalFile(outPath, new org.apache.hadoop.fs.Path(copy.toUri()));

    Path embedded = base.resolve(name + "-embedded");
    List<String> local = new ArrayList<>(List.of(name, "--input",
        Paths.sampleData("logs/" + input).toString(), "--output", embedded.toString()));
    local.addAll(options);
    StringBuilder localLog = new StringBuilder();
    int localCode = colony(LocalHadoop.conf(base.resolve("local-" + name)), localLog,
        local.toArray(new String[0]));
    assertThat(localCode).as(localLog.toString()).isEqualTo(ExitCode.OK);
    return new Path[] {copy, embedded};
  }

  /** Rows sorted, with column {@code fileColumn} cut to what follows {@code marker}. */
  private static List<String> rows(Path folder, String header, int fileColumn, String marker,
      String scheme) {
    List<String> l = new ArrayList<>();
    for (String r : TsvFiles.rows(folder, header)) {
      String[] c = r.split("\t", -1);
      if (fileColumn >= 0) {
        assertThat(c[fileColumn]).startsWith(scheme).contains(marker);
        c[fileColumn] = c[fileColumn].substring(c[fileColumn].indexOf(marker));
      }
      l.add(String.join("\t", c));
    }
    Collections.sort(l);
    return l;
  }

  @Test
  void exceptionsOnHdfsEqualTheEmbeddedRun() throws Exception {
    Path[] out = both("exceptions", "app", List.of("--package", "com.example.shop",
        "--reducers", "2"));
    List<String> want = rows(out[1].resolve("signatures"), SIGNATURES, 7, "/app/dt=", "file:");
    assertThat(want).hasSizeGreaterThan(8);
    assertThat(rows(out[0].resolve("signatures"), SIGNATURES, 7, "/app/dt=", "hdfs://"))
        .isEqualTo(want);
    assertThat(rows(out[0].resolve("hourly"), HOURLY, -1, null, null))
        .isEqualTo(rows(out[1].resolve("hourly"), HOURLY, -1, null, null));
    assertThat(rows(out[0].resolve("examples"), EXAMPLES, -1, null, null))
        .isEqualTo(rows(out[1].resolve("examples"), EXAMPLES, -1, null, null));
  }

  /** grep without --count: map-only on YARN too, matches/ alone. */
  @Test
  void grepMapOnlyOnHdfsEqualsTheEmbeddedRun() throws Exception {
    Path[] out = both("grep", "syslog", List.of("--format", "syslog", "--pattern",
        "Failed password for (invalid user )?\\w+ from", "--pattern", "Pr\u00fcfprotokoll"));
    List<String> want = rows(out[1].resolve("matches"), MATCHES, 0, "/syslog/dt=", "file:");
    assertThat(want).hasSizeGreaterThan(500)
        .anyMatch(r -> r.contains("\tPr\u00fcfprotokoll\t"));
    assertThat(rows(out[0].resolve("matches"), MATCHES, 0, "/syslog/dt=", "hdfs://"))
        .isEqualTo(want);
    assertThat(out[0].resolve("counts")).doesNotExist();
    assertThat(out[0].resolve("_rejects")).isDirectory();
    Map<String, Object> manifest = Manifest.read(clusters.fs(),
        new org.apache.hadoop.fs.Path("/reports/grep"));
    assertThat(manifest.get("reducers").toString()).contains("count=0", "map-only");
  }
}
