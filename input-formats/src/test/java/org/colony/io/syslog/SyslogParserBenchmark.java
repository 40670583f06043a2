package org.colony.io.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.colony.io.RejectReason;
import org.colony.testing.Paths;

/**
 * Parse throughput of {@link SyslogParser} on the sample syslog lines, one thread, after warming
 * up: a benchmark that prints figures, not a test. Lines are parsed from one byte array, as the
 * reader hands them over, into one reused record.
 *
 * <pre>
 *   mvn -q -o test-compile -pl input-formats
 *   mvn -q -o dependency:build-classpath -pl input-formats -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp input-formats/target/test-classes:input-formats/target/classes:$(cat /tmp/cp.txt) \
 *       org.colony.io.syslog.SyslogParserBenchmark [seconds per round, default 3]
 * </pre>
 */
public final class SyslogParserBenchmark {
  private SyslogParserBenchmark() {}

  /** The lines of a file set: their bytes back to back, with starts and lengths. */
  private record Lines(String name, byte[] bytes, int[] start, int[] length) {
    long totalBytes() {
      long n = 0;
      for (int l : length) {
        n += l;
      }
      return n;
    }
  }

  public static void main(String[] args) throws IOException {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    Lines day1 = lines("RFC 3164 + 5424 (dt=2026-11-24)",
        Paths.sampleData("logs/syslog/dt=2026-11-24/syslog"));
    Lines day2 = lines("RFC 3339 + 5424 (dt=2026-11-25)",
        Paths.sampleData("logs/syslog/dt=2026-11-25/syslog.gz"));
    SyslogParser parser = new SyslogParser();
    parser.setYearReference(2026, 11);
    System.out.printf("java %s, %s, %d cores%n", System.getProperty("java.version"),
        System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
    System.out.println("warming up...");
    for (int i = 0; i < 3; i++) {
      run(parser, day1, seconds);
      run(parser, day2, seconds);
    }
    for (Lines l : List.of(day1, day2)) {
      List<double[]> rounds = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        double[] r = run(parser, l, seconds);
        rounds.add(r);
        System.out.printf("  %-32s round %d: %7.1f MB/s  %6.2f M lines/s%n", l.name(), round + 1,
            r[0], r[1]);
      }
      rounds.sort((a, b) -> Double.compare(a[0], b[0]));
      double[] median = rounds.get(rounds.size() / 2);
      double[] best = rounds.get(rounds.size() - 1);
      System.out.printf("%-34s median %7.1f MB/s  %6.2f M lines/s; best %7.1f MB/s  "
          + "(%d lines, %.1f bytes/line)%n", l.name(), median[0], median[1], best[0],
          l.start().length, l.totalBytes() / (double) l.start().length);
    }
  }

  /** Parses the lines over and over for about {@code seconds}; {MB/s, million lines/s}. */
  private static double[] run(SyslogParser parser, Lines l, double seconds) {
    SyslogRecord r = new SyslogRecord();
    byte[] line = new byte[65536];
    long bytes = 0;
    long lines = 0;
    long rejected = 0;
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    long now;
    do {
      for (int i = 0; i < l.start().length; i++) {
        int n = l.length()[i];
        // as the reader does: the line in a buffer of its own, from offset 0
        System.arraycopy(l.bytes(), l.start()[i], line, 0, n);
        RejectReason reason = parser.parse(line, n, r);
        if (reason != null) {
          rejected++;
        }
        bytes += n;
      }
      lines += l.start().length;
      now = System.nanoTime();
    } while (now < deadline);
    if (rejected == 0) {
      throw new AssertionError("the sample lines hold malformed lines");
    }
    double elapsed = (now - start) / 1e9;
    return new double[] {bytes / elapsed / 1e6, lines / elapsed / 1e6};
  }

  private static Lines lines(String name, Path file) throws IOException {
    byte[] all;
    try (InputStream in = file.toString().endsWith(".gz")
        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      all = in.readAllBytes();
    }
    List<int[]> spans = new ArrayList<>();
    int s = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        spans.add(new int[] {s, i - s});
        s = i + 1;
      }
    }
    int[] start = new int[spans.size()];
    int[] length = new int[spans.size()];
    for (int i = 0; i < start.length; i++) {
      start[i] = spans.get(i)[0];
      length[i] = spans.get(i)[1];
    }
    return new Lines(name, all, start, length);
  }
}
