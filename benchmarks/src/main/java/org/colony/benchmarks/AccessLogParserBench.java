package org.colony.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.colony.io.access.AccessLineParser;
import org.colony.io.access.AccessLogFormats;
import org.colony.io.access.AccessLogRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Access log parsing, one op = every line of the data set once: Colony's {@code auto} parser,
 * the compiled {@code combined} preset, and the regex way (Hive's RegexSerDe combined regex on the
 * line decoded to a String, one String per group, as the SerDe does; it converts no time and does
 * not split the request, so it does less than the parsers).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AccessLogParserBench {
  @Param({"sample", "realdata", "generated"})
  public String data;

  byte[][] lines;
  private final AccessLogRecord record = new AccessLogRecord();
  private AccessLineParser auto;
  private AccessLineParser combined;
  private Matcher hive;

  @Setup
  public void setup() throws IOException {
    lines = BenchData.accessLines(data);
    auto = AccessLogFormats.parser("auto");
    combined = AccessLogFormats.parser("combined");
    hive = RegexWay.hive().matcher("");
  }

  @Benchmark
  public long auto() {
    return parseAll(auto);
  }

  @Benchmark
  public long compiledCombined() {
    return parseAll(combined);
  }

  @Benchmark
  public long hiveRegex() {
    return regexAll(hive, lines);
  }

  long parseAll(AccessLineParser parser) {
    long sum = 0;
    for (byte[] l : lines) {
      sum += parser.parse(l, l.length, record) == null ? record.status() + record.timeMillis() : 1;
    }
    return sum;
  }

  static long regexAll(Matcher m, byte[][] lines) {
    long sum = 0;
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

  static Pattern pattern() {
    return RegexWay.hive();
  }
}
