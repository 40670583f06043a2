package org.colony.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.colony.testing.Multisets.assertSameMultiset;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.io.RejectReason;
import org.colony.io.events.EventLogs.Event;
import org.colony.io.events.EventReads.Read;
import org.colony.io.events.EventReads.Result;
import org.colony.testing.CountingReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Split tests: generated logs of multi-line events (what each must be read as known in advance)
 * are written plain, with CRLF and a byte order mark and no final newline, and gzipped, cut into
 * splits of a few kB (events straddle many boundaries; some splits hold no header at all), and
 * every split is read with its own reader. Each event must come out exactly once, at its
 * header's offset, whole or truncated as the caps say; the lines before the first header as one
 * reject; and the counters must add up.
 */
class EventInputFormatSplitTest {
  private static final int LINE_CAP = 2000;
  private static final int EVENT_CAP = 8192;

  @TempDir java.nio.file.Path dir;

  @ParameterizedTest
  @ValueSource(ints = {2048, 5000, 8192})
  void everyEventIsReadOnceAndWhole(int splitSize) throws Exception {
    java.nio.file.Path day = dir.resolve("dt=2026-11-24");
    Files.createDirectories(day);
    List<String> preamble = EventLogs.preamble(60);
    List<Event> plain = EventLogs.generate(3000, 1, LINE_CAP);
    List<Event> crlf = EventLogs.generate(1000, 2, LINE_CAP);
    List<Event> gz = EventLogs.generate(2000, 3, LINE_CAP);
    long[] plainOffsets = EventLogs.write(out(day, "app.log"), preamble, plain, "\n", false, true);
    long[] crlfOffsets = EventLogs.write(out(day, "crlf.log"), List.of(), crlf, "\r\n", true,
        false);
    long[] gzOffsets = EventLogs.write(new GZIPOutputStream(out(day, "app.log.gz")), List.of(),
        gz, "\n", false, true);
    long plainLength = EventLogs.length(preamble, plain, "\n", false, true);
    assertThat(Files.size(day.resolve("app.log"))).isEqualTo(plainLength);
    assertThat(EventLogs.length(List.of(), crlf, "\r\n", true, false))
        .isEqualTo(Files.size(day.resolve("crlf.log")));

    Result r = EventReads.readAll(conf(splitSize), new Path(day.toUri()), false);

    assertThat(r.splitsOf("app.log")).isGreaterThanOrEqualTo(plainLength / splitSize);
    assertThat(r.splitsOf("app.log.gz")).isEqualTo(1);
    assertThat(r.emptySplits("app.log")).as("splits without a header").isPositive();
    List<String> expectedPlain = new ArrayList<>();
    expectedPlain.add("0 " + EventLogs.expectedPreamble(preamble, LINE_CAP, false));
    expectedPlain.addAll(expected(plain, plainOffsets, 1));
    assertSameMultiset("app.log", r.keyed("app.log"), expectedPlain);
    assertSameMultiset("crlf.log", r.keyed("crlf.log"), expected(crlf, crlfOffsets, 0));
    assertSameMultiset("app.log.gz", r.keyed("app.log.gz"), expected(gz, gzOffsets, 0));
    // the one reject is the preamble, read by the first split
    List<Read> rejects = r.reads().stream().filter(x -> x.fingerprint().startsWith("R|")).toList();
    assertThat(rejects).hasSize(1);
    FileSplit first = r.splits().get(rejects.get(0).split());
    assertThat(first.getPath().getName() + "@" + first.getStart()).isEqualTo("app.log@0");

    int events = plain.size() + crlf.size() + gz.size();
    long truncated = r.reads().stream().filter(x -> x.fingerprint().matches("E\\|\\d+\\|T\\|.*"))
        .count();
    assertThat(truncated).as("events over a cap in the data").isGreaterThan(30);
    assertThat(expectedTruncated(plain) + expectedTruncated(crlf) + expectedTruncated(gz))
        .isEqualTo(truncated);
    CountingReporter c = r.counters();
    assertThat(c.get(RecordCounters.RECORDS_IN)).isEqualTo(events + 1);
    assertThat(c.get(RecordCounters.RECORDS_PARSED)).isEqualTo(events);
    assertThat(c.get(RecordCounters.RECORDS_REJECTED)).isEqualTo(1);
    assertThat(c.get(RejectReason.EVENT_NO_HEADER)).isEqualTo(1);
    assertThat(c.get(RecordCounters.EVENTS_TRUNCATED)).isEqualTo(truncated);
    assertThat(c.get(RecordCounters.FILES_READ)).isEqualTo(r.splits().size());
    assertThat(c.get(RecordCounters.BYTES_READ)).as("bytes read").isEqualTo(plainLength
        + EventLogs.length(List.of(), crlf, "\r\n", true, false)
        + EventLogs.length(List.of(), gz, "\n", false, true));
  }

