package org.colony.jobs.grep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.jobs.common.RejectSink;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Multisets;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * grep through LocalJobRunner on the sample access logs, syslog and application logs, against
 * {@link GrepOracle}: the files scanned here with java.nio, String.contains and Pattern.
 */
class GrepJobTest {
  private static final String ACCESS1 = "logs/access/dt=2026-11-24/access.log";
  private static final String ACCESS2 = "logs/access/dt=2026-11-25/access.log.gz";
  private static final String SYSLOG1 = "logs/syslog/dt=2026-11-24/syslog";
  private static final String SYSLOG2 = "logs/syslog/dt=2026-11-25/syslog.gz";
  /** The malformed lines of the access logs, numbered from 1 (sample-data/README.md). */
  private static final Set<Integer> ACCESS1_BAD = Set.of(217, 627, 924, 1228, 1561, 1828, 2224);
  private static final Set<Integer> ACCESS2_BAD = Set.of(188, 956, 561, 1431, 1930, 2058, 2737,
      3166);

  @TempDir
  Path tmp;

  private final GrepSpec spec = new GrepSpec();

  private Job run(Path out, int reducers, Consumer<Configuration> settings, Path... inputs)
      throws Exception {
    Configuration conf = LocalHadoop.conf(tmp);
    settings.accept(conf);
    Job job = Job.getInstance(conf, "grep test");
    job.getConfiguration().setBoolean(FileInputFormat.INPUT_DIR_RECURSIVE, true);
    FileInputFormat.setInputPaths(job, Arrays.stream(inputs)
        .map(p -> new org.apache.hadoop.fs.Path(p.toUri()))
        .toArray(org.apache.hadoop.fs.Path[]::new));
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(out.toUri()));
    job.setNumReduceTasks(reducers);
    spec.configure(job);
    assertThat(job.waitForCompletion(false)).as("job succeeded").isTrue();
    return job;
  }

  /** matches/ rows, the file column cut to what follows sample-data/. */
  private static List<String> matches(Path out) {
    List<String> rows = new ArrayList<>();
    for (String r : TsvFiles.rows(out.resolve("matches"), GrepReports.MATCHES.header())) {
      String[] c = r.split("\t", -1);
      assertThat(c[0]).startsWith("file:/").contains("/sample-data/");
      c[0] = c[0].substring(c[0].indexOf("/sample-data/") + "/sample-data/".length());
      rows.add(String.join("\t", c));
    }
    return rows;
  }

  @Test
  void regexesOverAccessAndSyslogLinesReadCombinedWithCounts() throws Exception {
    List<String> patterns = List.of("\" 5\\d\\d ", "(?i)googlebot",
        "Failed password for invalid user", "invokefunction", "Pr.fprotokoll",
        "^<\\d+>1 \\S+ app1 ", "no such thing anywhere");
    Path out = tmp.resolve("out");
    Job job = run(out, 2, conf -> {
      GrepKeys.setPatterns(conf, patterns);
      GrepKeys.COUNT.set(conf, "true");
      InputKeys.COMBINE.set(conf, "true");
    }, Paths.sampleData("logs/access"), Paths.sampleData("logs/syslog"));

    GrepOracle oracle = new GrepOracle(patterns, false);
    for (String f : List.of(ACCESS1, ACCESS2, SYSLOG1, SYSLOG2)) {
      oracle.lines(f, Paths.sampleData(f), Set.of());
    }
    Multisets.assertSameMultiset("matches/", matches(out), oracle.matchRows);
    assertThat(TsvFiles.rows(out.resolve("counts"), GrepReports.COUNTS.header()))
        .containsExactlyInAnyOrderElementsOf(oracle.countRows());
    // the data exercises what matters: every pattern but the last matches, on several files
    assertThat(oracle.counts.values().stream().filter(n -> n > 0)).hasSize(patterns.size() - 1);
    assertThat(oracle.matchRows.stream().map(r -> r.split("\t")[0]).distinct()).hasSize(4);
    assertThat(oracle.matchRows).anyMatch(r -> r.contains("\\\\think"));
    // a BOM then Latin-1 (syslog day 1, line 2339): bytes that are no UTF-8, escaped as \xHH
    assertThat(oracle.matchRows).anyMatch(r -> r.endsWith("\uFEFFZ\\xFCrich"));

    Counters c = job.getCounters();
    assertThat(c.findCounter(RecordCounters.RECORDS_IN).getValue()).isEqualTo(oracle.records);
    assertThat(c.findCounter(RecordCounters.RECORDS_REJECTED).getValue()).isZero();
    assertThat(c.findCounter(GrepCounters.RECORDS_SEARCHED).getValue()).isEqualTo(oracle.records);
    assertThat(c.findCounter(GrepCounters.MATCHES).getValue())
        .isEqualTo(oracle.matchRows.size());
  }

  @Test
  void fixedStringsOverAccessLinesAreMapOnlyAndSkipRejectedLines() throws Exception {
    List<String> patterns = List.of("/wp-login.php", "\\x22Bar\\x22", "POST /api/cart",
        "\" 408 ");
    Path out = tmp.resolve("out");
    Job job = run(out, 3, conf -> {
      GrepKeys.setPatterns(conf, patterns);
      GrepKeys.FIXED.set(conf, "true");
      GrepKeys.setFormat(conf, GrepKeys.Format.ACCESS);
    }, Paths.sampleData("logs/access"));
    assertThat(job.getNumReduceTasks()).isZero();
    assertThat(spec.mapOnly(job.getConfiguration())).isTrue();
    assertThat(spec.reports(job.getConfiguration())).containsExactly(GrepReports.MATCHES);

    GrepOracle oracle = new GrepOracle(patterns, true);
    oracle.lines(ACCESS1, Paths.sampleData(ACCESS1), ACCESS1_BAD);
    oracle.lines(ACCESS2, Paths.sampleData(ACCESS2), ACCESS2_BAD);
    Multisets.assertSameMultiset("matches/", matches(out), oracle.matchRows);
    assertThat(oracle.counts.values()).allMatch(n -> n > 0);
    assertThat(out.resolve("counts")).doesNotExist();
    try (var files = Files.list(out.resolve("matches"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allMatch(n -> n.startsWith("part-m-") || n.startsWith(".part-m-"));
    }
    assertThat(TsvFiles.rows(out.resolve(RejectSink.FOLDER), RejectSink.REPORT.header()))
        .hasSize(15);
    Counters c = job.getCounters();
    assertThat(c.findCounter(RecordCounters.RECORDS_REJECTED).getValue()).isEqualTo(15);
    assertThat(c.findCounter(GrepCounters.RECORDS_SEARCHED).getValue()).isEqualTo(oracle.records);
  }

  @Test
  void regexesOverMultiLineEvents() throws Exception {
    List<String> patterns = List.of("(?m)^Caused by: java\\.net\\.ConnectException",
        "M\u00fctze", "SocketTimeoutException: Read timed out\\n\\tat ");
    Path out = tmp.resolve("out");
    run(out, 1, conf -> {
      GrepKeys.setPatterns(conf, patterns);
      GrepKeys.setFormat(conf, GrepKeys.Format.EVENTS);
      GrepKeys.COUNT.set(conf, "true");
      conf.setLong(FileInputFormat.SPLIT_MAXSIZE, 64 * 1024);
    }, Paths.sampleData("logs/app"));
    GrepOracle oracle = new GrepOracle(patterns, false);
    oracle.events("logs/app/dt=2026-11-24/app.log",
        Paths.sampleData("logs/app/dt=2026-11-24/app.log"),
        Paths.sampleData("expected/app-events/dt=2026-11-24/events.tsv"));
    oracle.events("logs/app/dt=2026-11-25/app.log.gz",
        Paths.sampleData("logs/app/dt=2026-11-25/app.log.gz"),
        Paths.sampleData("expected/app-events/dt=2026-11-25/events.tsv"));
    Multisets.assertSameMultiset("matches/", matches(out), oracle.matchRows);
    assertThat(TsvFiles.rows(out.resolve("counts"), GrepReports.COUNTS.header()))
        .containsExactlyElementsOf(oracle.countRows());
    assertThat(oracle.counts.get(patterns.get(0))).isEqualTo(34);
    assertThat(oracle.counts.values()).allMatch(n -> n > 0);
  }
}
