package org.colony.io.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.colony.testing.Multisets.assertSameMultiset;
import static org.colony.testing.SplitReads.assertExactlyOnce;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.io.RejectReason;
import org.colony.testing.CountingReporter;
import org.colony.testing.LineFiles;
import org.colony.testing.LineFiles.Line;
import org.colony.testing.SplitReads;
import org.colony.testing.SplitReads.Read;
import org.colony.testing.SplitReads.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Elephant-bird style split tests: generated lines (with the record each must become known in
 * advance) are written plain, gzipped and bzip2ed, cut into tiny splits, and every split is read
 * with its own reader. Each line must come out exactly once, as the record it should be, and the
 * counters must add up: records in = parsed + rejected, bytes read = bytes written.
 */
class AccessLogInputFormatSplitTest {
  private static final int LINES = 20_000;
  private static final int MAX_LINE = 4000;

  @TempDir java.nio.file.Path dir;

  @Test
  void plainTextInManySplits() throws Exception {
    List<Line> lines = AccessLogLines.generate(LINES, 1, MAX_LINE);
    long[] offsets = LineFiles.write(out("access.log"), lines, "\n", false, true);

    Result r = readAll(conf(8 * 1024));
    assertThat(r.splits()).isGreaterThan(300);
    assertExactlyOnce("plain", r.reads(), lines, offsets);
    assertCounters(r, lines, LineFiles.length(lines, "\n", false, true));
  }

  /** One split per .gz file; a file of two gzip members (cat a.gz b.gz) is read to its end. */
  @Test
  void gzipIsOneSplitPerFile() throws Exception {
    List<Line> lines = AccessLogLines.generate(LINES, 2, MAX_LINE);
    List<Line> first = lines.subList(0, 7_000);
    List<Line> second = lines.subList(7_000, LINES);
    long[] firstOffsets = LineFiles.write(new GZIPOutputStream(out("a.log.gz")), first, "\n",
        false, true);
    // b.log.gz: two members, the first ending with a newline, the second without one
    ByteArrayOutputStream member1 = new ByteArrayOutputStream();
    ByteArrayOutputStream member2 = new ByteArrayOutputStream();
    long[] offsets1 = LineFiles.write(new GZIPOutputStream(member1), second.subList(0, 6_000),
        "\n", false, true);
    long[] offsets2 = LineFiles.write(new GZIPOutputStream(member2),
        second.subList(6_000, second.size()), "\n", false, false);
    try (OutputStream b = out("b.log.gz")) {
      member1.writeTo(b);
      member2.writeTo(b);
    }
    long length1 = LineFiles.length(second.subList(0, 6_000), "\n", false, true);
    long[] secondOffsets = LongStream.concat(LongStream.of(offsets1),
        LongStream.of(offsets2).map(o -> o + length1)).toArray();
    // empty files: one empty split each, no records
    Files.write(dir.resolve("empty.log"), new byte[0]);
    new GZIPOutputStream(out("empty.log.gz")).close();

    Result r = readAll(conf(8 * 1024));
    assertThat(r.splits()).isEqualTo(4);
    assertThat(r.inFile("a.log.gz").stream().mapToInt(Read::split).distinct().count()).isEqualTo(1);
    assertExactlyOnce("a.log.gz", r.inFile("a.log.gz"), first, firstOffsets);
    assertExactlyOnce("b.log.gz, two members", r.inFile("b.log.gz"), second, secondOffsets);
    assertCounters(r, lines, LineFiles.length(first, "\n", false, true)
        + LineFiles.length(second, "\n", false, false));
  }

