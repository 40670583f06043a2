package org.colony.io.access;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.colony.testing.Paths;

/**
 * Parse throughput on one thread (per second of its CPU time), warmed, all in the same run: the auto parser, the compiled
 * {@code combined} preset, and java.util.regex with the combined-log regex of Hive's RegexSerDe
 * example (match and one String per group, as the SerDe does: no time conversion, no request
 * split, so it does less work than the two parsers). Not a test: it prints figures.
 *
 * <pre>
 *   mvn -q -o test-compile -pl input-formats
 *   mvn -q -o dependency:build-classpath -pl input-formats -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp input-formats/target/classes:input-formats/target/test-classes:$(cat /tmp/cp.txt) \
 *       org.colony.io.access.AccessLogParseBenchmark [FILE] [SECONDS_PER_ROUND]
 * </pre>
 *
 * The file defaults to sample-data day 1 (Apache combined).
 */
public final class AccessLogParseBenchmark {
  /** Hive's RegexSerDe example for Apache combined logs (its "input.regex"). */
  static final String HIVE_REGEX = "([^ ]*) ([^ ]*) ([^ ]*) (-|\\[[^\\]]*\\]) ([^ \"]*|\"[^\"]*\") "
      + "(-|[0-9]*) (-|[0-9]*)(?: ([^ \"]*|\"[^\"]*\") ([^ \"]*|\"[^\"]*\"))?";

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private interface Pass {
    /** Parses every line once; returns something that depends on the results. */
    long run(byte[][] lines);
  }

  private AccessLogParseBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path file = args.length > 0 && !args[0].isEmpty() ? Path.of(args[0])
        : Paths.sampleData("logs/access/dt=2026-11-24/access.log");
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2.0;
    byte[][] lines = lines(file);
    long bytes = 0;
    for (byte[] l : lines) {
      bytes += l.length + 1;
    }
    System.out.printf(Locale.ROOT, "%s: %d lines, %d bytes; java %s%n", file, lines.length, bytes,
        System.getProperty("java.version"));

    AccessLineParser auto = AccessLogFormats.parser("auto");
    AccessLineParser combined = AccessLogFormats.parser("combined");
    Pattern regex = Pattern.compile(HIVE_REGEX);
    String[] names = {"auto", "compiled combined", "java.util.regex (Hive)"};
    Pass[] passes = {l -> parseAll(auto, l), l -> parseAll(combined, l), l -> regexAll(regex, l)};

    // warm up each in turn, then measure them interleaved, several rounds
    for (Pass p : passes) {
      time(p, lines, seconds);
    }
    int rounds = 5;
    double[][] mbs = new double[passes.length][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < passes.length; i++) {
        mbs[i][round] = time(passes[i], lines, seconds) * bytes / 1e6;
      }
    }
    for (int i = 0; i < passes.length; i++) {
      double[] s = mbs[i].clone();
      Arrays.sort(s);
      System.out.printf(Locale.ROOT, "%-24s median %7.1f MB/s  (min %.1f, max %.1f over %d rounds"
          + " of %.1f s CPU)%n", names[i], s[rounds / 2], s[0], s[rounds - 1], rounds, seconds);
    }
    double autoMedian = median(mbs[0]);
    System.out.printf(Locale.ROOT, "compiled combined / auto = %.2f; regex / auto = %.2f%n",
        median(mbs[1]) / autoMedian, median(mbs[2]) / autoMedian);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  /**
   * Passes over the file per second of this thread's CPU time, running passes for about
   * {@code seconds} of it: on a machine shared with other work, time the thread spent descheduled
   * does not count.
   */
  private static double time(Pass p, byte[][] lines, double seconds) {
    long sink = 0;
    int passes = 0;
    long start = CPU.getCurrentThreadCpuTime();
    long deadline = start + (long) (seconds * 1e9);
    long now;
    do {
      sink += p.run(lines);
      passes++;
      now = CPU.getCurrentThreadCpuTime();
    } while (now < deadline);
    if (sink == 42) {
      System.out.print("");
    }
    return passes / ((now - start) / 1e9);
  }

  private static long parseAll(AccessLineParser parser, byte[][] lines) {
    AccessLogRecord r = new AccessLogRecord();
    long sum = 0;
    for (byte[] l : lines) {
      sum += parser.parse(l, l.length, r) == null ? r.status() + r.timeMillis() : 1;
    }
    return sum;
  }

  private static long regexAll(Pattern regex, byte[][] lines) {
    long sum = 0;
    Matcher m = regex.matcher("");
    for (byte[] l : lines) {
      m.reset(new String(l, StandardCharsets.UTF_8));
      if (m.matches()) {
        for (int g = 1; g <= m.groupCount(); g++) {
          String v = m.group(g);
          sum += v == null ? 0 : v.length();
        }
      } else {
        sum++;
      }
    }
    return sum;
  }

  private static byte[][] lines(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        lines.add(Arrays.copyOfRange(all, start, i));
        start = i + 1;
      }
    }
    if (start < all.length) {
      lines.add(Arrays.copyOfRange(all, start, all.length));
    }
    return lines.toArray(new byte[0][]);
  }
}
