package org.colony.jobs.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.io.access.CombinedAccessLogInputFormat;
import org.colony.io.RejectReason;
import org.colony.jobs.common.RejectSink;
import org.colony.jobs.common.Tsv;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * access-stats through LocalJobRunner on sample-data, checked against an independent computation
 * (regex and java.time) and against the reviewed expected files of sample-data/expected.
 */
class AccessStatsJobTest {
  private static final String DAY1 = "dt=2026-11-24";
  private static final String DAY2 = "dt=2026-11-25";

  @TempDir
  Path tmp;

  private final AccessStatsSpec spec = new AccessStatsSpec();

  private Job run(Path out, int reducers, Path... inputs) throws Exception {
    return run(out, reducers, conf -> { }, inputs);
  }

  private Job run(Path out, int reducers, java.util.function.Consumer<Configuration> settings,
      Path... inputs) throws Exception {
    Configuration conf = LocalHadoop.conf(tmp);
    settings.accept(conf);
    Job job = Job.getInstance(conf, "access-stats test");
    job.getConfiguration().setBoolean(FileInputFormat.INPUT_DIR_RECURSIVE, true);
    FileInputFormat.setInputPaths(job, Arrays.stream(inputs)
        .map(p -> new org.apache.hadoop.fs.Path(p.toUri())).toArray(org.apache.hadoop.fs.Path[]::new));
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(out.toUri()));
    job.setNumReduceTasks(reducers);
    spec.configure(job);
    assertThat(job.waitForCompletion(false)).as("job succeeded").isTrue();
    spec.afterSuccess(job, FileSystem.getLocal(conf), new org.apache.hadoop.fs.Path(out.toUri()));
    return job;
  }

  @Test
  void bothDaysWithThreeReducersMatchTheIndependentComputation() throws Exception {
    Path logs = Paths.sampleData("logs/access");
    AccessLogOracle oracle = new AccessLogOracle();
    Map<String, Map<Long, byte[]>> linesByFile = new HashMap<>();
    for (Path f : List.of(logs.resolve(DAY1 + "/access.log"), logs.resolve(DAY2 + "/access.log.gz"))) {
      Map<Long, byte[]> byOffset = lines(f);
      linesByFile.put(f.getFileName().toString(), byOffset);
      byOffset.values().forEach(l -> oracle.add(new String(l, StandardCharsets.ISO_8859_1)));
    }
    Path out = tmp.resolve("out");
    Job job = run(out, 3, logs);

    assertThat(TsvFiles.rows(out.resolve("hourly"), AccessReports.HOURLY_REPORT.header()))
        .containsExactlyInAnyOrderElementsOf(oracle.hourlyRows());
    assertThat(TsvFiles.rows(out.resolve("urls"), AccessReports.URLS_REPORT.header()))
        .containsExactlyInAnyOrderElementsOf(oracle.urlRows());
    assertThat(TsvFiles.rows(out.resolve("clients"), AccessReports.CLIENTS_REPORT.header()))
        .containsExactlyInAnyOrderElementsOf(oracle.clientRows());
    assertThat(TsvFiles.rows(out.resolve("top"), AccessReports.TOP_REPORT.header()))
        .containsExactlyElementsOf(oracle.topRows(100));
    assertThat(out.resolve(AccessReports.TOP_CANDIDATES)).doesNotExist();

    Counters c = job.getCounters();
    long in = c.findCounter(RecordCounters.RECORDS_IN).getValue();
    long parsed = c.findCounter(RecordCounters.RECORDS_PARSED).getValue();
    long rejected = c.findCounter(RecordCounters.RECORDS_REJECTED).getValue();
    assertThat(in).isEqualTo(oracle.lines);
    assertThat(parsed).isEqualTo(oracle.parsed);
    assertThat(rejected).isEqualTo(oracle.rejected).isPositive();
    assertThat(in).isEqualTo(parsed + rejected);
    long byReason = Arrays.stream(RejectReason.values())
        .mapToLong(r -> c.findCounter(r).getValue()).sum();
    assertThat(byReason).isEqualTo(rejected);

    // every quarantined line is where its row says, and every reject was quarantined
    List<String> rejects = TsvFiles.rows(out.resolve(RejectSink.FOLDER), RejectSink.REPORT.header());
    assertThat(rejects).hasSize((int) rejected);
    assertThat(c.findCounter(RecordCounters.REJECTS_WRITTEN).getValue()).isEqualTo(rejected);
    for (String row : rejects) {
      String[] cols = row.split("\t", -1);
      assertThat(cols).hasSize(4);
      RejectReason.valueOf(cols[2]);
      String file = cols[0].substring(cols[0].lastIndexOf('/') + 1);
      byte[] source = linesByFile.get(file).get(Long.parseLong(cols[1]));
      assertThat(source).as("line at %s", row).isNotNull();
      assertThat(Tsv.unescape(cols[3])).isEqualTo(stripCr(source));
    }
  }

  @Test
  void eachDayMatchesTheReviewedExpectedFiles() throws Exception {
    int reducers = 1;
    for (String day : List.of(DAY1, DAY2)) {
      Path out = tmp.resolve("out-" + day);
      Job job = run(out, reducers++, Paths.sampleData("logs/access/" + day));
      assertMatchesExpected(day, out, job);
    }
  }

  /** Day 1 cut into 1,000 small files, read combined: the same reports as the reviewed ones. */
  @Test
  void thousandSmallFilesReadCombinedGiveTheSameReports() throws Exception {
    List<byte[]> all = new ArrayList<>(lines(Paths.sampleData("logs/access/" + DAY1
        + "/access.log")).values());
    Path in = tmp.resolve("small");
    Files.createDirectories(in);
    int files = 1000;
    for (int f = 0; f < files; f++) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int i = f * all.size() / files; i < (f + 1) * all.size() / files; i++) {
        b.write(all.get(i));
        b.write('\n');
      }
      Files.write(in.resolve(String.format("access-%04d.log", f)), b.toByteArray());
    }
    Path out = tmp.resolve("out-small");
    Job job = run(out, 2, conf -> conf.set(InputKeys.COMBINE.name(), "true"), in);
    assertThat(job.getInputFormatClass()).isEqualTo(CombinedAccessLogInputFormat.class);
    assertMatchesExpected(DAY1, out, job);
    assertThat(job.getCounters().findCounter(RecordCounters.FILES_READ).getValue())
        .isEqualTo(files);
    // LocalJobRunner does not count launched maps: ask the format for the job's splits
    assertThat(new CombinedAccessLogInputFormat().getSplits(job)).hasSize(1);
  }

  /** Day 1 is Apache's combined format: read with that one format, it gives the same reports. */
  @Test
  void day1WithTheCombinedFormatMatchesTheReviewedExpectedFiles() throws Exception {
    Path out = tmp.resolve("out-combined");
    Job job = run(out, 2, conf -> InputKeys.ACCESS_FORMAT.set(conf, "combined"),
        Paths.sampleData("logs/access/" + DAY1));
    assertMatchesExpected(DAY1, out, job);
    Counters c = job.getCounters();
    assertThat(c.findCounter(RejectReason.FORMAT_MISMATCH).getValue())
        .as("the garbage and error-log lines").isEqualTo(2);
  }

  private static void assertMatchesExpected(String day, Path out, Job job) throws IOException {
    Path expected = Paths.sampleData("expected/access-stats/" + day);
    for (var report : AccessReports.ALL) {
      List<String> want = TsvFiles.fileRows(expected.resolve(report.folder() + ".tsv"),
          report.header());
      List<String> got = TsvFiles.rows(out.resolve(report.folder()), report.header());
      if (report == AccessReports.TOP_REPORT) {
        assertThat(got).as(day + " " + report.folder()).containsExactlyElementsOf(want);
      } else {
        assertThat(got).as(day + " " + report.folder()).containsExactlyInAnyOrderElementsOf(want);
      }
    }
    String counts = Files.readString(expected.resolve("counts.json"));
    Counters c = job.getCounters();
    assertThat(counts.replaceAll("\\s", "")).isEqualTo("{\"lines\":"
        + c.findCounter(RecordCounters.RECORDS_IN).getValue() + ",\"parsed\":"
        + c.findCounter(RecordCounters.RECORDS_PARSED).getValue() + ",\"rejected\":"
        + c.findCounter(RecordCounters.RECORDS_REJECTED).getValue() + "}");
  }

  private static byte[] stripCr(byte[] line) {
    int n = line.length;
    return n > 0 && line[n - 1] == '\r' ? Arrays.copyOf(line, n - 1) : line;
  }

  /** Lines of a plain or .gz file by their offset in the uncompressed bytes. */
  static Map<Long, byte[]> lines(Path file) throws IOException {
    byte[] all;
    try (InputStream in = file.toString().endsWith(".gz")
        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      ByteArrayOutputStream bo = new ByteArrayOutputStream();
      in.transferTo(bo);
      all = bo.toByteArray();
    }
    Map<Long, byte[]> m = new java.util.LinkedHashMap<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        m.put((long) start, Arrays.copyOfRange(all, start, i));
        start = i + 1;
      }
    }
    if (start < all.length) {
      m.put((long) start, Arrays.copyOfRange(all, start, all.length));
    }
    return m;
  }

  static List<String> asList(Map<Long, byte[]> m) {
    List<String> l = new ArrayList<>();
    m.values().forEach(b -> l.add(new String(b, StandardCharsets.ISO_8859_1)));
    return l;
  }
}
