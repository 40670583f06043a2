package org.colony.io.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.colony.testing.Multisets.assertSameMultiset;
import static org.colony.testing.SplitReads.assertExactlyOnce;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.colony.io.InputKeys;
import org.colony.io.RejectReason;
import org.colony.testing.CountingReporter;
import org.colony.testing.LineFiles;
import org.colony.testing.LineFiles.Line;
import org.colony.testing.SplitReads;
import org.colony.testing.SplitReads.Read;
import org.colony.testing.SplitReads.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Split tests of {@link SyslogInputFormat}, as for the access logs: generated lines (with the
 * record each must become known in advance) written plain, gzipped and bzip2ed under a
 * {@code dt=} folder, cut into tiny splits, every split read with its own reader. Each line must
 * come out exactly once as the record it should be; records in = parsed + rejected; bytes read =
 * bytes written. And each file takes the year of its BSD timestamps from its own path.
 */
class SyslogInputFormatSplitTest {
  private static final int LINES = 20_000;
  private static final int MAX_LINE = 4000;
  /** The reject reasons the generated lines hold: every one the syslog reader gives. */
  private static final EnumSet<RejectReason> REASONS = EnumSet.of(RejectReason.BLANK_LINE,
      RejectReason.LINE_TOO_LONG, RejectReason.SYSLOG_PRIORITY, RejectReason.SYSLOG_VERSION,
      RejectReason.SYSLOG_TIMESTAMP, RejectReason.SYSLOG_HOSTNAME, RejectReason.SYSLOG_APP_NAME,
      RejectReason.SYSLOG_PROCID, RejectReason.SYSLOG_MSGID, RejectReason.SYSLOG_STRUCTURED_DATA,
      RejectReason.SYSLOG_MESSAGE, RejectReason.SYSLOG_TRUNCATED);

  @TempDir java.nio.file.Path dir;

  @Test
  void plainTextInManySplits() throws Exception {
    List<Line> lines = SyslogLines.generate(LINES, 11, MAX_LINE);
    long[] offsets = LineFiles.write(out("dt=2026-11-25/syslog"), lines, "\n", false, true);

    Result r = readAll(conf(8 * 1024), "dt=2026-11-25");
    assertThat(r.splits()).isGreaterThan(200);
    assertExactlyOnce("plain", r.reads(), lines, offsets);
    SplitReads.assertCounters(r, lines, LineFiles.length(lines, "\n", false, true), REASONS);
  }

  /** One split per .gz file; a file of two gzip members is read to its end. */
  @Test
  void gzipIsOneSplitPerFile() throws Exception {
    List<Line> lines = SyslogLines.generate(LINES, 12, MAX_LINE);
    List<Line> first = lines.subList(0, 8_000);
    List<Line> second = lines.subList(8_000, LINES);
    long[] firstOffsets = LineFiles.write(new GZIPOutputStream(out("dt=2026-11-25/syslog.gz")),
        first, "\n", false, true);
    ByteArrayOutputStream member1 = new ByteArrayOutputStream();
    ByteArrayOutputStream member2 = new ByteArrayOutputStream();
    List<Line> part1 = second.subList(0, 5_000);
    List<Line> part2 = second.subList(5_000, second.size());
    long[] offsets1 = LineFiles.write(new GZIPOutputStream(member1), part1, "\n", false, true);
    long[] offsets2 = LineFiles.write(new GZIPOutputStream(member2), part2, "\n", false, false);
    try (OutputStream b = out("dt=2026-11-25/syslog.1.gz")) {
      member1.writeTo(b);
      member2.writeTo(b);
    }
    long length1 = LineFiles.length(part1, "\n", false, true);
    long[] secondOffsets = LongStream.concat(LongStream.of(offsets1),
        LongStream.of(offsets2).map(o -> o + length1)).toArray();

    Result r = readAll(conf(8 * 1024), "dt=2026-11-25");
    assertThat(r.splits()).isEqualTo(2);
    assertExactlyOnce("syslog.gz", r.inFile("syslog.gz"), first, firstOffsets);
    assertExactlyOnce("syslog.1.gz, two members", r.inFile("syslog.1.gz"), second, secondOffsets);
    SplitReads.assertCounters(r, lines, LineFiles.length(first, "\n", false, true)
        + LineFiles.length(second, "\n", false, false), REASONS);
  }

  @Test
  void bzip2SplitsAndEveryLineIsReadOnce() throws Exception {
    List<Line> lines = SyslogLines.generate(LINES, 13, MAX_LINE);
    BZip2Codec codec = new BZip2Codec();
    codec.setConf(new Configuration());
    long[] offsets = LineFiles.write(codec.createOutputStream(out("dt=2026-11-25/syslog.bz2")),
        lines, "\n", false, true);
    long uncompressed = LineFiles.length(lines, "\n", false, true);
    assertThat(uncompressed).as("several 900 kB bzip2 blocks").isGreaterThan(2_000_000);

    Result r = readAll(conf(24 * 1024), "dt=2026-11-25");
    assertThat(r.splits()).isGreaterThan(5);
    assertThat(r.reads().stream().mapToInt(Read::split).distinct().count()).isGreaterThanOrEqualTo(2);
    assertSameMultiset("bzip2", r.reads().stream().map(Read::fingerprint).toList(),
        lines.stream().map(Line::expected).toList());
    // in the first split keys are offsets; later bzip2 splits' keys only increase (see Reject)
    List<Read> firstSplit = r.reads().stream().filter(x -> x.split() == 0).toList();
    assertThat(firstSplit).isNotEmpty();
    for (int i = 0; i < firstSplit.size(); i++) {
      assertThat(firstSplit.get(i).key() + " " + firstSplit.get(i).fingerprint())
          .isEqualTo(offsets[i] + " " + lines.get(i).expected());
    }
    SplitReads.assertCounters(r, lines, uncompressed, REASONS);
  }