  @Test
  void bzip2SplitsAndEveryLineIsReadOnce() throws Exception {
    List<Line> lines = AccessLogLines.generate(LINES, 3, MAX_LINE);
    BZip2Codec codec = new BZip2Codec();
    codec.setConf(new Configuration());
    long[] offsets = LineFiles.write(codec.createOutputStream(out("access.log.bz2")), lines,
        "\n", false, true);
    long uncompressed = LineFiles.length(lines, "\n", false, true);
    assertThat(uncompressed).as("several 900 kB bzip2 blocks").isGreaterThan(3_000_000);

    Result r = readAll(conf(48 * 1024));
    assertThat(r.splits()).isGreaterThan(5);
    // bzip2 splits start at block boundaries: several splits, not only the first, yield records
    assertThat(r.reads().stream().mapToInt(Read::split).distinct().count()).isGreaterThanOrEqualTo(3);
    assertSameMultiset("bzip2", r.reads().stream().map(Read::fingerprint).toList(),
        lines.stream().map(Line::expected).toList());
    // Keys: in the first split, the offsets in the uncompressed stream. A later split's keys are
    // its compressed start plus the uncompressed bytes it read (as with Hadoop's LineRecordReader),
    // so they are not offsets and are only checked to increase.
    List<Read> first = r.reads().stream().filter(x -> x.split() == 0).toList();
    assertThat(first).isNotEmpty();
    for (int i = 0; i < first.size(); i++) {
      assertThat(first.get(i).key() + " " + first.get(i).fingerprint())
          .isEqualTo(offsets[i] + " " + lines.get(i).expected());
    }
    for (int i = 1; i < r.reads().size(); i++) {
      Read prev = r.reads().get(i - 1);
      Read cur = r.reads().get(i);
      if (prev.split() == cur.split()) {
        assertThat(cur.key()).isGreaterThan(prev.key());
      }
    }
    assertCounters(r, lines, uncompressed);
  }

  @Test
  void crlfWithByteOrderMarkAndNoFinalNewline() throws Exception {
    List<Line> lines = AccessLogLines.generate(3_000, 4, MAX_LINE);
    long[] offsets = LineFiles.write(out("crlf.log"), lines, "\r\n", true, false);

    Result r = readAll(conf(4 * 1024));
    assertThat(r.splits()).isGreaterThan(50);
    assertExactlyOnce("crlf.log", r.reads(), lines, offsets);
    assertCounters(r, lines, LineFiles.length(lines, "\r\n", true, false));
  }

  /**
   * A small file cut in two around every line end (inside the byte order mark, between CR and LF,
   * just before and after line starts, around blank lines) and every few bytes elsewhere (inside a
   * too-long line). Each cut must give every line exactly once.
   */
  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n"})
  void everyCutOfASmallFile(String eol) throws Exception {
    int cap = 300;
    Random rnd = new Random(5);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      lines.add(AccessLogLines.valid(rnd, i, 0, cap));
    }
    lines.add(2, Line.of("", LineFiles.reject(RejectReason.BLANK_LINE, "", cap)));
    lines.add(3, Line.of("", LineFiles.reject(RejectReason.BLANK_LINE, "", cap)));
    lines.add(6, AccessLogLines.valid(rnd, 6, cap + 50, cap));
    lines.add(9, Line.of("-", LineFiles.reject(RejectReason.BAD_TIMESTAMP, "-", cap)));
    assertThat(lines.get(6).expected()).startsWith("R|LINE_TOO_LONG|");
    long[] offsets = LineFiles.write(out("small.log"), lines, eol, true, false);
    long length = LineFiles.length(lines, eol, true, false);
    assertThat(Files.size(dir.resolve("small.log"))).isEqualTo(length);

