package org.colony.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link Child} in a JVM of its own with this JVM's classpath (conf/local first: embedded
 * mode, two map slots), a heap cap, and scratch space under the benchmark folder; its output goes
 * to a log file, its RESULT line comes back as a map.
 */
final class ChildJvm {
  private ChildJvm() {}

  static Map<String, String> run(Path dir, String name, String xmx, String... args)
      throws IOException, InterruptedException {
    Path local = dir.resolve("local");
    Files.createDirectories(local.resolve("tmp"));
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + xmx,
        "-Dcolony.local.dir=" + local, "-Djava.io.tmpdir=" + local.resolve("tmp"),
        "-D" + BenchData.ROOT_PROPERTY + "=" + BenchData.root()));
    String extra = System.getenv("COLONY_BENCH_CHILD_OPTS");
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(List.of(extra.trim().split("\\s+")));
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
    cmd.addAll(List.of(args));
    Path log = dir.resolve(name + ".log");
    System.out.printf("  %s: %s (log %s)%n", name, String.join(" ", args), log);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    int code = p.waitFor();
    Map<String, String> result = new LinkedHashMap<>();
    for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (l.startsWith("RESULT ")) {
        for (String kv : l.substring(7).split(" ")) {
          int eq = kv.indexOf('=');
          result.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
      }
    }
    if (code != 0 || result.isEmpty()) {
      throw new IOException(name + " failed (exit " + code + "); see " + log);
    }
    return result;
  }

  /** The generated input of {@code size} under {@code dir}, made once (a child JVM runs it). */
  static Path input(Path dir, String size, boolean gzip) throws IOException, InterruptedException {
    Path root = dir.resolve("input-" + size + (gzip ? "-gz" : ""));
    Path logs = root.resolve("access");
    if (!Files.exists(logs.resolve("_SUCCESS"))) {
      List<String> args = new ArrayList<>(List.of("colony", "gen-access-logs", "--output",
          logs.toString(), "--bytes", size, "--seed", "1"));
      if (gzip) {
        args.add("--gzip");
      }
      Map<String, String> r = run(dir, "gen-" + size, "512m", args.toArray(new String[0]));
      System.out.printf("  generated %s%s in %.1f s wall, %.1f s CPU%n", size,
          gzip ? " (gzip)" : "", ms(r, "wallMs") / 1000, ms(r, "cpuMs") / 1000);
    }
    return logs;
  }

  static double ms(Map<String, String> r, String key) {
    return Double.parseDouble(r.getOrDefault(key, "NaN"));
  }

  static long diskBytes(Path root) throws IOException {
    try (var s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString()
          .startsWith(".")).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
