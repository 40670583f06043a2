package org.colony.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.colony.testing.LocalHadoop;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * access-stats' sketch reports and uv-rollup through the colony command, on LocalJobRunner: two
 * days of generated combined-format lines with known visitors, rolled up into their week and
 * month, against the exact distinct count.
 */
class UvRollupCommandTest {
  private static final String VISITORS =
      "period\tstart\tend\tdays\tvisitors_estimate\tlower\tupper";
  private static final String DAILY =
      "day\trequests\tbytes\tvisitors_estimate\tvisitors_lower\tvisitors_upper";
  private static final String LATENCY = "hour\tcount\tp50_ms\tp95_ms\tp99_ms\tmax_ms";
  /** lgK 12: 1.04 / sqrt(4096), as DataSketches documents the HLL error. */
  private static final double RSE = 1.04 / Math.sqrt(4096);

  @TempDir
  Path tmp;
  private Configuration conf;

  @BeforeEach
  void setUp() {
    conf = LocalHadoop.conf(tmp);
  }

  /**
   * Writes {@code lines} combined-format lines of UTC day 2026-11-{@code day} into
   * {@code logs/dt=.../access.log}, visitors drawn from {@code first .. first + pool}; adds each
   * visitor to {@code visitors}.
   */
  private Path day(int day, int lines, int first, int pool, Set<String> visitors, Random r)
      throws Exception {
    Path dir = tmp.resolve("logs/dt=2026-11-" + day);
    Files.createDirectories(dir);
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("access.log"),
        StandardCharsets.US_ASCII)) {
      for (int i = 0; i < lines; i++) {
        int v = first + r.nextInt(pool);
        // visitor v: an address and one of three agents, both from v alone
        String ip = "198." + (v % 7 + 18) + "." + (v / 256 % 256) + "." + (v % 256);
        String agent = "Mozilla/5.0 (test) Agent/" + (v / 65536 + v % 3);
        visitors.add(ip + "\n" + agent);
        w.write(String.format("%s - - [%d/Nov/2026:%02d:%02d:%02d +0000] \"GET /p/%d HTTP/1.1\" "
            + "200 %d \"-\" \"%s\"\n", ip, day, i * 24 / lines, r.nextInt(60), r.nextInt(60),
            r.nextInt(100), 100 + r.nextInt(1000), agent));
      }
    }
    return dir;
  }

  private static void withinBounds(String row, long exact) {
    String[] c = row.split("\t");
    long estimate = Long.parseLong(c[c.length - 3]);
    assertThat(exact).as("exact %d within the bounds of %s", exact, row)
        .isBetween(Long.parseLong(c[c.length - 2]), Long.parseLong(c[c.length - 1]));
    assertThat(Math.abs(estimate - exact) / (double) exact).as(row).isLessThanOrEqualTo(3 * RSE);
  }

  @Test
  void accessStatsWritesDayAndHourSketchesAndUvRollupMergesTheDays() throws Exception {
    Random r = new Random(7);
    Set<String> day24 = new HashSet<>();
    Set<String> day25 = new HashSet<>();
    // pools 0-7,999 and 5,000-12,999: an overlap of 3,000
    Path in24 = day(24, 12_000, 0, 8_000, day24, r);
    Path in25 = day(25, 12_000, 5_000, 8_000, day25, r);
    Set<String> both = new HashSet<>(day24);
    both.addAll(day25);
    assertThat(both.size()).isLessThan(day24.size() + day25.size());

    Path out24 = tmp.resolve("reports/access/dt=2026-11-24");
    Path out25 = tmp.resolve("reports/access/dt=2026-11-25");
    for (Path[] io : List.of(new Path[] {in24, out24}, new Path[] {in25, out25})) {
      ColonyCli a = ColonyCli.run(conf, "access-stats", "--input", io[0].toString(), "--output",
          io[1].toString(), "--reducers", "2");
      assertThat(a.exit).as(a.toString()).isZero();
      assertThat(a.out).contains("daily/ hourly_uv/ latency/");
      assertThat(io[1].resolve("uv/dt=2026-11-" + io[0].getFileName().toString()
          .substring(11) + ".hll")).exists();
      // no response time in the combined format: latency/ is its header alone
      assertThat(TsvFiles.rows(io[1].resolve("latency"), LATENCY)).isEmpty();
      assertThat(TsvFiles.rows(io[1].resolve("hourly_uv"),
          "hour\tvisitors_estimate\tvisitors_lower\tvisitors_upper")).hasSize(24);
    }
    List<String> daily = TsvFiles.rows(out24.resolve("daily"), DAILY);
    assertThat(daily).hasSize(1);
    assertThat(daily.get(0)).startsWith("2026-11-24\t12000\t");
    withinBounds(daily.get(0), day24.size());
    withinBounds(TsvFiles.rows(out25.resolve("daily"), DAILY).get(0), day25.size());

    Path week = tmp.resolve("reports/uv/week=2026-W48");
    ColonyCli w = ColonyCli.run(conf, "uv-rollup", "--input", out24 + "," + out25, "--output",
        week.toString());
    assertThat(w.exit).as(w.toString()).isZero();
    assertThat(w.out).contains("uv-rollup succeeded", "records  in 2  parsed 2  rejected 0",
        "visitors/");
    assertThat(week.resolve("_SUCCESS")).exists();
    Map<String, Object> manifest = Manifest.read(FileSystem.getLocal(conf),
        new org.apache.hadoop.fs.Path(week.toUri()));
    assertThat(manifest.get("job")).isEqualTo("uv-rollup");
    List<String> rows = TsvFiles.rows(week.resolve("visitors"), VISITORS);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).startsWith("2026-W48\t2026-11-23\t2026-11-29\t2\t");
    withinBounds(rows.get(0), both.size());

    Path month = tmp.resolve("reports/uv/month=2026-11");
    ColonyCli m = ColonyCli.run(conf, "uv-rollup", "--input",
        tmp.resolve("reports/access/dt=2026-11-2*").toString(), "--output", month.toString(),
        "--period", "month");
    assertThat(m.exit).as(m.toString()).isZero();
    rows = TsvFiles.rows(month.resolve("visitors"), VISITORS);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).startsWith("2026-11\t2026-11-01\t2026-11-30\t2\t");
    withinBounds(rows.get(0), both.size());
  }

  @Test
  void uvRollupIsListedAndItsUsageErrorsAreOneLine() throws Exception {
    ColonyCli list = ColonyCli.run(conf, "list");
    assertThat(list.out.lines()).anyMatch(l -> l.startsWith("uv-rollup ") && l.contains("week"));
    ColonyCli help = ColonyCli.run(conf, "uv-rollup", "--help");
    assertThat(help.exit).isZero();
    assertThat(help.out).contains("--period", "colony.uv-rollup.period", "visitors/");

    Path logs = day(24, 10, 0, 10, new HashSet<>(), new Random(1));
    Path out = tmp.resolve("out");
    for (String[] args : List.of(
        new String[] {"uv-rollup", "--input", logs.toString(), "--output", out.toString()},
        new String[] {"uv-rollup", "--input", logs.toString(), "--output", out.toString(),
            "--period", "day"},
        new String[] {"access-stats", "-D", "colony.access-stats.uv.lgk=30", "--input",
            logs.toString(), "--output", out.toString()})) {
      ColonyCli r = ColonyCli.run(conf, args);
      assertThat(r.exit).as(r.toString()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err.strip().lines().count()).as(r.toString()).isEqualTo(1);
      assertThat(r.err).doesNotContain("Exception", "\tat ");
      assertThat(out).doesNotExist();
    }
    assertThat(ColonyCli.run(conf, "uv-rollup", "--input", logs.toString(), "--output",
        out.toString()).err).contains("no daily visitor sketches");
  }
}
