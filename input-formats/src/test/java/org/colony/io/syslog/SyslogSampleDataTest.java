package org.colony.io.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.colony.io.RecordCounters;
import org.colony.testing.CountingReporter;
import org.colony.testing.Paths;
import org.colony.testing.SplitReads;
import org.junit.jupiter.api.Test;

/**
 * The syslog sample data read by {@link SyslogInputFormat}: the line counts, formats, hosts and
 * malformed lines that sample-data/tools/make_syslog.py printed when it wrote them (copied here by
 * hand, and in sample-data/README.md), and a few lines' fields written from the lines.
 */
class SyslogSampleDataTest {

  /** What one day's file must give. */
  private record Day(String file, int lines, Map<String, Integer> formats,
      Map<String, Integer> hosts, Map<Integer, String> rejects) {}

  private static final Day DAY1 = new Day("logs/syslog/dt=2026-11-24/syslog", 3234,
      Map.of("RFC3164", 2525, "RFC5424", 700),
      Map.of("app1", 705, "db1", 53, "mail1", 1375, "web1", 558, "web2", 534),
      Map.of(1270, "BLANK_LINE", 1587, "SYSLOG_PRIORITY", 1588, "SYSLOG_PRIORITY",
          1589, "SYSLOG_PRIORITY", 1778, "SYSLOG_TRUNCATED", 1779, "SYSLOG_PRIORITY",
          2066, "SYSLOG_STRUCTURED_DATA", 2339, "SYSLOG_MESSAGE", 2711, "SYSLOG_TIMESTAMP"));

  private static final Day DAY2 = new Day("logs/syslog/dt=2026-11-25/syslog.gz", 3438,
      Map.of("RFC3339", 2731, "RFC5424", 700),
      Map.of("app1", 705, "db1", 53, "mail1", 1337, "web1", 681, "web2", 655),
      Map.of(1206, "BLANK_LINE", 1733, "SYSLOG_PRIORITY", 1859, "SYSLOG_TIMESTAMP",
          2190, "SYSLOG_PRIORITY", 2191, "SYSLOG_PRIORITY", 2743, "SYSLOG_APP_NAME",
          3158, "SYSLOG_TIMESTAMP"));

  @Test
  void day1TraditionalFormat() throws Exception {
    Map<Integer, SyslogRecord> records = check(DAY1);
    // line 1, written from the line: Nov 24 00:00:00 mail1 systemd[1]: Starting logrotate...
    SyslogRecord r = records.get(1);
    assertThat(r.format()).isEqualTo(SyslogRecord.Format.RFC3164);
    assertThat(r.priority()).isEqualTo(-1);
    assertThat(Instant.ofEpochMilli(r.timeMillis())).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    assertThat(r.hostname().toString()).isEqualTo("mail1");
    assertThat(r.appName().toString()).isEqualTo("systemd");
    assertThat(r.procId().toString()).isEqualTo("1");
    assertThat(r.message().toString()).isEqualTo("Starting logrotate.service - Rotate log files...");
    // an API line with structured data and a BOM before its message
    r = records.get(1273);
    assertThat(r.toString()).isEqualTo("RFC5424 <134>1 2026-11-24T10:11:25.495335+01:00 app1 "
        + "shop-api 4345 ORDER [order@32473 id=\"100266\" items=\"4\" total=\"356.00\" "
        + "currency=\"EUR\"][customer@32473 country=\"DE\"] order placed");
    assertThat(StructuredData.elements(r.structuredData(), true).get("order@32473").get("total"))
        .isEqualTo("356.00");
  }

  @Test
  void day2Rfc3339FileFormatGzipped() throws Exception {
    Map<Integer, SyslogRecord> records = check(DAY2);
    // line 1: 2026-11-25T00:00:00.393587+00:00 web2 systemd[1]: Starting logrotate.service ...
    SyslogRecord r = records.get(1);
    assertThat(r.format()).isEqualTo(SyslogRecord.Format.RFC3339);
    assertThat(r.timeMicros()).isEqualTo(
        Instant.parse("2026-11-25T00:00:00Z").getEpochSecond() * 1_000_000L + 393_587);
    assertThat(r.offsetMinutes()).isZero();
    assertThat(r.hostname().toString()).isEqualTo("web2");
    assertThat(r.appName().toString()).isEqualTo("systemd");
  }

