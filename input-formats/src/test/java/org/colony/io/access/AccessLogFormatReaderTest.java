package org.colony.io.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.io.RejectReason;
import org.colony.testing.CountingReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader takes its log format from the configuration: a custom nginx format over a .gz. */
class AccessLogFormatReaderTest {
  /** nginx's "main" format with the request time, as nginx.conf writes it. */
  private static final String NGINX_CONF = "'$remote_addr - $remote_user [$time_local] "
      + "\"$request\" '\n  '$status $body_bytes_sent \"$http_referer\" '\n"
      + "  '\"$http_user_agent\" \"$http_x_forwarded_for\" $request_time';";

  private static final List<String> LINES = List.of(
      "10.0.3.2 - - [25/Nov/2026:08:15:02 +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"curl/8.5.0\" "
          + "\"203.0.113.50, 10.0.0.9\" 0.020",
      "203.0.113.7 - ann [25/Nov/2026:09:15:03 +0100] \"GET /b?x=1 HTTP/2.0\" 404 0 \"https://r/\" "
          + "\"UA\" \"-\" 1.500",
      // combined, without the forwarded-for and time fields of this format
      "203.0.113.7 - - [25/Nov/2026:08:15:04 +0000] \"GET /c HTTP/1.1\" 200 5 \"-\" \"UA\"",
      "",
      "2001:db8::5 - - [25/Nov/2026:08:15:05 +0000] \"POST /api/cart HTTP/2.0\" 201 87 \"-\" \"UA\" "
          + "\"-\" -");

  @TempDir java.nio.file.Path dir;

  @Test
  void customFormatOverAGzipFile() throws Exception {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("a.log.gz")))) {
      out.write((String.join("\n", LINES) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Configuration conf = new Configuration();
    conf.set(InputKeys.ACCESS_FORMAT.name(), NGINX_CONF);
    CountingReporter counters = new CountingReporter();

    List<String> got = new ArrayList<>();
    List<InputSplit> splits = splits(conf);
    assertThat(splits).hasSize(1);
    TaskAttemptContextImpl ctx = new TaskAttemptContextImpl(conf, new TaskAttemptID(), counters);
    RecordReader<LongWritable, AccessLogRecord> reader =
        new AccessLogInputFormat().createRecordReader(splits.get(0), ctx);
    reader.initialize(splits.get(0), ctx);
    while (reader.nextKeyValue()) {
      AccessLogRecord r = reader.getCurrentValue();
      got.add(reader.getCurrentKey().get() + " " + (r.isRejected() ? r.reject().reason() + "@"
          + r.reject().offset() : r.client() + " [" + r.clientList() + "] " + r.user() + " "
          + Instant.ofEpochMilli(r.timeMillis()) + " " + r.offsetMinutes() + " " + r.path() + " "
          + r.status() + " " + r.bytes() + " " + r.responseMicros()));
    }
    reader.close();

    int o2 = LINES.get(0).length() + 1;
    int o3 = o2 + LINES.get(1).length() + 1;
    int o4 = o3 + LINES.get(2).length() + 1;
    int o5 = o4 + 1;
    assertThat(got).containsExactly(
        "0 203.0.113.50 [203.0.113.50, 10.0.0.9, 10.0.3.2]  2026-11-25T08:15:02Z 0 /a 200 10 20000",
        o2 + " 203.0.113.7 [203.0.113.7] ann 2026-11-25T08:15:03Z 60 /b 404 0 1500000",
        o3 + " FORMAT_MISMATCH@" + o3,
        o4 + " BLANK_LINE@" + o4,
        o5 + " 2001:db8::5 [2001:db8::5]  2026-11-25T08:15:05Z 0 /api/cart 201 87 -1");
    assertThat(counters.get(RecordCounters.RECORDS_IN)).isEqualTo(5);
    assertThat(counters.get(RecordCounters.RECORDS_PARSED)).isEqualTo(3);
    assertThat(counters.get(RejectReason.FORMAT_MISMATCH)).isEqualTo(1);
    assertThat(counters.get(RejectReason.BLANK_LINE)).isEqualTo(1);
  }

  @Test
  void aBadFormatFailsBeforeAnyTaskAndNamesTheKey() throws Exception {
    Files.writeString(dir.resolve("a.log"), LINES.get(0) + "\n");
    Configuration conf = new Configuration();
    conf.set(InputKeys.ACCESS_FORMAT.name(), "%h %Q");
    assertThatThrownBy(() -> splits(conf)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("colony.access.format: unknown directive %Q at position 4 of log format "
            + "'%h %Q'");
  }

  @Test
  void theDefaultIsAuto() {
    Configuration conf = new Configuration();
    assertThat(AccessLogInputFormat.getFormat(conf)).isEqualTo("auto");
    assertThat(AccessLogInputFormat.parser(conf)).isInstanceOf(AccessLogParser.class);
    conf.set(InputKeys.ACCESS_FORMAT.name(), "${remote_addr} [${time_local}]");
    assertThat(AccessLogInputFormat.getFormat(conf)).as("read raw, not as variables")
        .isEqualTo("${remote_addr} [${time_local}]");
  }

  private List<InputSplit> splits(Configuration conf) throws Exception {
    Job job = Job.getInstance(conf);
    FileInputFormat.setInputPaths(job, new Path(dir.toUri()));
    return new AccessLogInputFormat().getSplits(job);
  }
}
