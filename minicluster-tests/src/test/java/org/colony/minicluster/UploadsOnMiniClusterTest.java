package org.colony.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.util.ToolRunner;
import org.colony.driver.ColonyTool;
import org.colony.driver.ExitCode;
import org.colony.driver.Manifest;
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
 * The three uploads commands on MiniDFS + MiniYARN, one cluster for the class: the sample uploads
 * copied to HDFS, inventoried (rows as reviewed), packed into several packs and unpacked on HDFS
 * into the same files, hashes computed here from the local originals.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UploadsOnMiniClusterTest {
  private static final String FILES = "path\towner\tsize\tmtime\tsha256\tmedia_type"
      + "\textension_type\textension_mismatch";
  private static final String EXPECTED_FILES = "path\towner\tsize\tsha256\tmedia_type"
      + "\textension_type\textension_mismatch";
  private static final String OWNERS = "owner\tmedia_type\tfiles\tbytes";
  private static final String DUPLICATES = "sha256\tcopies\tbytes_reclaimable\tpaths";

  @TempDir
  static Path base;
  static MiniClusters clusters;

  @BeforeAll
  static void start() throws Exception {
    clusters = new MiniClusters(UploadsOnMiniClusterTest.class,
        Path.of(System.getProperty("test.build.data", "target/test-data")).toAbsolutePath()
            .resolve("uploads"));
    clusters.fs().copyFromLocalFile(new org.apache.hadoop.fs.Path(Paths.sampleData("uploads")
        .toUri()), new org.apache.hadoop.fs.Path("/uploads"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (clusters != null) {
      clusters.close();
    }
  }

  private static int colony(StringBuilder output, String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream p = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      int code = ToolRunner.run(new Configuration(clusters.conf()), new ColonyTool(p, p), args);
      output.append(bytes.toString(StandardCharsets.UTF_8));
      return code;
    }
  }

  @Test
  @Order(1)
  void inventoryOnHdfsMatchesTheReviewedRows() throws Exception {
    StringBuilder log = new StringBuilder();
    int code = colony(log, "uploads-inventory", "-D", "colony.input.combine=true", "--input",
        "/uploads", "--output", "/reports/inventory");
    assertThat(code).as(log.toString()).isEqualTo(ExitCode.OK);
    FileSystem fs = clusters.fs();
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path("/reports/inventory");
    assertThat((String) Manifest.read(fs, out).get("hadoopJobId")).doesNotContain("local");
    Path copy = base.resolve("inventory");
    fs.copyToLocalFile(out, new org.apache.hadoop.fs.Path(copy.toUri()));

    Path expected = Paths.sampleData("expected/uploads-inventory");
    List<String> rows = new ArrayList<>();
    for (String row : TsvFiles.rows(copy.resolve("files"), FILES)) {
      String[] c = row.split("\t", -1);
      rows.add(String.join("\t", c[0], c[1], c[2], c[4], c[5], c[6], c[7]));
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(
        TsvFiles.fileRows(expected.resolve("files.tsv"), EXPECTED_FILES));
    assertThat(TsvFiles.rows(copy.resolve("owners"), OWNERS)).containsExactlyInAnyOrderElementsOf(
        TsvFiles.fileRows(expected.resolve("owners.tsv"), OWNERS));
    assertThat(TsvFiles.rows(copy.resolve("duplicates"), DUPLICATES))
        .containsExactlyInAnyOrderElementsOf(
            TsvFiles.fileRows(expected.resolve("duplicates.tsv"), DUPLICATES));
  }

  @Test
  @Order(2)
  void packThenUnpackOnHdfsGivesBackEveryFile() throws Exception {
    StringBuilder log = new StringBuilder();
    int code = colony(log, "uploads-pack", "--input", "/uploads", "--output", "/packs",
        "--pack-size", "8k");
    assertThat(code).as(log.toString()).isEqualTo(ExitCode.OK);
    FileSystem fs = clusters.fs();
    assertThat(fs.listStatus(new org.apache.hadoop.fs.Path("/packs/packs")).length)
        .as("8k packs").isGreaterThan(3);

    StringBuilder log2 = new StringBuilder();
    code = colony(log2, "uploads-unpack", "--input", "/packs", "--output", "/restored");
    assertThat(code).as(log2.toString()).isEqualTo(ExitCode.OK);
    assertThat(log2).contains("records  in 28  parsed 28");

    Map<String, String> want = new TreeMap<>();
    Path local = Paths.sampleData("uploads");
    try (Stream<Path> s = Files.walk(local)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = local.relativize(p).toString();
        if (!rel.contains("/.") && !rel.startsWith(".")) {
          want.put(rel, sha256(Files.newInputStream(p)));
        }
      }
    }
    Map<String, String> got = new TreeMap<>();
    org.apache.hadoop.fs.Path restored = new org.apache.hadoop.fs.Path("/restored");
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(restored, true);
    String prefix = fs.makeQualified(restored).toUri().getPath() + "/";
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      String rel = f.getPath().toUri().getPath().substring(prefix.length());
      if (!rel.startsWith("_")) {
        try (InputStream in = fs.open(f.getPath())) {
          got.put(rel, sha256(in));
        }
      }
    }
    assertThat(got).isEqualTo(want).hasSize(28);
  }

  private static String sha256(InputStream in) throws Exception {
    try (in) {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(in.readAllBytes()));
    }
  }
}
