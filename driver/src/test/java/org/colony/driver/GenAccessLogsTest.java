package org.colony.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.colony.testing.LocalHadoop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** colony gen-access-logs through the command: layout, determinism, and the daily run on it. */
class GenAccessLogsTest {
  @TempDir
  Path tmp;
  private Configuration conf;

  @BeforeEach
  void setUp() {
    conf = LocalHadoop.conf(tmp);
  }

  @Test
  void writesDayFoldersTheSameForASeedAndDailyReadsThem() throws Exception {
    Path logs = tmp.resolve("logs/access");
    String[] gen = {"gen-access-logs", "--output", logs.toString(), "--bytes", "900k", "--days",
        "2", "--start", "2026-11-25", "--files", "3", "--seed", "11"};
    ColonyCli r = ColonyCli.run(conf, gen);
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("gen-access-logs succeeded", "malformed", "in 6 file(s)");
    assertThat(logs.resolve("_SUCCESS")).exists();
    assertThat(logs.resolve("_manifest.json")).exists();
    for (String day : List.of("dt=2026-11-25", "dt=2026-11-26")) {
      assertThat(names(logs.resolve(day))).containsExactly("_SUCCESS", "part-m-00000",
          "part-m-00001", "part-m-00002");
    }
    assertThat(names(logs)).filteredOn(n -> !n.startsWith("_") && !n.startsWith("."))
        .containsExactly("dt=2026-11-25", "dt=2026-11-26");
    Map<String, byte[]> first = contents(logs);
    long total = first.values().stream().mapToLong(b -> b.length).sum();
    assertThat((double) total).isBetween(900 * 1024 * 0.85, 900 * 1024 * 1.15);

    // the same seed and file count: the same bytes; another seed: others
    Path again = tmp.resolve("again/access");
    gen[2] = again.toString();
    assertThat(ColonyCli.run(conf, gen).exit).isZero();
    Map<String, byte[]> second = contents(again);
    assertThat(second.keySet()).isEqualTo(first.keySet());
    first.forEach((k, v) -> assertThat(second.get(k)).as(k).isEqualTo(v));
    Path other = tmp.resolve("other/access");
    gen[2] = other.toString();
    gen[gen.length - 1] = "12";
    assertThat(ColonyCli.run(conf, gen).exit).isZero();
    assertThat(contents(other).get("dt=2026-11-25/part-m-00000"))
        .isNotEqualTo(first.get("dt=2026-11-25/part-m-00000"));

    // colony daily takes the day: its done-flag is there, and the rejects are the damaged lines
    Path reports = tmp.resolve("reports");
    ColonyCli daily = ColonyCli.run(conf, "daily", "--date", "2026-11-26", "--pipeline", "access",
        "--logs-root", tmp.resolve("logs").toString(), "--reports-root", reports.toString());
    assertThat(daily.exit).as(daily.toString()).isZero();
    FileSystem fs = FileSystem.getLocal(conf);
    Map<String, Object> manifest = Manifest.read(fs, new org.apache.hadoop.fs.Path(
        reports.resolve("access-stats/dt=2026-11-26").toUri()));
    @SuppressWarnings("unchecked")
    Map<String, Number> records = (Map<String, Number>) manifest.get("records");
    long lines = 0;
    for (String f : List.of("part-m-00000", "part-m-00001", "part-m-00002")) {
      lines += Files.readAllLines(logs.resolve("dt=2026-11-26").resolve(f),
          java.nio.charset.StandardCharsets.ISO_8859_1).size();
    }
    assertThat(records.get("in").longValue()).isEqualTo(lines);
    assertThat(records.get("rejected").longValue()).isPositive()
        .isLessThan(lines / 100);
    assertThat(reports.resolve("sessions/dt=2026-11-26/_SUCCESS")).exists();
  }

  @Test
  void gzipFilesHoldTheSameLines() throws Exception {
    Path plain = tmp.resolve("plain");
    Path gz = tmp.resolve("gz");
    String[] gen = {"gen-access-logs", "--output", plain.toString(), "--bytes", "200k",
        "--files", "2"};
    assertThat(ColonyCli.run(conf, gen).exit).isZero();
    gen[2] = gz.toString();
    ColonyCli r = ColonyCli.run(conf, concat(gen, "--gzip"));
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(names(gz.resolve("dt=2026-11-25"))).containsExactly("_SUCCESS", "part-m-00000.gz",
        "part-m-00001.gz");
    for (String part : List.of("part-m-00000", "part-m-00001")) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(
          gz.resolve("dt=2026-11-25").resolve(part + ".gz")))) {
        assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(
            plain.resolve("dt=2026-11-25").resolve(part)));
      }
    }
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    Path out = tmp.resolve("out");
    for (String[] args : List.of(
        new String[] {"gen-access-logs", "--output", out.toString()},
        new String[] {"gen-access-logs", "--output", out.toString(), "--bytes", "1m", "--input",
            tmp.toString()},
        new String[] {"gen-access-logs", "--output", out.toString(), "--bytes", "1m", "--days",
            "0"},
        new String[] {"gen-access-logs", "--output", out.toString(), "--bytes", "1m", "--start",
            "yesterday"})) {
      ColonyCli r = ColonyCli.run(conf, args);
      assertThat(r.exit).as(r.toString()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err.strip().lines().count()).as(r.toString()).isEqualTo(1);
      assertThat(out).doesNotExist();
    }
    ColonyCli help = ColonyCli.run(conf, "gen-access-logs", "--help");
    assertThat(help.out).contains("--bytes", "--days", "--seed", "--gzip", "--files",
        "colony.gen.bytes").doesNotContain("--input PATH --output");
  }

  private static String[] concat(String[] a, String b) {
    String[] c = java.util.Arrays.copyOf(a, a.length + 1);
    c[a.length] = b;
    return c;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted()
          .toList();
    }
  }

  /** The log files under {@code root}, by relative path. */
  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString();
        if (rel.startsWith("dt=") && p.getFileName().toString().startsWith("part-")) {
          m.put(rel, Files.readAllBytes(p));
        }
      }
    }
    return m;
  }
}
