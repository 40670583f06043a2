package org.colony.jobs.uv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.io.RejectReason;
import org.colony.jobs.JobSpec;
import org.colony.jobs.access.AccessStatsSketchesJobTest;
import org.colony.jobs.access.AccessStatsSketchesJobTest.Exact;
import org.colony.jobs.access.AccessStatsSketchesJobTest.Generated;
import org.colony.jobs.access.AccessStatsSpec;
import org.colony.jobs.common.RejectSink;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * uv-rollup through LocalJobRunner over access-stats outputs of single days: distinct visitors per
 * week and month against the exact distinct count over the days, computed independently.
 */
class UvRollupJobTest {
  private static final String HEADER = UvRollupSpec.REPORT.header();

  @TempDir
  Path tmp;

  private Job run(JobSpec spec, Path out, Consumer<Configuration> settings, Path... inputs)
      throws Exception {
    Configuration conf = LocalHadoop.conf(tmp);
    settings.accept(conf);
    Job job = Job.getInstance(conf, spec.name() + " test");
    job.getConfiguration().setBoolean(FileInputFormat.INPUT_DIR_RECURSIVE, true);
    FileInputFormat.setInputPaths(job, Arrays.stream(inputs)
        .map(p -> new org.apache.hadoop.fs.Path(p.toUri()))
        .toArray(org.apache.hadoop.fs.Path[]::new));
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(out.toUri()));
    job.setNumReduceTasks(2);
    spec.configure(job);
    assertThat(job.waitForCompletion(false)).as("job succeeded").isTrue();
    spec.afterSuccess(job, FileSystem.getLocal(conf), new org.apache.hadoop.fs.Path(out.toUri()));
    return job;
  }

  private static Set<String> union(Iterable<Exact> days) {
    Set<String> all = new HashSet<>();
    days.forEach(e -> all.addAll(e.visitors));
    return all;
  }

  /**
   * The exact count is within the row's bounds and within 3 sd of the union of the day files (by
   * DataSketches directly; its estimate may differ a little from the row's, which was merged in
   * another order and may end with another estimator), and the row's error is within 3 RSE.
   */
  private static void check(String row, long exact, HllSketch union) {
    String[] c = row.split("\t");
    long estimate = Long.parseLong(c[4]);
    assertThat(exact).as("exact %d within the 2-sd bounds of %s", exact, row)
        .isBetween(Long.parseLong(c[5]), Long.parseLong(c[6]));
    assertThat((double) exact).as("exact %d within 3 sd of %s", exact, row)
        .isBetween(union.getLowerBound(3), union.getUpperBound(3));
    assertThat(Math.abs(estimate - exact) / (double) exact).as(row)
        .isLessThanOrEqualTo(3 * AccessStatsSketchesJobTest.RSE);
  }

  /** The union, by DataSketches directly, of the sketch files of {@code outputs}. */
  private static HllSketch filesUnion(Path... outputs) throws Exception {
    Union u = new Union(12);
    for (Path o : outputs) {
      try (Stream<Path> s = Files.list(o.resolve("uv"))) {
        for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".hll")).toList()) {
          u.update(HllSketch.heapify(Files.readAllBytes(f)));
        }
      }
    }
    return u.getResult();
  }

  @Test
  void twoSampleDaysRollUpIntoTheirWeekAndMonth() throws Exception {
    Generated exact = AccessStatsSketchesJobTest.sampleData();
    long distinct = union(exact.days.values()).size();
    long perDaySum = exact.days.values().stream().mapToLong(e -> e.visitors.size()).sum();
    assertThat(distinct).as("visitors on both days count once").isLessThan(perDaySum);

    Path day1 = tmp.resolve("access/dt=2026-11-24");
    Path day2 = tmp.resolve("access/dt=2026-11-25");
    run(new AccessStatsSpec(), day1, c -> { }, Paths.sampleData("logs/access/dt=2026-11-24"));
    run(new AccessStatsSpec(), day2, c -> { }, Paths.sampleData("logs/access/dt=2026-11-25"));
    HllSketch both = filesUnion(day1, day2);

    Path week = tmp.resolve("week");
    Job job = run(new UvRollupSpec(), week, c -> { }, day1, day2);
    List<String> rows = TsvFiles.rows(week.resolve("visitors"), HEADER);
    // day 1's log (+0100) starts at 23:00 UTC on the 23rd: three UTC days, one ISO week
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).startsWith("2026-W48\t2026-11-23\t2026-11-29\t3\t");
    check(rows.get(0), distinct, both);
    assertThat(job.getCounters().findCounter(RecordCounters.RECORDS_IN).getValue()).isEqualTo(3);
    assertThat(job.getCounters().findCounter(RecordCounters.RECORDS_PARSED).getValue())
        .isEqualTo(3);
    assertThat(job.getCounters().findCounter(UvRollupCounters.PERIODS).getValue()).isEqualTo(1);

    Path month = tmp.resolve("month");
    run(new UvRollupSpec(), month, c -> UvRollupKeys.PERIOD.set(c, "month"), day1, day2, day2);
    rows = TsvFiles.rows(month.resolve("visitors"), HEADER);
    assertThat(rows).hasSize(1);
    // day 2 given twice counts once
    assertThat(rows.get(0)).startsWith("2026-11\t2026-11-01\t2026-11-30\t3\t");
    check(rows.get(0), distinct, both);
  }

  /** About 25,000 visitors a day, some on both days: the HLL sketches estimate. */
  @Test
  void generatedDaysSplitIntoTheirWeeksAndJoinInTheirMonth() throws Exception {
    Generated g = AccessStatsSketchesJobTest.generate(tmp.resolve("in"), 2);
    Path access = tmp.resolve("access");
    run(new AccessStatsSpec(), access, c -> InputKeys.ACCESS_FORMAT.set(c,
        "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\" %D"), tmp.resolve("in"));
    Exact sunday = g.days.get("2026-03-01");
    Exact monday = g.days.get("2026-03-02");
    long both = union(List.of(sunday, monday)).size();
    assertThat(both).isGreaterThan(Math.max(sunday.visitors.size(), monday.visitors.size()))
        .isLessThan(sunday.visitors.size() + monday.visitors.size());

    Path week = tmp.resolve("week");
    run(new UvRollupSpec(), week, c -> UvRollupKeys.PERIOD.set(c, "WEEK"), access);
    List<String> rows = TsvFiles.rows(week.resolve("visitors"), HEADER);
    rows = rows.stream().sorted().toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).startsWith("2026-W09\t2026-02-23\t2026-03-01\t1\t");
    assertThat(rows.get(1)).startsWith("2026-W10\t2026-03-02\t2026-03-08\t1\t");
    check(rows.get(0), sunday.visitors.size(),
        HllSketch.heapify(Files.readAllBytes(access.resolve("uv/dt=2026-03-01.hll"))));
    check(rows.get(1), monday.visitors.size(),
        HllSketch.heapify(Files.readAllBytes(access.resolve("uv/dt=2026-03-02.hll"))));

    Path month = tmp.resolve("month");
    run(new UvRollupSpec(), month, c -> UvRollupKeys.PERIOD.set(c, "month"), access);
    rows = TsvFiles.rows(month.resolve("visitors"), HEADER);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).startsWith("2026-03\t2026-03-01\t2026-03-31\t2\t");
    check(rows.get(0), both, filesUnion(access));
  }

  @Test
  void unreadableSketchesAreRejectedAndOtherFilesIgnored() throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in.resolve("uv"));
    HllSketch s = new HllSketch(12);
    for (int i = 0; i < 1000; i++) {
      s.update("visitor " + i);
    }
    Files.write(in.resolve("uv/dt=2026-11-30.hll"), s.toCompactByteArray());
    Files.write(in.resolve("uv/dt=2026-12-01.hll"), "not a sketch".getBytes());
    Files.write(in.resolve("uv/dt=2026-02-30.hll"), s.toCompactByteArray());
    Files.write(in.resolve("uv/notes.txt"), "ignored".getBytes());
    Files.createDirectories(in.resolve("daily"));
    Files.write(in.resolve("daily/part-r-00000"), "day\trequests\n".getBytes());
    Path out = tmp.resolve("out");
    Job job = run(new UvRollupSpec(), out, c -> UvRollupKeys.PERIOD.set(c, "month"), in);
    assertThat(job.getCounters().findCounter(RecordCounters.RECORDS_IN).getValue()).isEqualTo(3);
    assertThat(job.getCounters().findCounter(RecordCounters.RECORDS_PARSED).getValue())
        .isEqualTo(1);
    assertThat(job.getCounters().findCounter(RejectReason.BAD_SKETCH).getValue()).isEqualTo(2);
    assertThat(TsvFiles.rows(out.resolve(RejectSink.FOLDER), RejectSink.REPORT.header()))
        .hasSize(2).anyMatch(r -> r.contains("dt=2026-12-01.hll\t0\tBAD_SKETCH\tnot an HLL"))
        .anyMatch(r -> r.contains("dt=2026-02-30.hll\t0\tBAD_SKETCH\tno valid date"));
    List<String> rows = TsvFiles.rows(out.resolve("visitors"), HEADER);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).startsWith("2026-11\t2026-11-01\t2026-11-30\t1\t");
    check(rows.get(0), 1000, s);
  }

  @Test
  void anInputWithoutSketchesOrABadPeriodIsRefusedBeforeTheJob() throws Exception {
    Path in = tmp.resolve("logs");
    Files.createDirectories(in);
    Files.write(in.resolve("access.log"), "x".getBytes());
    Configuration conf = LocalHadoop.conf(tmp);
    Job job = Job.getInstance(conf);
    FileInputFormat.setInputPaths(job, new org.apache.hadoop.fs.Path(in.toUri()));
    assertThatThrownBy(() -> new UvRollupSpec().configure(job))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no daily visitor sketches (uv/dt=YYYY-MM-DD.hll)");
    UvRollupKeys.PERIOD.set(job.getConfiguration(), "day");
    assertThatThrownBy(() -> new UvRollupSpec().configure(job))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--period takes week or month, got 'day' [colony.uv-rollup.period]");
  }
}
