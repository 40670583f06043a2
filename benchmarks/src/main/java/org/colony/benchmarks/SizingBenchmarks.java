package org.colony.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark 4: the driver's reducer sizing against what each run shuffled. Each job runs
 * embedded on generated input of several sizes, plain and gzip, twice: cold (an empty
 * {@code colony.history.dir}: the codec ratio and the map-output ratio come from the pre-run
 * sample) and warm (the same history folder, holding the cold run's report). Per run it prints,
 * from the run report the driver wrote to that history folder: the predicted shuffle and where
 * its ratio came from, the actual shuffle (map output bytes as materialized for the shuffle,
 * after the combiner and compression), the error, the reducers the driver wanted and chose (the
 * local reduce slots cap the choice embedded), the ideal count (actual shuffle / bytes per
 * reducer, rounded up) and what Hive's rule would take (on-disk bytes / 256 MB, 1 to 1009). Then
 * the median and worst error of each pass.
 *
 * <p>A warm run on the very input its history came from is exact by construction (the same job
 * on the same bytes). A third pass, "other", tests what the history teaches about new input:
 * each input once more with a history folder holding only the cold reports of the job on the
 * other sizes (plain and gzip); the driver uses those within 0.1x-10x of the input. It takes the
 * cold reports from the history folders under DIR, so it can run alone after a full run.
 *
 * <pre>  benchmarks/run.sh sizing [DIR] [SIZE...]   (default 32m 128m 512m)</pre>
 *
 * {@code COLONY_BENCH_SIZING_JOBS} (default "access-stats sessions") chooses the jobs,
 * {@code COLONY_BENCH_SIZING_PASSES} (default "cold warm other") the passes.
 */
public final class SizingBenchmarks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long HIVE_BYTES_PER_REDUCER = 256L << 20;

  private SizingBenchmarks() {}

  record Run(String job, String size, boolean gzip, String pass, long diskBytes,
      long uncompressedEstimate, long bytesRead, String ratioSource, String codecSource,
      long predicted, long actual, long wanted, int chosen, long perReducer, int hive,
      double wallS, String load) {
    /** Signed relative error of the prediction: (predicted - actual) / actual. */
    double error() {
      return actual > 0 ? (predicted - actual) / (double) actual : Double.NaN;
    }

    long ideal() {
      return Math.max(1, (actual + perReducer - 1) / perReducer);
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir")
        + "/colony-bench").toAbsolutePath();
    List<String> sizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sizes.add(args[i]);
    }
    if (sizes.isEmpty()) {
      sizes = List.of("32m", "128m", "512m");
    }
    String[] jobs = System.getenv().getOrDefault("COLONY_BENCH_SIZING_JOBS",
        "access-stats sessions").trim().split("\\s+");
    List<String> passes = List.of(System.getenv().getOrDefault("COLONY_BENCH_SIZING_PASSES",
        "cold warm other").trim().split("\\s+"));
    String xmx = System.getenv().getOrDefault("COLONY_BENCH_XMX", "512m");
    Files.createDirectories(dir);
    Machine.print(System.out);
    System.out.println("== 4. reducer sizing: predicted vs actual shuffle, embedded, -Xmx" + xmx
        + " ==");
    List<Run> runs = new ArrayList<>();
    for (String size : sizes) {
      for (boolean gzip : new boolean[] {false, true}) {
        Path in = ChildJvm.input(dir, size, gzip);
        long disk = ChildJvm.diskBytes(in);
        for (String job : jobs) {
          Path history = history(dir, "sizing-history", job, size, gzip);
          if (passes.contains("cold")) {
            ChildJvm.deleteTree(history);
            runs.add(run(dir, xmx, job, size, gzip, "cold", in, disk, history));
          }
          if (passes.contains("warm")) {
            runs.add(run(dir, xmx, job, size, gzip, "warm", in, disk, history));
          }
        }
      }
    }
    if (passes.contains("other")) {
      for (String size : sizes) {
        for (boolean gzip : new boolean[] {false, true}) {
          Path in = ChildJvm.input(dir, size, gzip);
          long disk = ChildJvm.diskBytes(in);
          for (String job : jobs) {
            Path history = history(dir, "sizing-history-other", job, size, gzip);
            ChildJvm.deleteTree(history);
            Files.createDirectories(history.resolve(job));
            for (String o : sizes) {
              for (boolean z : new boolean[] {false, true}) {
                if (!o.equals(size)) {
                  Path cold = oldest(history(dir, "sizing-history", job, o, z).resolve(job));
                  Files.copy(cold, history.resolve(job).resolve(cold.getFileName()));
                }
              }
            }
            runs.add(run(dir, xmx, job, size, gzip, "other", in, disk, history));
          }
        }
      }
    }
    System.out.println();
    System.out.println(header());
    runs.forEach(r -> System.out.println(line(r)));
    System.out.println();
    for (String pass : passes) {
      List<Double> errors = new ArrayList<>();
      Run worst = null;
      for (Run r : runs) {
        if (r.pass().equals(pass) && !Double.isNaN(r.error())) {
          errors.add(Math.abs(r.error()));
          if (worst == null || Math.abs(r.error()) > Math.abs(worst.error())) {
            worst = r;
          }
        }
      }
      if (worst != null) {
        System.out.printf(Locale.ROOT, "%s: median |error| %.1f%%, worst %+.1f%% (%s %s%s), "
            + "%d runs%n", pass, 100 * median(errors), 100 * worst.error(), worst.job(),
            worst.size(), worst.gzip() ? " gzip" : "", errors.size());
      }
    }
  }

  private static Path history(Path dir, String folder, String job, String size, boolean gzip) {
    return dir.resolve(folder).resolve(job + "-" + size + (gzip ? "-gz" : ""));
  }

  /** One run of {@code job} with {@code history} as its colony.history.dir, read back. */
  private static Run run(Path dir, String xmx, String job, String size, boolean gzip,
      String pass, Path in, long disk, Path history) throws Exception {
    Path out = dir.resolve("sizing-out");
    ChildJvm.deleteTree(out);
    String load = Machine.load();
    String name = "sizing-" + job + "-" + size + (gzip ? "-gz-" : "-") + pass;
    Map<String, String> r = ChildJvm.run(dir, name, xmx, "colony", job, "-D",
        "colony.history.dir=" + history, "--input", in.toString(), "--output", out.toString());
    Run run = read(job, size, gzip, pass, disk, newest(history.resolve(job)),
        ChildJvm.ms(r, "wallMs") / 1000, load);
    System.out.println("  " + line(run));
    ChildJvm.deleteTree(out);
    return run;
  }

  @SuppressWarnings("unchecked")
  private static Run read(String job, String size, boolean gzip, String pass, long disk,
      Path report, double wallS, String load) throws IOException {
    Map<String, Object> doc = JSON.readValue(report.toFile(), Map.class);
    Map<String, Object> d = (Map<String, Object>) doc.get("reducers");
    String codecSource = "-";
    Object codecs = d.get("codecs");
    if (codecs instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!"none".equals(e.getKey()) && e.getValue() instanceof Map<?, ?> c) {
          codecSource = String.valueOf(c.get("source"));
        }
      }
    }
    long diskBytes = num(doc.get("inputBytes"));
    int hive = (int) Math.min(1009, Math.max(1,
        (diskBytes + HIVE_BYTES_PER_REDUCER - 1) / HIVE_BYTES_PER_REDUCER));
    return new Run(job, size, gzip, pass, diskBytes > 0 ? diskBytes : disk,
        num(d.get("uncompressedInputBytes")), num(doc.get("bytesRead")),
        String.valueOf(d.get("shuffleRatioSource")), codecSource,
        num(d.get("predictedShuffleBytes")), num(doc.get("shuffleBytes")), num(d.get("wanted")),
        (int) num(d.get("count")), num(d.get("bytesPerReducer")), hive, wallS, load);
  }

  /** The newest run report in a job's history folder (run ids sort by time). */
  private static Path newest(Path jobHistory) throws IOException {
    return reports(jobHistory).max(Comparator.naturalOrder())
        .orElseThrow(() -> new IOException("no run report in " + jobHistory));
  }

  /** The oldest run report in a job's history folder: its cold run's. */
  private static Path oldest(Path jobHistory) throws IOException {
    return reports(jobHistory).min(Comparator.naturalOrder())
        .orElseThrow(() -> new IOException("no run report in " + jobHistory
            + " (run the cold pass first)"));
  }

  private static Stream<Path> reports(Path jobHistory) throws IOException {
    try (Stream<Path> s = Files.list(jobHistory)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).toList().stream();
    }
  }

  private static String header() {
    return String.format(Locale.ROOT, "%-12s %5s %-4s %-4s %9s %9s %-12s %10s %10s %8s %6s %6s"
        + " %5s %4s %7s  %s", "job", "size", "gz", "pass", "disk MB", "read MB", "ratio from",
        "predicted", "actual", "error", "wanted", "chosen", "ideal", "hive", "wall s",
        "load average");
  }

  private static String line(Run r) {
    return String.format(Locale.ROOT, "%-12s %5s %-4s %-4s %9.1f %9.1f %-12s %10s %10s %+7.1f%%"
        + " %6d %6d %5d %4d %7.1f  %s", r.job(), r.size(), r.gzip() ? "gz" : "-", r.pass(),
        r.diskBytes() / 1e6, r.bytesRead() / 1e6,
        r.ratioSource() + (r.gzip() ? "/" + r.codecSource() : ""), mb(r.predicted()),
        mb(r.actual()), 100 * r.error(), r.wanted(), r.chosen(), r.ideal(), r.hive(), r.wallS(),
        r.load());
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.2fM", bytes / 1e6);
  }

  private static long num(Object o) {
    return o instanceof Number n ? n.longValue() : -1;
  }

  private static double median(List<Double> l) {
    List<Double> s = new ArrayList<>(l);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
