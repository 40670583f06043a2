package org.colony.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.util.ToolRunner;
import org.colony.driver.ColonyTool;
import org.colony.driver.ExitCode;
import org.colony.driver.Manifest;
import org.colony.driver.sizing.ClusterCapacity;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The colony command's real entry point on MiniDFS + MiniYARN: access-stats over HDFS input,
 * outputs compared with the reviewed expected files, and a second run refused; then uv-rollup
 * over two days of access-stats output on HDFS, the same rows as the same commands embedded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessStatsOnMiniClusterTest {
  private static final String DAY = "dt=2026-11-25";
  private static final String[] REPORTS = {"hourly", "urls", "clients", "top"};
  private static final Map<String, String> HEADERS = Map.of(
      "hourly", "hour\trequests\tbytes\ts2xx\ts3xx\ts4xx\ts5xx",
      "urls", "path\thits\tbytes\ts4xx\ts5xx",
      "clients", "client\thits\tbytes",
      "top", "dimension\trank\tvalue\thits");

  @TempDir
  static Path base;
  static MiniClusters clusters;

  @BeforeAll
  static void start() throws Exception {
    clusters = new MiniClusters(AccessStatsOnMiniClusterTest.class,
        Path.of(System.getProperty("test.build.data", "target/test-data")).toAbsolutePath()
            .resolve("access-stats"));
    FileSystem fs = clusters.fs();
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(Paths.sampleData("logs/access/" + DAY)
        .toUri()), new org.apache.hadoop.fs.Path("/logs/access/" + DAY));
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
  @Order(2)
  void accessStatsOnHdfsMatchesExpectedAndRefusesARerun() throws Exception {
    Configuration conf = clusters.conf();
    FileSystem fs = clusters.fs();
    String out = "/reports/access-stats/" + DAY;
    StringBuilder log = new StringBuilder();
    int code = colony(conf, log, "access-stats", "--input", "/logs/access/" + DAY, "--output",
        out, "--reducers", "2");
    assertThat(code).as(log.toString()).isEqualTo(ExitCode.OK);
    assertThat(log).contains("succeeded");
    org.apache.hadoop.fs.Path outPath = new org.apache.hadoop.fs.Path(out);
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(outPath, "_SUCCESS"))).isTrue();
    Map<String, Object> manifest = Manifest.read(fs, outPath);
    assertThat((String) manifest.get("hadoopJobId")).startsWith("job_").doesNotContain("local");
    assertThat((String) manifest.get("output")).startsWith("hdfs://");

    Path local = base.resolve("copy");
    fs.copyToLocalFile(outPath, new org.apache.hadoop.fs.Path(local.toUri()));
    Path expected = Paths.sampleData("expected/access-stats/" + DAY);
    for (String report : REPORTS) {
      List<String> want = TsvFiles.fileRows(expected.resolve(report + ".tsv"), HEADERS.get(report));
      List<String> got = TsvFiles.rows(local.resolve(report), HEADERS.get(report));
      if (report.equals("top")) {
        assertThat(got).as(report).containsExactlyElementsOf(want);
      } else {
        assertThat(got).as(report).containsExactlyInAnyOrderElementsOf(want);
      }
    }

    Map<String, String> before = listing(fs, outPath);
    StringBuilder second = new StringBuilder();
    int again = colony(conf, second, "access-stats", "--input", "/logs/access/" + DAY,
        "--output", out);
    assertThat(again).as(second.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(second).contains("output exists");
    assertThat(listing(fs, outPath)).isEqualTo(before);
    assertThat(fs.listStatus(new org.apache.hadoop.fs.Path("/reports/access-stats"))).hasSize(1);
  }

  /**
   * The sizing sees the cluster's known capacity: 4096 MB on one NodeManager, 512 MB reducers.
   * First, before any job holds containers.
   */
  @Test
  @Order(1)
  void reducerSlotsComeFromTheQueuesFreeMemoryInWholeWaves() throws Exception {
    Configuration conf = clusters.conf();
    ClusterCapacity.Slots slots = ClusterCapacity.reduceSlots(conf);
    assertThat(slots.slots()).as(slots.detail()).isEqualTo(4096 / 512);
    StringBuilder log = new StringBuilder();
    int code = colony(conf, log, "access-stats", "-D", "colony.bytes.per.reducer=1k",
        "-D", "colony.reducers.max=20", "--input", "/logs/access/" + DAY, "--output",
        "/reports/explain", "--explain");
    assertThat(code).as(log.toString()).isEqualTo(ExitCode.OK);
    assertThat(log).contains("capped at colony.reducers.max 20",
        "20 reducers over 8 slots", "2 whole wave(s) = 16", "reducers: 16 (estimate)");
  }

  /**
   * After the day-2 run of order 2: its day sketch is the one the same command writes embedded,
   * and uv-rollup on the cluster, over it and day 1 (written embedded, copied to HDFS), gives the
   * same week as uv-rollup embedded.
   */
  @Test
  @Order(3)
  void uvRollupOnHdfsEqualsTheEmbeddedRun() throws Exception {
    Configuration conf = clusters.conf();
    FileSystem fs = clusters.fs();
    String day1 = "dt=2026-11-24";
    Configuration local = LocalHadoop.conf(base.resolve("local"));
    Path embedded = base.resolve("embedded");
    for (String day : List.of(day1, DAY)) {
      StringBuilder l = new StringBuilder();
      assertThat(colony(local, l, "access-stats", "--input",
          Paths.sampleData("logs/access/" + day).toString(), "--output",
          embedded.resolve(day).toString())).as(l.toString()).isEqualTo(ExitCode.OK);
    }
    try (java.io.InputStream in = fs.open(new org.apache.hadoop.fs.Path(
        "/reports/access-stats/" + DAY + "/uv/" + DAY + ".hll"))) {
      assertThat(in.readAllBytes()).isEqualTo(
          Files.readAllBytes(embedded.resolve(DAY + "/uv/" + DAY + ".hll")));
    }
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(embedded.resolve(day1).toUri()),
        new org.apache.hadoop.fs.Path("/reports/access-stats/" + day1));

    StringBuilder rollup = new StringBuilder();
    assertThat(colony(conf, rollup, "uv-rollup", "--input",
        "/reports/access-stats/" + day1 + ",/reports/access-stats/" + DAY, "--output",
        "/reports/uv/week")).as(rollup.toString()).isEqualTo(ExitCode.OK);
    assertThat(rollup).contains("uv-rollup succeeded");
    assertThat((String) Manifest.read(fs, new org.apache.hadoop.fs.Path("/reports/uv/week"))
        .get("hadoopJobId")).startsWith("job_").doesNotContain("local");
    Path copy = base.resolve("uv-week");
    fs.copyToLocalFile(new org.apache.hadoop.fs.Path("/reports/uv/week"),
        new org.apache.hadoop.fs.Path(copy.toUri()));

    StringBuilder l = new StringBuilder();
    assertThat(colony(local, l, "uv-rollup", "--input", embedded.resolve(day1) + ","
        + embedded.resolve(DAY), "--output", embedded.resolve("week").toString()))
        .as(l.toString()).isEqualTo(ExitCode.OK);
    String header = "period\tstart\tend\tdays\tvisitors_estimate\tlower\tupper";
    List<String> rows = TsvFiles.rows(copy.resolve("visitors"), header);
    assertThat(rows).hasSize(1).isEqualTo(TsvFiles.rows(embedded.resolve("week/visitors"),
        header));
    assertThat(rows.get(0)).startsWith("2026-W48\t2026-11-23\t2026-11-29\t3\t");
  }

  /** Every file under a folder with its length, modification time and checksum. */
  private static Map<String, String> listing(FileSystem fs, org.apache.hadoop.fs.Path dir)
      throws Exception {
    Map<String, String> m = new TreeMap<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      m.put(f.getPath().toString(), f.getLen() + "@" + f.getModificationTime() + "#"
          + fs.getFileChecksum(f.getPath()));
    }
    return m;
  }
}
