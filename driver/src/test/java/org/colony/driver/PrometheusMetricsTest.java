package org.colony.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusMetricsTest {
  /** A sample line of the text exposition format: name{labels} value. */
  private static final Pattern SAMPLE = Pattern.compile(
      "[a-z_]+\\{job=\"[^\"]+\"(,[a-z]+=\"[^\"]*\")*\\} -?[0-9.]+");

  @Test
  void labelledGaugesInTextFormat(@TempDir Path dir) throws Exception {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("job", "access-stats");
    report.put("outcome", "succeeded");
    report.put("finishedEpochMs", 1795737600123L);
    report.put("records", Map.of("in", 6597, "parsed", 6582, "rejected", 15));
    report.put("inputBytes", 780645);
    report.put("bytesRead", 1578471);
    report.put("shuffleBytes", 47749);
    report.put("reducers", Map.of("count", 2, "predictedShuffleBytes", 47761));
    report.put("durationMs", 12439);
    report.put("phases", Map.of("mapMs", 10539, "shuffleMs", 1496, "reduceMs", 201));
    Path file = dir.resolve("colony_access-stats.prom");
    PrometheusMetrics.write(file, report);
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).contains(
        "colony_run_success{job=\"access-stats\"} 1",
        "colony_run_timestamp_seconds{job=\"access-stats\"} 1795737600.123",
        "colony_run_records{job=\"access-stats\",kind=\"rejected\"} 15",
        "colony_run_bytes{job=\"access-stats\",kind=\"shuffle_predicted\"} 47761",
        "colony_run_reducers{job=\"access-stats\"} 2",
        "colony_run_duration_seconds{job=\"access-stats\",phase=\"map\"} 10.539");
    for (String l : lines) {
      assertThat(l.startsWith("# HELP ") || l.startsWith("# TYPE ") || SAMPLE.matcher(l).matches())
          .as(l).isTrue();
    }
    assertThat(Files.list(dir)).hasSize(1); // no temporary file left
    report.put("outcome", "failed");
    assertThat(PrometheusMetrics.of(report)).contains("colony_run_success{job=\"access-stats\"} 0");
  }
}
