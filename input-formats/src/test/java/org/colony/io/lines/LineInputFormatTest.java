package org.colony.io.lines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.colony.testing.Multisets.assertSameMultiset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.io.access.AccessLogInputFormat;
import org.colony.io.syslog.SyslogInputFormat;
import org.colony.testing.LineFiles;
import org.colony.testing.Paths;
import org.colony.testing.SplitReads;
import org.colony.testing.SplitReads.Read;
import org.colony.testing.SplitReads.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LineInputFormat} on the sample logs in tiny splits: every line once, at its offset, with
 * its bytes as in the file (found by splitting the file at its newlines here); with a format
 * check, the same rejects as that format's own reader and every other line as it is.
 */
class LineInputFormatTest {
  private static final String ACCESS = "logs/access/dt=2026-11-24/access.log";
  private static final String ACCESS_GZ = "logs/access/dt=2026-11-25/access.log.gz";
  private static final String SYSLOG = "logs/syslog/dt=2026-11-24/syslog";

  @TempDir
  Path dir;

  private static Configuration conf(String check, long splitBytes) {
    Configuration conf = new Configuration();
    conf.set(InputKeys.LINES_FORMAT.name(), check);
    conf.setLong(FileInputFormat.SPLIT_MAXSIZE, splitBytes);
    return conf;
  }

  private static List<org.apache.hadoop.fs.Path> in(String... sample) {
    List<org.apache.hadoop.fs.Path> l = new ArrayList<>();
    for (String s : sample) {
      l.add(new org.apache.hadoop.fs.Path(Paths.sampleData(s).toUri()));
    }
    return l;
  }

