package org.colony.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark 3: peak memory of access-stats and sessions, embedded, with the same -Xmx512m, at
 * each input size (default 1g and 10g): each run in a child JVM that reports its VmHWM and its
 * heap peaks ({@link HeapWatch}). {@code COLONY_BENCH_MEMORY_JOBS} (default "access-stats
 * sessions") chooses the jobs. An input
 * larger than a quarter of the free disk is generated gzip-compressed; inputs above 1 GB and all
 * outputs are deleted afterwards.
 *
 * <pre>  benchmarks/run.sh memory [DIR] [SIZE...]</pre>
 */
public final class MemoryBenchmarks {
  private MemoryBenchmarks() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir")
        + "/colony-bench").toAbsolutePath();
    List<String> sizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sizes.add(args[i]);
    }
    if (sizes.isEmpty()) {
      sizes = List.of("1g", "10g");
    }
    String xmx = System.getenv().getOrDefault("COLONY_BENCH_XMX", "512m");
    Files.createDirectories(dir);
    Machine.print(System.out);
    System.out.println("== 3. peak memory, embedded, -Xmx" + xmx + " ==");
    List<String> rows = new ArrayList<>();
    for (String size : sizes) {
      long want = org.apache.hadoop.util.StringUtils.TraditionalBinaryPrefix.string2long(size);
      long free = Files.getFileStore(dir).getUsableSpace();
      boolean gzip = want * 4 > free;
      System.out.printf(Locale.ROOT, "  %s: %.1f GB free on %s%s%n", size, free / 1e9, dir,
          gzip ? ": too little for plain input and the jobs' spills, generating gzip" : "");
      Path in = ChildJvm.input(dir, size, gzip);
      long bytes = ChildJvm.diskBytes(in);
      for (String job : System.getenv().getOrDefault("COLONY_BENCH_MEMORY_JOBS",
          "access-stats sessions").trim().split("\\s+")) {
        Path out = dir.resolve("mem-" + job + "-" + size);
        ChildJvm.deleteTree(out);
        String load = Machine.load();
        Map<String, String> r = ChildJvm.run(dir, "mem-" + job + "-" + size, xmx, "colony", job,
            "--input", in.toString(), "--output", out.toString());
        rows.add(String.format(Locale.ROOT, "%-13s %5s%s %10.1f %9.1f %9.1f %9.0f %9.0f %9.0f"
            + "   %s", job, size, gzip ? " gz" : "   ", bytes / 1e6,
            ChildJvm.ms(r, "wallMs") / 1000, ChildJvm.ms(r, "cpuMs") / 1000,
            ChildJvm.ms(r, "vmHwmKb") / 1024, ChildJvm.ms(r, "heapPeakKb") / 1024,
            ChildJvm.ms(r, "liveHeapPeakKb") / 1024, load));
        System.out.println("  " + rows.get(rows.size() - 1));
        ChildJvm.deleteTree(out);
      }
      if (want > (1L << 30)) {
        ChildJvm.deleteTree(in.getParent());
      }
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "%-13s %8s %10s %9s %9s %9s %9s %9s   %s%n", "job", "input",
        "disk MB", "wall s", "CPU s", "RSS MB", "heap MB", "live MB", "load average at start");
    System.out.println("(RSS: VmHWM; heap: sum of the heap pools' peaks; live: the most heap in use"
        + " right after a collection)");
    rows.forEach(System.out::println);
  }
}
