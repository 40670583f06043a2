package org.colony.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.colony.io.syslog.SyslogParser;
import org.colony.io.syslog.SyslogRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Syslog parsing, one op = every sample line once: Colony's {@link SyslogParser} (RFC 3164,
 * RFC 3339 stamps and RFC 5424, times resolved to epoch milliseconds) against Logstash's
 * SYSLOGLINE grok pattern in java.util.regex (one String per group, times left as text).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SyslogParserBench {
  byte[][] lines;
  private final SyslogRecord record = new SyslogRecord();
  private SyslogParser parser;
  private Matcher grok;

  @Setup
  public void setup() throws IOException {
    lines = BenchData.syslogLines();
    parser = new SyslogParser();
    parser.setYearReference(2026, 11);
    grok = RegexWay.syslogLine().matcher("");
  }

  @Benchmark
  public long colony() {
    return parseAll(parser, record, lines);
  }

  @Benchmark
  public long grokRegex() {
    return AccessLogParserBench.regexAll(grok, lines);
  }

  static long parseAll(SyslogParser parser, SyslogRecord record, byte[][] lines) {
    long sum = 0;
    for (byte[] l : lines) {
      sum += parser.parse(l, l.length, record) == null ? record.timeMillis() : 1;
    }
    return sum;
  }
}
