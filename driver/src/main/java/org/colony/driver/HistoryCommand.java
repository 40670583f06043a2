package org.colony.driver;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.StringUtils;
import org.colony.driver.history.RunHistory;

/**
 * {@code colony history JOB [N]}: the recent runs of a job as a table: predicted against actual
 * shuffle bytes, reducers, duration and outcome.
 */
final class HistoryCommand {
  private HistoryCommand() {}

  static int run(Configuration conf, String[] args, PrintStream out) throws IOException,
      UsageException {
    if (args.length < 1 || args.length > 2 || args[0].startsWith("-")) {
      throw new UsageException("usage: colony history JOB [N]  (the N newest runs, default 20)");
    }
    String job = args[0];
    if (JobRegistry.find(job).isEmpty()) {
      throw new UsageException("unknown job '" + job + "'; run 'colony list' for the jobs");
    }
    int n;
    try {
      n = args.length == 2 ? Integer.parseInt(args[1]) : 20;
    } catch (NumberFormatException e) {
      throw new UsageException("N must be a number, got '" + args[1] + "'");
    }
    RunHistory history = RunHistory.of(conf, FileSystem.get(conf));
    List<Map<String, Object>> runs = history.recent(job, n);
    if (runs.isEmpty()) {
      out.println("no runs of " + job + " in " + history.root());
      return ExitCode.OK;
    }
    out.printf("%-40s %-20s %10s %10s %10s %7s %8s %9s  %s%n", "run", "started", "input",
        "predicted", "shuffle", "error", "reducers", "duration", "outcome");
    for (Map<String, Object> r : runs) {
      @SuppressWarnings("unchecked")
      Map<String, Object> d = (Map<String, Object>) r.getOrDefault("reducers", Map.of());
      long predicted = num(d.get("predictedShuffleBytes"));
      long actual = num(r.get("shuffleBytes"));
      String error = predicted > 0 && actual > 0
          ? String.format(Locale.ROOT, "%+.0f%%", 100.0 * (predicted - actual) / actual) : "-";
      String started = String.valueOf(r.get("started"));
      out.printf(Locale.ROOT, "%-40s %-20s %10s %10s %10s %7s %8s %8.1fs  %s%n", r.get("runId"),
          started.length() >= 19 ? started.substring(0, 19) : started,
          bytes(num(d.get("uncompressedInputBytes"))), bytes(predicted), bytes(actual), error,
          d.getOrDefault("count", "-") + " " + shortRule(d.get("rule")),
          num(r.get("durationMs")) / 1000.0, r.get("outcome"));
    }
    return ExitCode.OK;
  }

  private static String shortRule(Object rule) {
    return "explicit".equals(rule) ? "(-r)" : "";
  }

  private static String bytes(long b) {
    return b < 0 ? "-" : StringUtils.byteDesc(b).replace(" ", "");
  }

  private static long num(Object o) {
    return o instanceof Number n ? n.longValue() : -1;
  }
}
