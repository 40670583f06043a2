package org.colony.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A run's figures in Prometheus' text exposition format, for node_exporter's textfile collector:
 * labelled gauges, written to a temporary file and renamed into place so that the collector never
 * reads half a file.
 */
final class PrometheusMetrics {
  private final StringBuilder text = new StringBuilder();
  private final String job;

  private PrometheusMetrics(String job) {
    this.job = job;
  }

  /** The metrics of a run report. */
  @SuppressWarnings("unchecked")
  static String of(Map<String, Object> report) {
    PrometheusMetrics m = new PrometheusMetrics((String) report.get("job"));
    m.help("colony_run_success", "1 if the run succeeded and published its output, else 0");
    m.gauge("colony_run_success", "", "succeeded".equals(report.get("outcome")) ? 1 : 0);
    m.help("colony_run_timestamp_seconds", "When the run finished, seconds since the epoch");
    m.gauge("colony_run_timestamp_seconds", "", number(report.get("finishedEpochMs")) / 1000.0);
    m.help("colony_run_records", "Records read, parsed and rejected");
    Map<String, Object> records = (Map<String, Object>) report.getOrDefault("records", Map.of());
    for (String kind : new String[] {"in", "parsed", "rejected"}) {
      m.gauge("colony_run_records", "kind=\"" + kind + "\"", number(records.get(kind)));
    }
    m.help("colony_run_bytes", "Input bytes on disk, read (uncompressed) and shuffled");
    m.gauge("colony_run_bytes", "kind=\"input\"", number(report.get("inputBytes")));
    m.gauge("colony_run_bytes", "kind=\"read\"", number(report.get("bytesRead")));
    m.gauge("colony_run_bytes", "kind=\"shuffle\"", number(report.get("shuffleBytes")));
    Map<String, Object> decision = (Map<String, Object>) report.getOrDefault("reducers", Map.of());
    m.gauge("colony_run_bytes", "kind=\"shuffle_predicted\"",
        number(decision.get("predictedShuffleBytes")));
    m.help("colony_run_reducers", "Reducers the run used");
    m.gauge("colony_run_reducers", "", number(decision.get("count")));
    m.help("colony_run_duration_seconds", "Wall time of the run and of its phases");
    m.gauge("colony_run_duration_seconds", "phase=\"total\"",
        number(report.get("durationMs")) / 1000.0);
    Map<String, Object> phases = (Map<String, Object>) report.getOrDefault("phases", Map.of());
    for (String phase : new String[] {"map", "shuffle", "reduce"}) {
      m.gauge("colony_run_duration_seconds", "phase=\"" + phase + "\"",
          number(phases.get(phase + "Ms")) / 1000.0);
    }
    return m.text.toString();
  }

  static void write(Path file, Map<String, Object> report) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    Files.writeString(tmp, of(report), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void help(String name, String help) {
    text.append("# HELP ").append(name).append(' ').append(help).append('\n');
    text.append("# TYPE ").append(name).append(" gauge\n");
  }

  private void gauge(String name, String labels, double value) {
    text.append(name).append("{job=\"").append(escape(job)).append('"');
    if (!labels.isEmpty()) {
      text.append(',').append(labels);
    }
    text.append("} ").append(format(value)).append('\n');
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static double number(Object o) {
    return o instanceof Number n ? n.doubleValue() : 0;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
