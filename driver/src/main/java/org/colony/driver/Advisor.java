package org.colony.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.util.StringUtils;

/**
 * Checks a finished run in the spirit of Dr. Elephant and says what to change: reducer skew,
 * reducers too short or too long, spills, map inputs much smaller than a block. Each piece of
 * advice names the setting to change.
 */
final class Advisor {
  static final double SKEW_FACTOR = 5.0;
  static final long SKEW_MIN_BYTES = 1L << 20;
  static final long SHORT_REDUCE_MS = 10_000;
  static final long LONG_REDUCE_MS = 30 * 60_000;

  private Advisor() {}

  /** Advice for a run report: a list of {check, message}. */
  @SuppressWarnings("unchecked")
  static List<Map<String, String>> advise(Map<String, Object> report, long blockSize) {
    List<Map<String, String>> advice = new ArrayList<>();
    List<Map<String, Object>> reducers =
        (List<Map<String, Object>>) report.getOrDefault("reducerStats", List.of());
    if (reducers.size() >= 2) {
      List<Long> bytes = new ArrayList<>();
      reducers.forEach(r -> bytes.add(num(r.get("shuffleBytes"))));
      List<Long> sorted = new ArrayList<>(bytes);
      sorted.sort(null);
      long median = sorted.get((sorted.size() - 1) / 2);
      long max = sorted.get(sorted.size() - 1);
      if (max > SKEW_MIN_BYTES && max > SKEW_FACTOR * Math.max(1, median)) {
        int heaviest = bytes.indexOf(max);
        Object partition = reducers.get(heaviest).get("reducer");
        add(advice, "skew", String.format(Locale.ROOT,
            "reducer %s took %s, %.1fx the median %s%s; a key spread over more partitions (or "
                + "a combiner) would even it out", partition, human(max),
            max / (double) Math.max(1, median), human(median), heavyKeys(report, partition)));
      }
      long total = 0;
      for (Map<String, Object> r : reducers) {
        total += num(r.get("reduceMs"));
      }
      long avg = total / reducers.size();
      if (avg < SHORT_REDUCE_MS) {
        add(advice, "short-reducers", String.format(Locale.ROOT, "%d reducers ran %.1f s each on "
            + "average: fewer would do (raise colony.bytes.per.reducer, or --reducers)",
            reducers.size(), avg / 1000.0));
      }
      if (avg > LONG_REDUCE_MS) {
        add(advice, "long-reducers", String.format(Locale.ROOT, "reducers ran %.0f min each on "
            + "average: more would finish sooner (lower colony.bytes.per.reducer)", avg / 60000.0));
      }
    }
    Map<String, Map<String, Object>> counters =
        (Map<String, Map<String, Object>>) report.getOrDefault("counters", Map.of());
    Map<String, Object> task = counters.getOrDefault("org.apache.hadoop.mapreduce.TaskCounter",
        Map.of());
    long spilled = num(task.get("SPILLED_RECORDS"));
    long mapOut = num(task.get("MAP_OUTPUT_RECORDS"));
    if (mapOut > 0 && spilled > 2 * mapOut) {
      add(advice, "spills", String.format(Locale.ROOT, "%d records spilled for %d map output "
          + "records (%.1fx): a larger sort buffer (mapreduce.task.io.sort.mb) would spill less",
          spilled, mapOut, spilled / (double) mapOut));
    }
    long files = num(report.get("inputFiles"));
    long bytes = num(report.get("inputBytes"));
    if (files > 8 && !Boolean.TRUE.equals(report.get("inputCombined"))
        && bytes / Math.max(1, files) < blockSize / 4) {
      add(advice, "small-inputs", String.format(Locale.ROOT, "%d input files average %s, much "
          + "smaller than a %s block: one map task each; combined input would use far fewer "
          + "(-D colony.input.combine=true)", files, human(bytes / files), human(blockSize)));
    }
    return advice;
  }

  @SuppressWarnings("unchecked")
  private static String heavyKeys(Map<String, Object> report, Object partition) {
    Map<String, Object> decision = (Map<String, Object>) report.getOrDefault("reducers", Map.of());
    List<Map<String, Object>> keys =
        (List<Map<String, Object>>) decision.getOrDefault("heavyKeys", List.of());
    List<String> names = new ArrayList<>();
    for (Map<String, Object> k : keys) {
      if (String.valueOf(k.get("partition")).equals(String.valueOf(partition)) && names.size() < 3) {
        names.add(k.get("key") + " (" + human(num(k.get("bytes"))) + " in the sample)");
      }
    }
    return names.isEmpty() ? "" : "; its heaviest keys in the pre-run sample: "
        + String.join(", ", names);
  }

  private static void add(List<Map<String, String>> advice, String check, String message) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("check", check);
    m.put("message", message);
    advice.add(m);
  }

  private static long num(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }

  private static String human(long b) {
    return StringUtils.byteDesc(b);
  }
}