  /**
   * Each file of one job takes its BSD year from its own dt= folder (with the New Year rollover),
   * else from colony.syslog.year, else from today's UTC date; offsets in a line are its own.
   */
  @Test
  void yearOfEachFileFromItsPathThenTheKeyThenToday() throws Exception {
    write("logs/dt=2026-11-25/syslog", "Nov 25 10:00:00 h a: m");
    write("logs/dt=2027-01-01/syslog.gz", "Dec 31 23:59:59 h a: m\nJan  1 00:00:01 h a: m");
    write("logs/dt=2024-03-01/syslog", "Feb 29 12:00:00 h a: m\n"
        + "2026-11-25T10:00:00+01:00 h a: rfc3339 keeps its year");
    write("other/syslog", "Nov 25 10:00:00 h a: m");

    Configuration conf = conf(1L << 20);
    SyslogKeys.setYear(conf, 2019);
    Map<String, List<String>> got = times(conf, "logs/dt=2026-11-25", "logs/dt=2027-01-01",
        "logs/dt=2024-03-01", "other");
    assertThat(got).isEqualTo(Map.of(
        "logs/dt=2026-11-25/syslog", List.of("2026-11-25T10:00:00Z"),
        "logs/dt=2027-01-01/syslog.gz", List.of("2026-12-31T23:59:59Z", "2027-01-01T00:00:01Z"),
        "logs/dt=2024-03-01/syslog", List.of("2024-02-29T12:00:00Z", "2026-11-25T09:00:00Z"),
        "other/syslog", List.of("2019-11-25T10:00:00Z")));

    // without the key: today's year, or last year's for a month more than six months ahead
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    int year = today.getMonthValue() < 5 ? today.getYear() - 1 : today.getYear();
    assertThat(times(conf(1L << 20), "other")).isEqualTo(Map.of("other/syslog",
        List.of(year + "-11-25T10:00:00Z")));
  }

  @Test
  void bsdTimestampsInTheConfiguredZone() throws Exception {
    write("dt=2026-07-01/syslog", "Jul  1 10:00:00 h a: m\n<13>1 2026-07-01T10:00:00Z h a - - - m");
    Configuration conf = conf(1L << 20);
    conf.set(SyslogKeys.TIMEZONE.name(), "Europe/Berlin");
    assertThat(times(conf, "dt=2026-07-01")).isEqualTo(Map.of("dt=2026-07-01/syslog",
        List.of("2026-07-01T08:00:00Z", "2026-07-01T10:00:00Z")));
  }

  @Test
  void badKeysAreRefusedWithTheirName() throws Exception {
    write("other/syslog", "Nov 25 10:00:00 h a: m");
    Configuration conf = conf(1L << 20);
    conf.set(SyslogKeys.YEAR.name(), "twenty-six");
    assertThatThrownBy(() -> times(conf, "other")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("colony.syslog.year");
    conf.set(SyslogKeys.YEAR.name(), "");
    conf.set(SyslogKeys.TIMEZONE.name(), "Mars/Olympus");
    assertThatThrownBy(() -> times(conf, "other")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("colony.syslog.timezone");
  }

  /** File (relative to {@link #dir}) to the UTC instants of its records, all read by one job. */
  private Map<String, List<String>> times(Configuration conf, String... inputs) throws Exception {
    Job job = Job.getInstance(conf);
    for (String in : inputs) {
      FileInputFormat.addInputPath(job, new Path(dir.resolve(in).toUri()));
    }
    SyslogInputFormat format = new SyslogInputFormat();
    String root = dir.toUri().getPath();
    Map<String, List<String>> times = new TreeMap<>();
    for (InputSplit split : format.getSplits(job)) {
      String file = ((FileSplit) split).getPath().toUri().getPath().substring(root.length());
      RecordReader<LongWritable, SyslogRecord> reader =
          SplitReads.open(format, conf, split, new CountingReporter());
      while (reader.nextKeyValue()) {
        SyslogRecord r = reader.getCurrentValue();
        assertThat(r.isRejected()).as("%s", r.reject()).isFalse();
        times.computeIfAbsent(file, k -> new ArrayList<>())
            .add(Instant.ofEpochMilli(r.timeMillis()).toString());
      }
      reader.close();
    }
    return times;
  }

  private void write(String file, String text) throws IOException {
    java.nio.file.Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    OutputStream out = Files.newOutputStream(p);
    if (file.endsWith(".gz")) {
      out = new GZIPOutputStream(out);
    }
    try (OutputStream o = out) {
      o.write((text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private OutputStream out(String name) throws IOException {
    java.nio.file.Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    return new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
  }

  private Result readAll(Configuration conf, String folder) throws Exception {
    return SplitReads.readAll(new SyslogInputFormat(), conf,
        List.of(new Path(dir.resolve(folder).toUri())), SyslogLines::fingerprint);
  }

  private static Configuration conf(long maxSplit) {
    Configuration conf = new Configuration();
    conf.setLong(FileInputFormat.SPLIT_MAXSIZE, maxSplit);
    conf.setInt(InputKeys.MAX_LINE_BYTES.name(), MAX_LINE);
    return conf;
  }
}