  /** "offset|line" of every line of a plain or gzip file, split at its newlines here. */
  static List<String> fileLines(Path file) throws IOException {
    byte[] all;
    try (InputStream in = file.toString().endsWith(".gz")
        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      ByteArrayOutputStream bo = new ByteArrayOutputStream();
      in.transferTo(bo);
      all = bo.toByteArray();
    }
    List<String> l = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= all.length; i++) {
      if (i == all.length ? i > start : all[i] == '\n') {
        l.add(start + "|" + new String(all, start, i - start, StandardCharsets.ISO_8859_1));
        start = i + 1;
      }
    }
    return l;
  }

  private static Result read(Configuration conf, List<org.apache.hadoop.fs.Path> in)
      throws Exception {
    return SplitReads.readAll(new LineInputFormat(), conf, in, r -> LineFiles.latin1(r.line()));
  }

  /** "offset|line" of every record read, parsed or rejected. */
  private static List<String> keyed(Result r) {
    return r.reads().stream().map(x -> x.key() + "|" + x.fingerprint()).toList();
  }

  /** "offset|line" of the parsed records. */
  private static List<String> parsed(Result r) {
    return r.reads().stream().filter(x -> !x.fingerprint().startsWith("R|"))
        .map(x -> x.key() + "|" + x.fingerprint()).toList();
  }

  /** "offset R|REASON|line" of the rejected records. */
  private static List<String> rejects(Result r) {
    return r.reads().stream().filter(x -> x.fingerprint().startsWith("R|"))
        .map(x -> x.key() + " " + x.fingerprint()).toList();
  }

  /** The lines of {@code all} less the rejected ones (their offset and line). */
  private static List<String> without(List<String> all, List<String> rejects) {
    List<String> l = new ArrayList<>(all);
    for (String r : rejects) {
      String offset = r.substring(0, r.indexOf(' '));
      String line = r.substring(r.indexOf('|', r.indexOf("R|") + 2) + 1);
      assertThat(l.remove(offset + "|" + line)).as("rejected line %s is in the file", r).isTrue();
    }
    return l;
  }

  @Test
  void everyLineOnceAtItsOffsetInTinySplits() throws Exception {
    Result r = read(conf("any", 4096), in(ACCESS, SYSLOG));
    assertThat(r.splits()).isGreaterThan(250);
    List<String> want = new ArrayList<>(fileLines(Paths.sampleData(ACCESS)));
    want.addAll(fileLines(Paths.sampleData(SYSLOG)));
    assertSameMultiset("lines", keyed(r), want);
    assertThat(rejects(r)).isEmpty();
    long bytes = Files.size(Paths.sampleData(ACCESS)) + Files.size(Paths.sampleData(SYSLOG));
    assertThat(r.counters().get(RecordCounters.BYTES_READ)).isEqualTo(bytes);
    assertThat(r.counters().get(RecordCounters.RECORDS_IN)).isEqualTo(want.size());
    assertThat(r.counters().get(RecordCounters.RECORDS_PARSED)).isEqualTo(want.size());
  }

  @Test
  void gzipIsReadWhole() throws Exception {
    Result r = read(conf("any", 4096), in(ACCESS_GZ));
    assertThat(r.splits()).isEqualTo(1);
    assertSameMultiset("lines", keyed(r), fileLines(Paths.sampleData(ACCESS_GZ)));
  }

  @Test
  void accessCheckRejectsWhatTheAccessReaderRejects() throws Exception {
    Configuration conf = conf("access", 16 * 1024);
    Result lines = read(conf, in(ACCESS, ACCESS_GZ));
    Result access = SplitReads.readAll(new AccessLogInputFormat(), conf, in(ACCESS, ACCESS_GZ),
        a -> "P");
    assertThat(rejects(lines)).hasSize(15);
    assertSameMultiset("rejects", rejects(lines), rejects(access));
    List<String> all = new ArrayList<>(fileLines(Paths.sampleData(ACCESS)));
    all.addAll(fileLines(Paths.sampleData(ACCESS_GZ)));
    assertSameMultiset("parsed lines", parsed(lines), without(all, rejects(lines)));
  }

  @Test
  void syslogCheckRejectsWhatTheSyslogReaderRejects() throws Exception {
    Configuration conf = conf("syslog", 16 * 1024);
    Result lines = read(conf, in(SYSLOG));
    Result syslog = SplitReads.readAll(new SyslogInputFormat(), conf, in(SYSLOG), s -> "P");
    assertThat(rejects(lines)).hasSize(9);
    assertSameMultiset("rejects", rejects(lines), rejects(syslog));
    assertSameMultiset("parsed lines", parsed(lines),
        without(fileLines(Paths.sampleData(SYSLOG)), rejects(lines)));
  }

  @Test
  void combinedReadsTheSameLines() throws Exception {
    List<String> all = fileLines(Paths.sampleData(SYSLOG));
    for (int f = 0; f < 40; f++) {
      List<String> part = all.subList(f * all.size() / 40, (f + 1) * all.size() / 40);
      Files.write(dir.resolve(String.format("s-%02d.log", f)),
          part.stream().map(s -> s.substring(s.indexOf('|') + 1)).toList(),
          StandardCharsets.ISO_8859_1);
    }
    Configuration conf = conf("any", 0);
    conf.unset(FileInputFormat.SPLIT_MAXSIZE);
    List<org.apache.hadoop.fs.Path> in = List.of(new org.apache.hadoop.fs.Path(dir.toUri()));
    Result plain = read(conf, in);
    Result combined = SplitReads.readAll(new CombinedLineInputFormat(), conf, in,
        r -> LineFiles.latin1(r.line()));
    assertThat(plain.splits()).isEqualTo(40);
    assertThat(combined.splits()).isEqualTo(1);
    assertSameMultiset("combined", combined.reads().stream().map(Read::fingerprint).toList(),
        plain.reads().stream().map(Read::fingerprint).toList());
    assertThat(parsed(plain)).hasSize(all.size());
  }

  @Test
  void anUnknownCheckIsAnErrorNamingTheKey() throws Exception {
    Job job = Job.getInstance(conf("json", 4096));
    FileInputFormat.setInputPaths(job, in(ACCESS).get(0));
    assertThatThrownBy(() -> new LineInputFormat().getSplits(job))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("colony.lines.format").hasMessageContaining("'json'");
  }

  @Test
  void recordRoundTripsAndCompares() throws Exception {
    LineRecord a = new LineRecord().set("a\tb".getBytes(StandardCharsets.UTF_8), 3);
    org.apache.hadoop.io.DataOutputBuffer out = new org.apache.hadoop.io.DataOutputBuffer();
    a.write(out);
    LineRecord b = new LineRecord();
    org.apache.hadoop.io.DataInputBuffer in = new org.apache.hadoop.io.DataInputBuffer();
    in.reset(out.getData(), out.getLength());
    b.readFields(in);
    assertThat(b).isEqualTo(a).hasSameHashCodeAs(a).hasToString("a\tb");
    assertThat(new LineRecord().set(new byte[] {'x'}, 1)).isNotEqualTo(a);
  }
}
