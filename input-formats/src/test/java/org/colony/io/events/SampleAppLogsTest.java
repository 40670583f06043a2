package org.colony.io.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.colony.io.RecordCounters;
import org.colony.testing.CountingReporter;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample application logs read with the default settings, in splits of 64 kB, against the
 * generator's ground truth (sample-data/expected/app-events): every event at its offset, with
 * its time, level, thread, logger, exception, root cause, lines and bytes.
 */
class SampleAppLogsTest {
  private static final String HEADER =
      "offset\ttime\tlevel\tthread\tlogger\texception\troot_cause\tlines\tbytes";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-24", "2026-11-25"})
  void eventsAsTheGeneratorWroteThem(String day) throws Exception {
    Configuration conf = new Configuration();
    conf.setLong(FileInputFormat.SPLIT_MAXSIZE, 64 * 1024);
    Job job = Job.getInstance(conf);
    FileInputFormat.setInputPaths(job,
        new Path(Paths.sampleData("logs/app/dt=" + day).toUri()));
    CountingReporter counters = new CountingReporter();
    List<String> rows = new ArrayList<>();
    List<InputSplit> splits = new EventInputFormat().getSplits(job);
    for (InputSplit split : splits) {
      TaskAttemptContextImpl ctx = new TaskAttemptContextImpl(conf, new TaskAttemptID(), counters);
      RecordReader<LongWritable, EventRecord> reader = new EventRecordReader();
      reader.initialize(split, ctx);
      while (reader.nextKeyValue()) {
        rows.add(row(reader.getCurrentKey().get(), reader.getCurrentValue()));
      }
      reader.close();
    }
    List<String> expected = TsvFiles.fileRows(
        Paths.sampleData("expected/app-events/dt=" + day + "/events.tsv"), HEADER);
    assertThat(expected).hasSizeGreaterThan(3000);
    assertThat(rows).containsExactlyElementsOf(expected);
    if (day.equals("2026-11-24")) {
      assertThat(splits).hasSizeGreaterThan(8); // the plain file splits; the .gz does not
    }
    assertThat(counters.get(RecordCounters.RECORDS_IN)).isEqualTo(expected.size());
    assertThat(counters.get(RecordCounters.RECORDS_REJECTED)).isZero();
    assertThat(counters.get(RecordCounters.EVENTS_TRUNCATED)).isZero();
  }

  private static String row(long key, EventRecord v) {
    assertThat(v.isRejected()).as("%s", v.reject()).isFalse();
    assertThat(v.hasTime()).isTrue();
    StackTrace st = v.stackTrace();
    return String.join("\t", String.valueOf(key), TIME.format(Instant.ofEpochMilli(v.timeMillis())),
        String.valueOf(v.level()), v.thread(), v.logger(), orDash(st.exceptionClass()),
        orDash(st.rootCauseClass()), String.valueOf(v.lines()),
        String.valueOf(v.text().getLength()));
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }
}
