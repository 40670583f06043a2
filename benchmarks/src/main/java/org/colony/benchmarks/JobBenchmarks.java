package org.colony.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 2: the whole job, embedded, on one generated input, in one run, each in a child JVM
 * with the same heap cap: (a) {@code colony access-stats}; (b) the in-process limit, the same
 * tables in one thread over Colony's parser ({@link InProcessAccessStats}); (c) the job the
 * Hive/Pig way ({@link HiveWayAccessStats}). Prints each run's wall and CPU time, throughput,
 * peak RSS and report rows, and the ratios a/b and a/c.
 *
 * <pre>  benchmarks/run.sh jobs [DIR] [SIZE, default 1g]</pre>
 */
public final class JobBenchmarks {
  private JobBenchmarks() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir")
        + "/colony-bench").toAbsolutePath();
    String size = args.length > 1 ? args[1] : "1g";
    String xmx = System.getenv().getOrDefault("COLONY_BENCH_XMX", "512m");
    Files.createDirectories(dir);
    Machine.print(System.out);
    System.out.println("== 2. whole job, embedded (conf/local: local mode, 2 map slots), -Xmx"
        + xmx + " per child JVM, input " + size + " ==");
    Path in = ChildJvm.input(dir, size, false);
    long bytes = ChildJvm.diskBytes(in);
    System.out.printf("  input %s: %.1f MB in %s%n", in, bytes / 1e6, in);
    Path outA = dir.resolve("out-a-access-stats");
    Path outB = dir.resolve("out-b-inprocess");
    Path outC = dir.resolve("out-c-hiveway");
    for (Path p : new Path[] {outA, outB, outC}) {
      ChildJvm.deleteTree(p);
    }
    System.out.println("  load before: " + Machine.load());
    Map<String, String> a = ChildJvm.run(dir, "a-access-stats", xmx, "colony", "access-stats",
        "--input", in.toString(), "--output", outA.toString());
    System.out.println("  load: " + Machine.load());
    Map<String, String> b = ChildJvm.run(dir, "b-inprocess", xmx, "inprocess", in.toString(),
        outB.toString());
    System.out.println("  load: " + Machine.load());
    int reducers = 2; // the local reduce slots; Hive would take ceil(input / 256 MB)
    Map<String, String> c = ChildJvm.run(dir, "c-hiveway", xmx, "hiveway", in.toString(),
        outC.toString(), String.valueOf(reducers));
    System.out.println("  load after: " + Machine.load());

    System.out.println();
    System.out.printf(Locale.ROOT, "%-30s %8s %8s %9s %11s %8s  %s%n", "run", "wall s", "CPU s",
        "MB/s", "MB/CPU-s", "RSS MB", "rows (hourly urls clients top)");
    print("(a) colony access-stats", a, bytes);
    print("(b) in-process loop, 1 thread", b, bytes);
    print("(c) Hive/Pig-way MR job", c, bytes);
    System.out.printf(Locale.ROOT, "%n(a) reducers %d (the driver's choice); (c) reducers %d (the "
        + "local reduce slots)%n", reducersOf(outA), reducers);
    double aw = ChildJvm.ms(a, "wallMs");
    double bw = ChildJvm.ms(b, "wallMs");
    double cw = ChildJvm.ms(c, "wallMs");
    double ac = ChildJvm.ms(a, "cpuMs");
    double bc = ChildJvm.ms(b, "cpuMs");
    double cc = ChildJvm.ms(c, "cpuMs");
    System.out.printf(Locale.ROOT, "throughput a/b: %.2f by wall time, %.2f per CPU-second "
        + "(target >= 0.5)%n", bw / aw, bc / ac);
    System.out.printf(Locale.ROOT, "throughput a/c: %.2f by wall time, %.2f per CPU-second "
        + "(target >= 3)%n", cw / aw, cc / ac);
    System.out.printf(Locale.ROOT, "peak RSS: a %.0f MB, b %.0f MB, c %.0f MB%n",
        ChildJvm.ms(a, "vmHwmKb") / 1024, ChildJvm.ms(b, "vmHwmKb") / 1024,
        ChildJvm.ms(c, "vmHwmKb") / 1024);
  }

  private static void print(String name, Map<String, String> r, long bytes) {
    double wall = ChildJvm.ms(r, "wallMs") / 1000;
    double cpu = ChildJvm.ms(r, "cpuMs") / 1000;
    System.out.printf(Locale.ROOT, "%-30s %8.1f %8.1f %9.1f %11.1f %8.0f  %s %s %s %s%n", name,
        wall, cpu, bytes / 1e6 / wall, bytes / 1e6 / cpu, ChildJvm.ms(r, "vmHwmKb") / 1024,
        r.get("hourlyRows"), r.get("urlsRows"), r.get("clientsRows"), r.get("topRows"));
  }

  /** The reducer count the driver chose, from the run's manifest (-1 if it cannot be read). */
  static int reducersOf(Path out) {
    try {
      String m = Files.readString(out.resolve("_manifest.json"));
      Matcher x = Pattern.compile("\"reducers\"\\s*:\\s*\\{[^}]*?\"count\"\\s*:\\s*(\\d+)")
          .matcher(m);
      return x.find() ? Integer.parseInt(x.group(1)) : -1;
    } catch (Exception e) {
      return -1;
    }
  }
}
