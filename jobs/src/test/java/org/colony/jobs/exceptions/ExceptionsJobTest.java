package org.colony.jobs.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Multisets;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * exceptions through LocalJobRunner on both sample days of application log (plain and gzip),
 * against {@link ExceptionsOracle}: the generator's ground truth for events, times, exception and
 * root cause, frames found by regex in the log text.
 */
class ExceptionsJobTest {
  private static final String DAY1 = "logs/app/dt=2026-11-24/app.log";
  private static final String DAY2 = "logs/app/dt=2026-11-25/app.log.gz";
  private static final String TRUTH1 = "expected/app-events/dt=2026-11-24/events.tsv";
  private static final String TRUTH2 = "expected/app-events/dt=2026-11-25/events.tsv";

  @TempDir
  Path tmp;

  private final ExceptionsSpec spec = new ExceptionsSpec();

  private Job run(Path out, int reducers, Consumer<Configuration> settings, Path... inputs)
      throws Exception {
    Configuration conf = LocalHadoop.conf(tmp);
    settings.accept(conf);
    Job job = Job.getInstance(conf, "exceptions test");
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

  private static ExceptionsOracle oracle(List<String> packages, int frames) throws Exception {
    ExceptionsOracle o = new ExceptionsOracle(packages, frames);
    o.add("dt=2026-11-24/app.log", ExceptionsOracle.content(Paths.sampleData(DAY1)),
        ExceptionsOracle.truth(Paths.sampleData(TRUTH1)), 0);
    o.add("dt=2026-11-25/app.log.gz", ExceptionsOracle.content(Paths.sampleData(DAY2)),
        ExceptionsOracle.truth(Paths.sampleData(TRUTH2)), 0);
    return o;
  }

  /** signatures/ rows with the example's file cut to what follows {@code root}. */
  private static List<String> signatures(Path out, String root) {
    List<String> rows = new ArrayList<>();
    for (String r : TsvFiles.rows(out.resolve("signatures"),
        ExceptionsReports.SIGNATURES_REPORT.header())) {
      String[] c = r.split("\t", -1);
      assertThat(c[7]).as("example file").startsWith("file:").contains(root);
      c[7] = c[7].substring(c[7].indexOf(root) + root.length());
      rows.add(String.join("\t", c));
    }
    return rows;
  }

  private static List<String> hourly(Path out) {
    return TsvFiles.rows(out.resolve("hourly"), ExceptionsReports.HOURLY_REPORT.header());
  }

  private static List<String> examples(Path out) {
    return TsvFiles.rows(out.resolve("examples"), ExceptionsReports.EXAMPLES_REPORT.header());
  }

  private static void assertMatches(Path out, ExceptionsOracle oracle, String root) {
    Multisets.assertSameMultiset("signatures/", signatures(out, root), oracle.signatureRows());
    Multisets.assertSameMultiset("hourly/", hourly(out), oracle.hourlyRows());
    Multisets.assertSameMultiset("examples/", examples(out), oracle.exampleRows());
  }

  @Test
  void bothDaysWithThePackageAndThreeReducersMatchTheIndependentComputation() throws Exception {
    Path out = tmp.resolve("out");
    Job job = run(out, 3, conf -> {
      ExceptionsKeys.setPackage(conf, "com.example.shop");
      ExceptionsKeys.setFrames(conf, 3);
    }, Paths.sampleData("logs/app"));
    ExceptionsOracle oracle = oracle(List.of("com.example.shop"), 3);
    assertMatches(out, oracle, "logs/app/");

    // the data exercises what matters
    List<String> sigs = oracle.signatureRows();
    assertThat(oracle.events).hasSize(34 + 68);
    assertThat(sigs).hasSizeGreaterThan(8);
    // the payment failure cut before its cause (the end of each file) is a signature apart
    assertThat(sigs).anyMatch(r -> r.split("\t")[1].equals(r.split("\t")[2])
        && r.startsWith(r.split("\t")[0] + "\torg.springframework.web.client"));
    // five causes deep, outage of day 2: the root cause is the last Caused by
    assertThat(sigs).anyMatch(r -> r.split("\t")[2].equals("java.net.ConnectException")
        && Long.parseLong(r.split("\t")[4]) >= 34);
    // a trace without frames
    assertThat(sigs).anyMatch(r -> r.split("\t")[3].equals("-"));
    // a signature seen on both days, and hours with several events of one signature
    assertThat(sigs).anyMatch(r -> r.split("\t")[5].startsWith("2026-11-24")
        && r.split("\t")[6].startsWith("2026-11-25"));
    assertThat(oracle.hourlyRows()).anyMatch(r -> Long.parseLong(r.split("\t")[2]) > 1);
    // frames hold own code only and no generated proxies
    assertThat(sigs).allSatisfy(r -> {
      String frames = r.split("\t")[3];
      if (!frames.equals("-")) {
        assertThat(frames.split(";")).allMatch(f -> f.startsWith("com.example.shop."))
            .noneMatch(f -> f.contains("$$"));
      }
    });

    Counters c = job.getCounters();
    assertThat(c.findCounter(RecordCounters.RECORDS_IN).getValue())
        .isEqualTo(oracle.allEvents).isEqualTo(3026 + 3031);
    assertThat(c.findCounter(RecordCounters.RECORDS_REJECTED).getValue()).isZero();
    assertThat(c.findCounter(ExceptionsCounters.EVENTS).getValue()).isEqualTo(oracle.allEvents);
    assertThat(c.findCounter(ExceptionsCounters.EVENTS_WITH_EXCEPTION).getValue())
        .isEqualTo(102);
    assertThat(c.findCounter(ExceptionsCounters.SIGNATURES).getValue()).isEqualTo(sigs.size());
    assertThat(c.findCounter(ExceptionsCounters.HOURLY_ROWS).getValue())
        .isEqualTo(oracle.hourlyRows().size());
    assertThat(out.resolve("signatures").toFile().list((d, n) -> n.startsWith("part-")))
        .as("a file per reducer that got signatures").hasSizeGreaterThan(1);
  }

  @Test
  void withoutThePackageTheGuessAndTwoFrames() throws Exception {
    Path out = tmp.resolve("out");
    run(out, 1, conf -> ExceptionsKeys.setFrames(conf, 2), Paths.sampleData("logs/app"));
    ExceptionsOracle oracle = oracle(List.of(), 2);
    assertMatches(out, oracle, "logs/app/");
    // the guess differs from the configured package where a library threw
    assertThat(oracle.signatureRows()).anyMatch(r -> r.split("\t")[3]
        .startsWith("org.springframework."));
    assertThat(oracle.signatureRows()).isNotEqualTo(oracle(List.of("com.example.shop"), 2)
        .signatureRows());
  }

  /**
   * Day 1 cut at event boundaries into 60 small files, read combined in one split and in 64 kB
   * splits: every example is named by its own small file and offset in it.
   */
  @Test
  void smallFilesReadCombinedNameTheExamplesFile() throws Exception {
    byte[] log = ExceptionsOracle.content(Paths.sampleData(DAY1));
    List<String[]> rows = ExceptionsOracle.truth(Paths.sampleData(TRUTH1));
    Path in = tmp.resolve("pieces");
    Files.createDirectories(in);
    ExceptionsOracle oracle = new ExceptionsOracle(List.of("com.example.shop"), 3);
    int pieces = 60;
    for (int p = 0; p < pieces; p++) {
      List<String[]> part = rows.subList(p * rows.size() / pieces, (p + 1) * rows.size() / pieces);
      long from = Long.parseLong(part.get(0)[0]);
      long to = p == pieces - 1 ? log.length
          : Long.parseLong(rows.get((p + 1) * rows.size() / pieces)[0]);
      String name = String.format("app-%02d.log", p);
      byte[] piece = Arrays.copyOfRange(log, (int) from, (int) to);
      Files.write(in.resolve(name), piece);
      oracle.add(name, piece, part, from);
    }
    for (boolean combined : new boolean[] {true, false}) {
      Path out = tmp.resolve("out-" + combined);
      Job job = run(out, 2, conf -> {
        ExceptionsKeys.setPackage(conf, "com.example.shop");
        InputKeys.COMBINE.set(conf, Boolean.toString(combined));
        conf.setLong(FileInputFormat.SPLIT_MAXSIZE, 64 * 1024);
      }, in);
      assertThat(job.getCounters().findCounter(RecordCounters.FILES_READ).getValue())
          .isEqualTo(pieces);
      assertMatches(out, oracle, "pieces/");
    }
  }

  @Test
  void badOptionsAreRefusedBeforeTheJobRuns() throws Exception {
    for (String[] kv : List.of(new String[] {"colony.exceptions.frames", "-1"},
        new String[] {"colony.exceptions.frames", "51"},
        new String[] {"colony.exceptions.package", "com.example..shop"},
        new String[] {"colony.exceptions.package", "com/example"})) {
      Job job = Job.getInstance(LocalHadoop.conf(tmp));
      job.getConfiguration().set(kv[0], kv[1]);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> spec.configure(job))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(kv[0]);
    }
    Configuration conf = new Configuration();
    ExceptionsKeys.setPackage(conf, " com.example.shop.* , org.acme.");
    assertThat(ExceptionsKeys.packages(conf)).containsExactly("com.example.shop.", "org.acme.");
  }
}
