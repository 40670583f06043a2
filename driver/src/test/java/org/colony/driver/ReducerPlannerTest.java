package org.colony.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.colony.driver.sizing.ReducerPlanner;
import org.colony.jobs.access.AccessStatsSpec;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Paths;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each step of the reducer sizing, on real jobs in local mode. */
class ReducerPlannerTest {
  @TempDir
  Path tmp;
  private Configuration conf;
  private final AccessStatsSpec spec = new AccessStatsSpec();

  @BeforeEach
  void setUp() {
    conf = LocalHadoop.conf(tmp);
  }

  private SizingDecision plan(Configuration c, String input, int requested,
      List<Map<String, Object>> history) throws Exception {
    InputSet inputs = InputSet.resolve(c, List.of(input));
    Job job = JobRunner.createJob(c, spec, inputs,
        new org.apache.hadoop.fs.Path(tmp.resolve("staging").toUri()));
    return new ReducerPlanner(job.getConfiguration()).plan(spec, job, inputs, requested, history,
        new org.apache.hadoop.fs.Path(tmp.resolve("sample").toUri()));
  }

  private static Map<String, Object> run(long bytesRead, long shuffle) {
    return Map.of("outcome", "succeeded", "bytesRead", bytesRead, "shuffleBytes", shuffle,
        "inputByCodec", Map.of("none", bytesRead));
  }

  @Test
  void historyOfRunsOnInputWithinTenfoldGivesTheRatio() throws Exception {
    String day1 = Paths.sampleData("logs/access/dt=2026-11-24").toString();
    long size = Files.size(Paths.sampleData("logs/access/dt=2026-11-24/access.log"));
    List<Map<String, Object>> history = List.of(
        run(size / 20, size / 20), // 0.05x: too small to compare, ratio 1
        run(size, size / 50), // 0.02
        run(size * 2, size * 2 / 25), // 0.04
        run(size * 20, size * 20)); // 20x: too big, ratio 1
    SizingDecision d = plan(conf, day1, 0, history);
    assertThat(d.get("shuffleRatioSource")).isEqualTo("history");
    assertThat((Double) d.get("shuffleRatio")).isCloseTo(0.03, org.assertj.core.data.Offset.offset(1e-6));
    assertThat((double) d.getLong("predictedShuffleBytes"))
        .isCloseTo(size * 0.03, org.assertj.core.data.Offset.offset(2.0));
    assertThat(d.explain()).contains("median of 2 earlier run(s)");
  }

  @Test
  void sampleOfWholeSplitsPredictsTheShuffleOfTheRun() throws Exception {
    String day1 = Paths.sampleData("logs/access/dt=2026-11-24").toString();
    SizingDecision d = plan(conf, day1, 0, List.of());
    assertThat(d.get("shuffleRatioSource")).isEqualTo("sample");
    long actual = runAndMeasureShuffle(day1, d.reducers());
    assertThat((double) d.getLong("predictedShuffleBytes"))
        .isCloseTo(actual, org.assertj.core.data.Percentage.withPercentage(5));
  }

  @Test
  void sampleExtrapolatesPastWhatItRead() throws Exception {
    // day 1 sixteen times over with other clients and days: 12 MB in one split, sampled 2 x 256 kB
    Path big = tmp.resolve("big/access.log");
    Files.createDirectories(big.getParent());
    List<String> lines = Files.readAllLines(
        Paths.sampleData("logs/access/dt=2026-11-24/access.log"), StandardCharsets.ISO_8859_1);
    try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.ISO_8859_1)) {
      for (int copy = 0; copy < 16; copy++) {
        for (String l : lines) {
          w.write(l.replaceFirst("^(\\d+)\\.", copy + "$1.")
              .replace("/Nov/2026", copy % 2 == 0 ? "/Nov/2026" : "/Dec/2026"));
          w.write('\n');
        }
      }
    }
    Configuration c = new Configuration(conf);
    c.set("colony.sizing.sample.bytes", "256k");
    c.setLong("fs.local.block.size", 64L << 20);
    SizingDecision d = plan(c, big.getParent().toString(), 0, List.of());
    assertThat(d.get("shuffleRatioSource")).isEqualTo("sample");
    long actual = runAndMeasureShuffle(big.getParent().toString(), 1);
    long predicted = d.getLong("predictedShuffleBytes");
    System.out.printf("extrapolated sample: predicted %d, actual %d (%.0f%%) %s%n", predicted,
        actual, 100.0 * (predicted - actual) / actual, d.get("sample"));
    assertThat((double) predicted).isBetween(actual / 1.5, actual * 1.5);
    // access-stats sums in the mapper and writes at cleanup: the half is measured all the same
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> splits = (List<Map<String, Object>>) d.get("sample");
    assertThat(splits).allSatisfy(s -> assertThat((Long) s.get("combinedHalf")).isPositive());
  }

  @Test
  void withoutHistoryOrSampleTheJobsDefault() throws Exception {
    Configuration c = new Configuration(conf);
    c.set("colony.sizing.sample.bytes", "0");
    SizingDecision d = plan(c, Paths.sampleData("logs/access").toString(), 0, List.of());
    assertThat(d.get("shuffleRatioSource")).isEqualTo("default");
    assertThat(d.get("shuffleRatio")).isEqualTo(0.05);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> codecs = (Map<String, Map<String, Object>>) d.get("codecs");
    assertThat(codecs.get("gz").get("source")).isEqualTo("default");
    long disk = ((Number) codecs.get("none").get("diskBytes")).longValue()
        + 8 * ((Number) codecs.get("gz").get("diskBytes")).longValue();
    assertThat(d.getLong("uncompressedInputBytes")).isEqualTo(disk);
  }

  @Test
  void capsAndWholeWavesAndTheExplicitCount() throws Exception {
    Configuration c = new Configuration(conf);
    c.set("colony.sizing.sample.bytes", "0");
    c.set("colony.bytes.per.reducer", "1k");
    c.setInt("colony.reducers.max", 10);
    c.setInt("mapreduce.local.reduce.tasks.maximum", 3);
    String in = Paths.sampleData("logs/access").toString();
    SizingDecision d = plan(c, in, 0, List.of());
    assertThat(d.getLong("wanted")).isGreaterThan(10);
    assertThat(d.reducers()).as("10 capped, over 3 slots: 3 whole waves").isEqualTo(9);
    assertThat(d.explain()).contains("capped at colony.reducers.max 10", "3 whole wave(s) = 9");
    SizingDecision explicit = plan(c, in, 4, List.of());
    assertThat(explicit.reducers()).isEqualTo(4);
    assertThat(explicit.rule()).isEqualTo("explicit");
    assertThat(explicit.getLong("estimatedReducers")).isEqualTo(9);
  }

  private long runAndMeasureShuffle(String input, int reducers) throws Exception {
    InputSet inputs = InputSet.resolve(conf, List.of(input));
    Job job = JobRunner.createJob(conf, spec, inputs,
        new org.apache.hadoop.fs.Path(tmp.resolve("out-" + System.nanoTime()).toUri()));
    job.setNumReduceTasks(reducers);
    assertThat(job.waitForCompletion(false)).isTrue();
    return job.getCounters().findCounter(TaskCounter.MAP_OUTPUT_MATERIALIZED_BYTES).getValue();
  }
}
