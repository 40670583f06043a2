package org.colony.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import org.colony.io.access.AccessLineParser;
import org.colony.io.access.AccessLogFormats;
import org.colony.io.access.AccessLogRecord;
import org.colony.io.syslog.SyslogParser;
import org.colony.io.syslog.SyslogRecord;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Benchmark 1: Colony's parsers against the regex way. Runs the JMH benchmarks
 * ({@link AccessLogParserBench}, {@link SyslogParserBench}) and prints MB/s and the ratios; then,
 * because JMH measures wall time and this machine is shared, measures the same pairs again
 * interleaved, per second of the measuring thread's CPU time.
 *
 * <pre>  benchmarks/run.sh parsers [SECONDS_PER_ITERATION]</pre>
 */
public final class ParserBenchmarks {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private ParserBenchmarks() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    Machine.print(System.out);
    Options opts = new OptionsBuilder()
        .include(AccessLogParserBench.class.getSimpleName())
        .include(SyslogParserBench.class.getSimpleName())
        .warmupTime(TimeValue.seconds(seconds)).measurementTime(TimeValue.seconds(seconds))
        .jvmArgsAppend("-D" + BenchData.ROOT_PROPERTY + "=" + BenchData.root(), "-Xmx1g")
        .build();
    Collection<RunResult> results = new Runner(opts).run();

    Map<String, Double> opsPerSecond = new LinkedHashMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark().replaceFirst(".*\\.(\\w+\\.\\w+)$", "$1");
      String data = r.getParams().getParam("data");
      opsPerSecond.put(name + (data == null ? "" : "/" + data),
          r.getPrimaryResult().getScore());
    }
    System.out.println();
    System.out.println("== JMH (wall time), MB/s of log lines and ratios ==");
    for (String data : new String[] {"sample", "realdata", "generated"}) {
      byte[][] lines = BenchData.accessLines(data);
      double mb = BenchData.bytes(lines) / 1e6;
      double auto = opsPerSecond.get("AccessLogParserBench.auto/" + data) * mb;
      double compiled = opsPerSecond.get("AccessLogParserBench.compiledCombined/" + data) * mb;
      double regex = opsPerSecond.get("AccessLogParserBench.hiveRegex/" + data) * mb;
      System.out.printf(Locale.ROOT, "access %-9s (%6d lines, %6.2f MB): auto %7.1f  compiled "
          + "combined %7.1f  Hive regex %7.1f MB/s  => auto/regex %.2fx  combined/regex %.2fx%n",
          data, lines.length, mb, auto, compiled, regex, auto / regex, compiled / regex);
    }
    byte[][] sys = BenchData.syslogLines();
    double smb = BenchData.bytes(sys) / 1e6;
    double colony = opsPerSecond.get("SyslogParserBench.colony") * smb;
    double grok = opsPerSecond.get("SyslogParserBench.grokRegex") * smb;
    System.out.printf(Locale.ROOT, "syslog sample   (%6d lines, %6.2f MB): SyslogParser %7.1f  "
        + "grok SYSLOGLINE %7.1f MB/s  => %.2fx%n", sys.length, smb, colony, grok, colony / grok);

    cpuTimeCheck(Math.max(1, seconds));
  }

  /** The same pairs, interleaved, in MB per second of this thread's CPU time. */
  static void cpuTimeCheck(double seconds) throws Exception {
    System.out.println();
    System.out.println("== interleaved, per CPU-second of the measuring thread (median of 5) ==");
    AccessLogRecord r = new AccessLogRecord();
    AccessLineParser auto = AccessLogFormats.parser("auto");
    AccessLineParser combined = AccessLogFormats.parser("combined");
    Matcher hive = RegexWay.hive().matcher("");
    for (String data : new String[] {"sample", "realdata", "generated"}) {
      byte[][] lines = BenchData.accessLines(data);
      double[] mbs = interleaved(lines, seconds,
          l -> parse(auto, r, l), l -> parse(combined, r, l),
          l -> AccessLogParserBench.regexAll(hive, l));
      System.out.printf(Locale.ROOT, "access %-9s auto %7.1f  compiled combined %7.1f  Hive regex "
          + "%7.1f MB/s  => auto/regex %.2fx  combined/regex %.2fx%n", data, mbs[0], mbs[1],
          mbs[2], mbs[0] / mbs[2], mbs[1] / mbs[2]);
    }
    byte[][] sys = BenchData.syslogLines();
    SyslogParser parser = new SyslogParser();
    parser.setYearReference(2026, 11);
    SyslogRecord sr = new SyslogRecord();
    Matcher grok = RegexWay.syslogLine().matcher("");
    double[] s = interleaved(sys, seconds, l -> SyslogParserBench.parseAll(parser, sr, l),
        l -> AccessLogParserBench.regexAll(grok, l));
    System.out.printf(Locale.ROOT, "syslog sample    SyslogParser %7.1f  grok SYSLOGLINE %7.1f MB/s"
        + "  => %.2fx%n", s[0], s[1], s[0] / s[1]);
  }

  private static long parse(AccessLineParser p, AccessLogRecord r, byte[][] lines) {
    long sum = 0;
    for (byte[] l : lines) {
      sum += p.parse(l, l.length, r) == null ? r.status() : 1;
    }
    return sum;
  }

  @SafeVarargs
  private static double[] interleaved(byte[][] lines, double seconds,
      ToLongFunction<byte[][]>... passes) {
    double mb = BenchData.bytes(lines) / 1e6;
    for (ToLongFunction<byte[][]> p : passes) {
      rate(p, lines, seconds); // warm up
    }
    int rounds = 5;
    double[][] r = new double[passes.length][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < passes.length; i++) {
        r[i][round] = rate(passes[i], lines, seconds) * mb;
      }
    }
    double[] median = new double[passes.length];
    for (int i = 0; i < passes.length; i++) {
      Arrays.sort(r[i]);
      median[i] = r[i][rounds / 2];
    }
    return median;
  }

  /** Passes per CPU-second of this thread, over about {@code seconds} of it. */
  private static double rate(ToLongFunction<byte[][]> p, byte[][] lines, double seconds) {
    long sink = 0;
    int n = 0;
    long start = CPU.getCurrentThreadCpuTime();
    long end = start + (long) (seconds * 1e9);
    long now;
    do {
      sink += p.applyAsLong(lines);
      n++;
      now = CPU.getCurrentThreadCpuTime();
    } while (now < end);
    if (sink == 42) {
      System.out.print("");
    }
    return n / ((now - start) / 1e9);
  }
}