  /**
   * A small file cut in two at every byte: inside the byte order mark, between CR and LF, around
   * every line start, inside events over the caps. Each cut must give every record exactly once.
   */
  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n"})
  void everyCutOfASmallFile(String eol) throws Exception {
    int lineCap = 120;
    int eventCap = 200;
    java.nio.file.Path day = dir.resolve("dt=2026-11-24");
    Files.createDirectories(day);
    List<String> preamble = List.of("\tat com.example.Old.rest(Old.java:1)", "", "  ... 3 more");
    List<Event> events = List.of(
        event("2026-11-24 06:00:00.000 [main] ERROR c.e.shop.A - failed", "2026-11-24T05:00:00Z",
            "java.lang.IllegalStateException: closed", "\tat c.e.shop.A.b(A.java:1)",
            "Caused by: java.lang.NullPointerException", "\t... 3 more"),
        event("2026-11-24 06:00:01,500 INFO  [main] A:1 - one line", "2026-11-24T05:00:01.500Z"),
        event("[2026-11-24 06:00:02,000] WARN blank lines inside", "2026-11-24T05:00:02Z",
            "", "  k = v", ""),
        event("Nov 24 06:00:03 web-1 shop[1]: syslog", "2026-11-24T05:00:03Z",
            " 2026-11-24 09:15:02,123 indented, no header"),
        event("2026-11-24T05:00:04.000Z INFO a line over the line cap", "2026-11-24T05:00:04Z",
            "x".repeat(150), "after"),
        event("2026-11-24T00:00:05-05:00 INFO over the event cap", "2026-11-24T05:00:05Z",
            "  a = 1234567890123456789012345678901234567890",
            "  b = 1234567890123456789012345678901234567890",
            "  c = 1234567890123456789012345678901234567890",
            "  d = 1234567890123456789012345678901234567890"),
        event("2026-11-24 06:00:06 caf\u00e9 last", "2026-11-24T05:00:06Z", "\u00e9t\u00e9"));
    java.nio.file.Path file = day.resolve("small.log");
    long[] offsets = EventLogs.write(out(day, "small.log"), preamble, events, eol, true, false);
    long length = Files.size(file);
    List<String> expected = new ArrayList<>();
    expected.add("0 " + EventLogs.expectedPreamble(preamble, lineCap, true));
    for (int i = 0; i < events.size(); i++) {
      expected.add(offsets[i + 1] + " " + EventLogs.expected(events.get(i), lineCap, eventCap,
          true));
    }
    assertThat(expected.get(5)).contains("|T|"); // over the line cap
    assertThat(expected.get(6)).contains("|T|"); // over the event cap

    Configuration conf = conf(1L << 20);
    conf.setInt(InputKeys.MAX_LINE_BYTES.name(), lineCap);
    conf.setInt(EventKeys.MAX_BYTES.name(), eventCap);
    Path path = new Path(file.toUri());
    CountingReporter counters = new CountingReporter();
    for (long cut = 1; cut <= length; cut++) {
      counters.reset();
      List<String> reads = new ArrayList<>();
      FileSplit[] halves = {new FileSplit(path, 0, cut, null),
          new FileSplit(path, cut, length - cut, null)};
      for (int s = 0; s < 2; s++) {
        EventReads.read(conf, halves[s], counters, s, true).forEach(x -> reads.add(x.keyed()));
      }
      assertSameMultiset("cut at " + cut, reads, expected);
      assertThat(counters.get(RecordCounters.BYTES_READ)).as("cut at %d", cut).isEqualTo(length);
      assertThat(counters.get(RecordCounters.EVENTS_TRUNCATED)).as("cut at %d", cut).isEqualTo(2);
      assertThat(counters.get(RecordCounters.RECORDS_IN)).isEqualTo(events.size() + 1);
    }
  }

  /** A file of no header at all is one reject, whatever the splits. */
  @Test
  void aFileWithoutHeadersIsOneReject() throws Exception {
    List<String> lines = EventLogs.preamble(200);
    long[] offsets = EventLogs.write(out(dir, "noheader.log"), lines, List.of(), "\n", false, true);
    Result r = EventReads.readAll(conf(1024), new Path(dir.toUri()), false);
    assertThat(r.splits().size()).isGreaterThan(5);
    assertThat(r.keyed("noheader.log")).containsExactly(
        offsets[0] + " " + EventLogs.expectedPreamble(lines, LINE_CAP, false));
    assertThat(r.counters().get(RecordCounters.BYTES_READ))
        .isEqualTo(Files.size(dir.resolve("noheader.log")));
  }

  private static Event event(String header, String time, String... more) {
    List<String> lines = new ArrayList<>();
    lines.add(header);
    lines.addAll(List.of(more));
    return new Event(lines, Instant.parse(time).toEpochMilli());
  }

  private static List<String> expected(List<Event> events, long[] offsets, int first) {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      expected.add(offsets[first + i] + " " + EventLogs.expected(events.get(i), LINE_CAP,
          EVENT_CAP, false));
    }
    return expected;
  }

  private static long expectedTruncated(List<Event> events) {
    return events.stream().filter(e -> EventLogs.expected(e, LINE_CAP, EVENT_CAP, false)
        .matches("E\\|\\d+\\|T\\|.*")).count();
  }

  private static OutputStream out(java.nio.file.Path folder, String name) throws IOException {
    return new BufferedOutputStream(Files.newOutputStream(folder.resolve(name)), 1 << 16);
  }

  private static Configuration conf(long maxSplit) {
    Configuration conf = new Configuration();
    conf.setLong(FileInputFormat.SPLIT_MAXSIZE, maxSplit);
    conf.setInt(InputKeys.MAX_LINE_BYTES.name(), LINE_CAP);
    conf.setInt(EventKeys.MAX_BYTES.name(), EVENT_CAP);
    conf.set(EventKeys.TIMEZONE.name(), EventLogs.ZONE.getId());
    return conf;
  }
}