    Configuration conf = conf(1L << 20);
    conf.setInt(InputKeys.MAX_LINE_BYTES.name(), cap);
    Path file = new Path(dir.resolve("small.log").toUri());
    CountingReporter counters = new CountingReporter();
    TaskAttemptContextImpl ctx = new TaskAttemptContextImpl(conf, new TaskAttemptID(), counters);
    // From 1: FileInputFormat makes no empty split at 0 (one would read the first line, as Hadoop's
    // LineRecordReader does).
    TreeSet<Long> cuts = new TreeSet<>();
    for (long o : offsets) {
      for (long c = Math.max(1, o - 3); c <= Math.min(length, o + 4); c++) {
        cuts.add(c);
      }
    }
    for (long c = 1; c <= length; c += 11) {
      cuts.add(c);
    }
    cuts.add(length);
    for (long cut : cuts) {
      counters.reset();
      List<Read> reads = new ArrayList<>();
      FileSplit[] halves = {new FileSplit(file, 0, cut, null),
          new FileSplit(file, cut, length - cut, null)};
      for (int s = 0; s < 2; s++) {
        RecordReader<LongWritable, AccessLogRecord> reader = new AccessLogInputFormat.Reader();
        reader.initialize(halves[s], ctx);
        while (reader.nextKeyValue()) {
          reads.add(new Read(reader.getCurrentKey().get(),
              AccessLogLines.fingerprint(reader.getCurrentValue()), s, file.getName()));
        }
        reader.close();
      }
      assertExactlyOnce("cut at " + cut, reads, lines, offsets);
      assertThat(counters.get(RecordCounters.BYTES_READ)).as("cut at %d", cut).isEqualTo(length);
    }
  }

  @Test
  void lineOverTheCapIsRejectedAndTheNextLineStillRead() throws Exception {
    String before = "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET /before HTTP/1.0\" 200 1";
    String longLine = "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET /?q=" + "y".repeat(1500)
        + " HTTP/1.0\" 200 1";
    String after = "5.6.7.8 - - [10/Oct/2000:13:55:37 -0700] \"GET /after HTTP/1.0\" 404 2";
    Files.writeString(dir.resolve("long.log"), before + "\n" + longLine + "\n" + after + "\n");
    long longOffset = before.length() + 1;
    long afterOffset = longOffset + longLine.length() + 1;

    Configuration conf = conf(1L << 20);
    conf.setInt(InputKeys.MAX_LINE_BYTES.name(), 1000);
    FileSplit split = new FileSplit(new Path(dir.resolve("long.log").toUri()), 0,
        afterOffset + after.length() + 1, null);
    CountingReporter counters = new CountingReporter();
    RecordReader<LongWritable, AccessLogRecord> reader = open(conf, split, counters);

    assertThat(reader.nextKeyValue()).isTrue();
    assertThat(reader.getCurrentValue().path().toString()).isEqualTo("/before");
    assertThat(reader.nextKeyValue()).isTrue();
    AccessLogRecord rejected = reader.getCurrentValue();
    assertThat(reader.getCurrentKey().get()).isEqualTo(longOffset);
    assertThat(rejected.isRejected()).isTrue();
    assertThat(rejected.reject().reason()).isEqualTo(RejectReason.LINE_TOO_LONG);
    assertThat(rejected.reject().offset()).isEqualTo(longOffset);
    assertThat(rejected.reject().file())
        .isEqualTo("file:" + dir.resolve("long.log").toAbsolutePath());
    assertThat(rejected.reject().line().toString()).isEqualTo(longLine.substring(0, 1000));
    assertThat(reader.nextKeyValue()).isTrue();
    assertThat(reader.getCurrentKey().get()).isEqualTo(afterOffset);
    assertThat(reader.getCurrentValue().isRejected()).isFalse();
    assertThat(reader.getCurrentValue().path().toString()).isEqualTo("/after");
    assertThat(reader.getCurrentValue().status()).isEqualTo(404);
    assertThat(reader.nextKeyValue()).isFalse();
    reader.close();
    assertThat(counters.get(RejectReason.LINE_TOO_LONG)).isEqualTo(1);
    assertThat(counters.get(RecordCounters.RECORDS_IN)).isEqualTo(3);
    assertThat(counters.get(RecordCounters.BYTES_READ)).isEqualTo(afterOffset + after.length() + 1);
  }

  /** The cap counts the line's own bytes: not its CR LF, nor the file's byte order mark. */
  @ParameterizedTest
  @CsvSource({"false, LF", "true, LF", "false, CRLF", "true, CRLF"})
  void capCountsTheLineOnly(boolean bom, String eolName) throws Exception {
    int cap = 200;
    String head = "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET /";
    String tail = " HTTP/1.0\" 200 1";
    String pad = "a".repeat(cap - head.length() - tail.length());
    String atCap = head + pad + tail;
    String overCap = head + pad + "b" + tail;
    String shortLine = head + "short" + tail;
    assertThat(atCap).hasSize(cap);
    String eol = eolName.equals("LF") ? "\n" : "\r\n";
    String parsed = "P||1.2.3.4|1.2.3.4|||" + Instant.parse("2000-10-10T20:55:36Z").toEpochMilli()
        + "|-420|GET|/%s||HTTP/1.0|200|1||";
    Line lineAtCap = Line.of(atCap, String.format(parsed, pad));
    Line lineOverCap = Line.of(overCap, LineFiles.reject(RejectReason.LINE_TOO_LONG, overCap, cap));
    Line lineShort = Line.of(shortLine, String.format(parsed, "short"));
    List<Line> first = List.of(lineAtCap, lineOverCap, lineShort);
    List<Line> second = List.of(lineOverCap, lineShort);
    long[] firstOffsets = LineFiles.write(out("cap.log"), first, eol, bom, true);
    long[] secondOffsets = LineFiles.write(out("over.log"), second, eol, bom, true);

    Configuration conf = conf(1L << 20);
    conf.setInt(InputKeys.MAX_LINE_BYTES.name(), cap);
    Result r = readAll(conf);
    assertThat(r.splits()).isEqualTo(2);
    assertExactlyOnce("cap.log", r.inFile("cap.log"), first, firstOffsets);
    // a too long first line's reject holds the line without the byte order mark
    assertExactlyOnce("over.log", r.inFile("over.log"), second, secondOffsets);
  }

  @Test
  void largestLineCapStillReadsLines() throws Exception {
    String line = "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET /x HTTP/1.0\" 200 1";
    Files.writeString(dir.resolve("one.log"), line + "\n");
    Configuration conf = conf(1L << 20);
    conf.setInt(InputKeys.MAX_LINE_BYTES.name(), Integer.MAX_VALUE);
    RecordReader<LongWritable, AccessLogRecord> reader = open(conf,
        new FileSplit(new Path(dir.resolve("one.log").toUri()), 0, line.length() + 1, null),
        new CountingReporter());
    assertThat(reader.nextKeyValue()).isTrue();
    assertThat(reader.getCurrentValue().isRejected()).as("%s", reader.getCurrentValue().reject())
        .isFalse();
    assertThat(reader.getCurrentValue().path().toString()).isEqualTo("/x");
    reader.close();
  }

  private OutputStream out(String name) throws IOException {
    return new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), 1 << 16);
  }

  private Configuration conf(long maxSplit) {
    Configuration conf = new Configuration();
    conf.setLong(FileInputFormat.SPLIT_MAXSIZE, maxSplit);
    conf.setInt(InputKeys.MAX_LINE_BYTES.name(), MAX_LINE);
    return conf;
  }

  /** Enumerates the splits of everything in {@link #dir} and reads each with its own reader. */
  private Result readAll(Configuration conf) throws Exception {
    return SplitReads.readAll(new AccessLogInputFormat(), conf, List.of(new Path(dir.toUri())),
        AccessLogLines::fingerprint);
  }

  private static RecordReader<LongWritable, AccessLogRecord> open(Configuration conf,
      InputSplit split, CountingReporter counters) throws Exception {
    return SplitReads.open(new AccessLogInputFormat(), conf, split, counters);
  }

  /** Every reason the access parser can give occurs in the data (LINE_TOO_LONG from the reader). */
  private static void assertCounters(Result r, List<Line> lines, long bytesWritten) {
    SplitReads.assertCounters(r, lines, bytesWritten, EnumSet.of(RejectReason.BLANK_LINE,
        RejectReason.LINE_TOO_LONG, RejectReason.BAD_CLIENT, RejectReason.BAD_TIMESTAMP,
        RejectReason.BAD_REQUEST, RejectReason.BAD_STATUS, RejectReason.BAD_BYTES,
        RejectReason.BAD_QUOTED_FIELD, RejectReason.TRUNCATED));
  }
}
