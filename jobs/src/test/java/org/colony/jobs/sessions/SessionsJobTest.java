package org.colony.jobs.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.colony.io.RecordCounters;
import org.colony.jobs.common.RejectSink;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Multisets;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sessions through LocalJobRunner on sample-data, checked against an independent computation
 * ({@link SessionsOracle}), and against itself on the same lines shuffled, split small and
 * reduced by another number of reducers.
 */
class SessionsJobTest {
  private static final String DAY1 = "logs/access/dt=2026-11-24/access.log";
  private static final String DAY2 = "logs/access/dt=2026-11-25/access.log.gz";

  @TempDir
  Path tmp;

  private final SessionsSpec spec = new SessionsSpec();

  private Job run(Path out, int reducers, Consumer<Configuration> settings, Path... inputs)
      throws Exception {
    Configuration conf = LocalHadoop.conf(tmp);
    settings.accept(conf);
    Job job = Job.getInstance(conf, "sessions test");
    job.getConfiguration().setBoolean(FileInputFormat.INPUT_DIR_RECURSIVE, true);
    FileInputFormat.setInputPaths(job, Arrays.stream(inputs)
        .map(p -> new org.apache.hadoop.fs.Path(p.toUri()))
        .toArray(org.apache.hadoop.fs.Path[]::new));
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(out.toUri()));
    job.setNumReduceTasks(reducers);
    spec.configure(job);
    assertThat(job.waitForCompletion(false)).as("job succeeded").isTrue();
    spec.afterSuccess(job, FileSystem.getLocal(conf), new org.apache.hadoop.fs.Path(out.toUri()));
    return job;
  }

  private static List<String> sessions(Path out) {
    return TsvFiles.rows(out.resolve("sessions"), SessionReports.SESSIONS.header());
  }

  private static List<String> summary(Path out) {
    return TsvFiles.rows(out.resolve("summary"), SessionReports.SUMMARY.header());
  }

  private static SessionsOracle oracle(String visitor, long gap, String salt, String... files)
      throws IOException {
    SessionsOracle o = new SessionsOracle(visitor, gap, salt);
    for (String f : files) {
      for (byte[] line : lines(Paths.sampleData(f))) {
        o.add(new String(line, StandardCharsets.ISO_8859_1));
      }
    }
    return o;
  }

  @Test
  void bothDaysPlainAndGzipWithThreeReducersMatchTheIndependentComputation() throws Exception {
    SessionsOracle oracle = oracle("client+agent", 30 * 60_000L, "", DAY1, DAY2);
    Path out = tmp.resolve("out");
    Job job = run(out, 3, conf -> { }, Paths.sampleData("logs/access"));

    List<String> want = oracle.sessionRows();
    Multisets.assertSameMultiset("sessions/", sessions(out), want);
    assertThat(summary(out)).containsExactlyElementsOf(oracle.summaryRows());
    assertThat(out.resolve(SessionReports.SUMMARY_PIECES)).doesNotExist();
    assertThat(out.resolve("sessions").toFile().list((d, n) -> n.startsWith("part-")))
        .as("a sessions file per reducer").hasSize(3);

    // the data exercises what matters: sessions cut within a visitor, bounces, sessions of the
    // UTC day before the first log day (its server clock is +0100)
    assertThat(oracle.days()).containsExactly("2026-11-23", "2026-11-24", "2026-11-25");
    assertThat(want.size()).isGreaterThan(oracle.visitors());
    assertThat(want).anyMatch(r -> r.split("\t")[4].equals("1"));
    assertThat(want).anyMatch(r -> Long.parseLong(r.split("\t")[3]) > 600);

    Counters c = job.getCounters();
    assertThat(c.findCounter(RecordCounters.RECORDS_IN).getValue()).isEqualTo(oracle.lines);
    assertThat(c.findCounter(RecordCounters.RECORDS_PARSED).getValue()).isEqualTo(oracle.parsed);
    assertThat(c.findCounter(RecordCounters.RECORDS_REJECTED).getValue())
        .isEqualTo(oracle.rejected).isEqualTo(15);
    assertThat(c.findCounter(SessionsCounters.HITS).getValue()).isEqualTo(oracle.parsed);
    assertThat(c.findCounter(SessionsCounters.SESSIONS).getValue()).isEqualTo(want.size());
    assertThat(c.findCounter(SessionsCounters.VISITORS).getValue()).isEqualTo(oracle.visitors());
    assertThat(TsvFiles.rows(out.resolve(RejectSink.FOLDER), RejectSink.REPORT.header()))
        .hasSize(15);
  }

  @Test
  void visitorGapAndSaltOptionsChangeTheResultAsTheOracleSays() throws Exception {
    Path out = tmp.resolve("out");
    run(out, 2, conf -> {
      conf.set(SessionsKeys.VISITOR.name(), "client");
      conf.set(SessionsKeys.GAP.name(), "300s");
      conf.set(SessionsKeys.SALT.name(), "pepper");
    }, Paths.sampleData(DAY1));
    SessionsOracle oracle = oracle("client", 300_000L, "pepper", DAY1);
    Multisets.assertSameMultiset("sessions/", sessions(out), oracle.sessionRows());
    assertThat(summary(out)).containsExactlyElementsOf(oracle.summaryRows());

    // and the options matter: the defaults give other sessions and other hashes
    SessionsOracle defaults = oracle("client+agent", 30 * 60_000L, "", DAY1);
    assertThat(oracle.sessionRows().size()).isNotEqualTo(defaults.sessionRows().size());
    assertThat(oracle.visitors()).isLessThan(defaults.visitors());
    assertThat(oracle.hash("203.0.113.7")).isNotEqualTo(
        new SessionsOracle("client", 1, "").hash("203.0.113.7"));
  }

  /**
   * The same lines in another order, in five files (three plain, two gzip), read in 32 KB splits
   * and reduced by four reducers instead of one: the same rows.
   */
  @Test
  void orderSplitsAndReducersDoNotChangeTheRows() throws Exception {
    Path baseline = tmp.resolve("baseline");
    run(baseline, 1, conf -> { }, Paths.sampleData("logs/access"));

    List<byte[]> all = new ArrayList<>(lines(Paths.sampleData(DAY1)));
    all.addAll(lines(Paths.sampleData(DAY2)));
    Collections.shuffle(all, new Random(20261124));
    Path in = tmp.resolve("shuffled");
    Files.createDirectories(in);
    int files = 5;
    for (int f = 0; f < files; f++) {
      boolean gzip = f >= 3;
      Path file = in.resolve("part-" + f + (gzip ? ".log.gz" : ".log"));
      try (OutputStream o = gzip ? new GZIPOutputStream(Files.newOutputStream(file))
          : Files.newOutputStream(file)) {
        for (int i = f * all.size() / files; i < (f + 1) * all.size() / files; i++) {
          o.write(all.get(i));
          o.write('\n');
        }
      }
    }
    Path out = tmp.resolve("shuffled-out");
    Job job = run(out, 4, conf -> {
      conf.setLong(FileInputFormat.SPLIT_MAXSIZE, 32 * 1024);
      conf.setInt("mapreduce.task.io.sort.mb", 16);
    }, in);
    assertThat(job.getCounters().findCounter(RecordCounters.FILES_READ).getValue())
        .as("splits read").isGreaterThan(25);

    List<String> want = sorted(sessions(baseline));
    assertThat(want).hasSizeGreaterThan(900);
    assertThat(sorted(sessions(out))).isEqualTo(want);
    assertThat(summary(out)).isEqualTo(summary(baseline)).hasSize(3);
  }

  private static List<String> sorted(List<String> rows) {
    List<String> l = new ArrayList<>(rows);
    Collections.sort(l);
    return l;
  }

  /** The lines of a plain or .gz file, without their line ends. */
  static List<byte[]> lines(Path file) throws IOException {
    byte[] all;
    try (InputStream in = file.toString().endsWith(".gz")
        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      ByteArrayOutputStream bo = new ByteArrayOutputStream();
      in.transferTo(bo);
      all = bo.toByteArray();
    }
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        lines.add(Arrays.copyOfRange(all, start, i));
        start = i + 1;
      }
    }
    if (start < all.length) {
      lines.add(Arrays.copyOfRange(all, start, all.length));
    }
    return lines;
  }
}
