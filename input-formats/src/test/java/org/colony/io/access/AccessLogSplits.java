package org.colony.io.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.colony.testing.Multisets.assertSameMultiset;

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
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.colony.io.access.AccessLogLines.Line;
import org.colony.testing.CountingReporter;

/** Reads every split of a folder with its own reader, as the split tests need. */
final class AccessLogSplits {
  private AccessLogSplits() {}

  /** A record as read: its key, its fingerprint, the split that yielded it and its file name. */
  record Read(long key, String fingerprint, int split, String file) {}

  /** What reading all splits gave. */
  record Result(List<Read> reads, int splits, CountingReporter counters) {
    List<Read> inFile(String name) {
      return reads.stream().filter(x -> x.file().equals(name)).toList();
    }
  }

  /** Enumerates the splits of everything in a folder and reads each with its own reader. */
  static Result readAll(Configuration conf, java.nio.file.Path dir) throws Exception {
    return readAll(conf, dir, new AccessLogInputFormat());
  }

  /**
   * The same with any access log format (a combined one too: its records' file names are then
   * only known for rejects, and are given as "").
   */
  static Result readAll(Configuration conf, java.nio.file.Path dir,
      FileInputFormat<LongWritable, AccessLogRecord> format) throws Exception {
    Job job = Job.getInstance(conf);
    FileInputFormat.setInputPaths(job, new Path(dir.toUri()));
    List<InputSplit> splits = format.getSplits(job);
    CountingReporter counters = new CountingReporter();
    List<Read> reads = new ArrayList<>();
    for (int s = 0; s < splits.size(); s++) {
      RecordReader<LongWritable, AccessLogRecord> reader =
          open(conf, splits.get(s), counters, format);
      Path file = splits.get(s) instanceof FileSplit fs ? fs.getPath() : null;
      while (reader.nextKeyValue()) {
        AccessLogRecord v = reader.getCurrentValue();
        long key = reader.getCurrentKey().get();
        reads.add(new Read(key, AccessLogLines.fingerprint(v), s,
            file == null ? "" : file.getName()));
        if (v.isRejected()) {
          assertThat(v.reject().reason()).isNotNull();
          if (file != null) {
            assertThat(v.reject().file()).isEqualTo(file.toString());
          }
          assertThat(v.reject().offset()).isEqualTo(key);
        }
        assertThat(reader.getProgress()).isBetween(0f, 1f);
      }
      assertThat(reader.nextKeyValue()).isFalse();
      reader.close();
    }
    return new Result(reads, splits.size(), counters);
  }

  static RecordReader<LongWritable, AccessLogRecord> open(Configuration conf,
      InputSplit split, CountingReporter counters) throws Exception {
    return open(conf, split, counters, new AccessLogInputFormat());
  }

  static RecordReader<LongWritable, AccessLogRecord> open(Configuration conf, InputSplit split,
      CountingReporter counters, FileInputFormat<LongWritable, AccessLogRecord> format)
      throws Exception {
    TaskAttemptContextImpl ctx = new TaskAttemptContextImpl(conf, new TaskAttemptID(), counters);
    RecordReader<LongWritable, AccessLogRecord> reader = format.createRecordReader(split, ctx);
    reader.initialize(split, ctx);
    return reader;
  }

  /** Each line, at its offset, came out exactly once as the record it should be. */
  static void assertExactlyOnce(String what, List<Read> reads, List<Line> lines,
      long[] offsets) {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      expected.add(offsets[i] + " " + lines.get(i).expected());
    }
    List<String> actual = reads.stream().map(x -> x.key() + " " + x.fingerprint()).toList();
    assertSameMultiset(what, actual, expected);
  }

}