  /**
   * Reads a day's file in tiny splits (the .gz in one), checks counts, formats, hosts and
   * rejects, and returns the parsed records by line number.
   */
  private static Map<Integer, SyslogRecord> check(Day day) throws Exception {
    java.nio.file.Path file = Paths.sampleData(day.file());
    assertThat(Files.exists(file.resolveSibling("_SUCCESS"))).isTrue();
    long[] lineStarts = lineStarts(file);
    assertThat(lineStarts).hasSize(day.lines());

    Configuration conf = new Configuration();
    conf.setLong(FileInputFormat.SPLIT_MAXSIZE, 16 * 1024);
    Job job = Job.getInstance(conf);
    FileInputFormat.setInputPaths(job, new Path(file.getParent().toUri()));
    SyslogInputFormat format = new SyslogInputFormat();
    List<InputSplit> splits = format.getSplits(job);
    assertThat(splits.size()).isGreaterThan(day.file().endsWith(".gz") ? 0 : 20);
    CountingReporter counters = new CountingReporter();
    Map<Integer, SyslogRecord> parsed = new TreeMap<>();
    Map<Integer, String> rejects = new TreeMap<>();
    Map<String, Integer> formats = new TreeMap<>();
    Map<String, Integer> hosts = new TreeMap<>();
    for (InputSplit split : splits) {
      RecordReader<LongWritable, SyslogRecord> reader =
          SplitReads.open(format, conf, split, counters);
      while (reader.nextKeyValue()) {
        int line = java.util.Arrays.binarySearch(lineStarts, reader.getCurrentKey().get()) + 1;
        assertThat(line).as("a line starts at %d", reader.getCurrentKey().get()).isPositive();
        SyslogRecord r = reader.getCurrentValue();
        if (r.isRejected()) {
          rejects.put(line, r.reject().reason().name());
          continue;
        }
        SyslogRecord copy = new SyslogRecord();
        copy.readFields(copyOf(r));
        parsed.put(line, copy);
        formats.merge(r.format().name(), 1, Integer::sum);
        hosts.merge(r.hostname().toString(), 1, Integer::sum);
        // every record has a 2026-11-24 or -25 UTC timestamp (the API's at +01:00)
        assertThat(Instant.ofEpochMilli(r.timeMillis()).toString())
            .startsWith(day.file().contains("11-24") ? "2026-11-24" : "2026-11-25");
      }
      reader.close();
    }
    assertThat(rejects).isEqualTo(new TreeMap<>(day.rejects()));
    assertThat(formats).isEqualTo(new TreeMap<>(day.formats()));
    assertThat(hosts).isEqualTo(new TreeMap<>(day.hosts()));
    assertThat(parsed.size() + rejects.size()).isEqualTo(day.lines());
    assertThat(counters.get(RecordCounters.RECORDS_IN)).isEqualTo(day.lines());
    assertThat(counters.get(RecordCounters.RECORDS_PARSED)).isEqualTo(parsed.size());
    assertThat(counters.get(RecordCounters.RECORDS_REJECTED)).isEqualTo(rejects.size());
    System.out.printf("%s: %d lines, %d parsed %s, %d rejected%n", day.file(), day.lines(),
        parsed.size(), formats, rejects.size());
    return parsed;
  }

  /** The byte offset of each line of the (uncompressed) file. */
  private static long[] lineStarts(java.nio.file.Path file) throws IOException {
    byte[] b;
    try (InputStream in = file.toString().endsWith(".gz")
        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      b = in.readAllBytes();
    }
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < b.length; i++) {
      if (i == 0 || b[i - 1] == '\n') {
        starts.add((long) i);
      }
    }
    return starts.stream().mapToLong(Long::longValue).toArray();
  }

  private static java.io.DataInput copyOf(SyslogRecord r) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    r.write(new java.io.DataOutputStream(bytes));
    return new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()));
  }
}
