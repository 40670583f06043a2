package org.colony.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.colony.testing.Multisets.assertSameMultiset;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
import org.colony.io.ParsedRecord;
import org.colony.io.RecordCounters;
import org.colony.io.RejectReason;
import org.colony.testing.LineFiles.Line;

/**
 * Elephant-bird style split reading for input format tests: enumerate the splits of some input
 * with the format under test, read each with its own reader, and check that every written line
 * came out exactly once as the record it should be, and that the counters add up.
 */
public final class SplitReads {
  private SplitReads() {}

  /** A record as read: its key, its fingerprint, the split that yielded it and its file name. */
  public record Read(long key, String fingerprint, int split, String file) {}

  /** What reading all splits gave. */
  public record Result(List<Read> reads, int splits, CountingReporter counters) {
    public List<Read> inFile(String name) {
      return reads.stream().filter(x -> x.file().equals(name)).toList();
    }
  }

  /**
   * Enumerates the splits of {@code inputs} and reads each with its own reader. A rejected record's
   * fingerprint is {@link LineFiles#rejectFingerprint}; a parsed one's is {@code fingerprint}'s.
   */
  public static <V extends ParsedRecord> Result readAll(FileInputFormat<LongWritable, V> format,
      Configuration conf, List<Path> inputs, Function<V, String> fingerprint) throws Exception {
    Job job = Job.getInstance(conf);
    FileInputFormat.setInputPaths(job, inputs.toArray(new Path[0]));
    List<InputSplit> splits = format.getSplits(job);
    CountingReporter counters = new CountingReporter();
    List<Read> reads = new ArrayList<>();
    for (int s = 0; s < splits.size(); s++) {
      RecordReader<LongWritable, V> reader = open(format, conf, splits.get(s), counters);
      // a combined split holds several files: its records' file is known for rejects only
      Path file = splits.get(s) instanceof FileSplit fs ? fs.getPath() : null;
      while (reader.nextKeyValue()) {
        V v = reader.getCurrentValue();
        long key = reader.getCurrentKey().get();
        if (v.isRejected()) {
          assertThat(v.reject().reason()).isNotNull();
          if (file != null) {
            assertThat(v.reject().file()).isEqualTo(file.toString());
          }
          assertThat(v.reject().offset()).isEqualTo(key);
        }
        String print = v.isRejected() ? LineFiles.rejectFingerprint(v) : fingerprint.apply(v);
        reads.add(new Read(key, print, s, file == null ? "" : file.getName()));
        assertThat(reader.getProgress()).isBetween(0f, 1f);
      }
      assertThat(reader.nextKeyValue()).isFalse();
      reader.close();
    }
    return new Result(reads, splits.size(), counters);
  }

  /** A reader of {@code format} on {@code split}, initialized, counting into {@code counters}. */
  public static <V extends ParsedRecord> RecordReader<LongWritable, V> open(
      FileInputFormat<LongWritable, V> format, Configuration conf, InputSplit split,
      CountingReporter counters) throws Exception {
    TaskAttemptContextImpl ctx = new TaskAttemptContextImpl(conf, new TaskAttemptID(), counters);
    RecordReader<LongWritable, V> reader = format.createRecordReader(split, ctx);
    reader.initialize(split, ctx);
    return reader;
  }

  /** Each line, at its offset, came out exactly once as the record it should be. */
  public static void assertExactlyOnce(String what, List<Read> reads, List<Line> lines,
      long[] offsets) {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      expected.add(offsets[i] + " " + lines.get(i).expected());
    }
    List<String> actual = reads.stream().map(x -> x.key() + " " + x.fingerprint()).toList();
    assertSameMultiset(what, actual, expected);
  }

  /**
   * Records read = parsed + rejected = lines; each reject has a reason; the counters agree with
   * the lines' expectations, bytes read with bytes written; and the data held a reject of each of
   * {@code reasonsInData} (so that the check covers them) and of no other reason.
   */
  public static void assertCounters(Result r, List<Line> lines, long bytesWritten,
      Set<RejectReason> reasonsInData) {
    Map<RejectReason, Long> expectedReasons = new EnumMap<>(RejectReason.class);
    for (Line l : lines) {
      if (l.expected().startsWith("R|")) {
        expectedReasons.merge(RejectReason.valueOf(l.expected().split("\\|")[1]), 1L, Long::sum);
      }
    }
    long parsed = r.reads().stream().filter(x -> x.fingerprint().startsWith("P|")).count();
    long rejected = r.reads().stream().filter(x -> x.fingerprint().startsWith("R|")).count();
    assertThat(r.reads().stream().filter(x -> x.fingerprint().startsWith("R|null|")).count())
        .as("rejects without a reason").isZero();
    assertThat(parsed + rejected).isEqualTo(r.reads().size()).isEqualTo(lines.size());
    assertThat(expectedReasons.keySet()).isEqualTo(reasonsInData);

    CountingReporter c = r.counters();
    assertThat(c.get(RecordCounters.RECORDS_IN)).isEqualTo(lines.size());
    assertThat(c.get(RecordCounters.RECORDS_PARSED)).isEqualTo(parsed);
    assertThat(c.get(RecordCounters.RECORDS_REJECTED)).isEqualTo(rejected);
    assertThat(c.get(RecordCounters.RECORDS_PARSED) + c.get(RecordCounters.RECORDS_REJECTED))
        .isEqualTo(c.get(RecordCounters.RECORDS_IN));
    Map<RejectReason, Long> counted = new EnumMap<>(RejectReason.class);
    for (RejectReason reason : RejectReason.values()) {
      if (c.get(reason) > 0) {
        counted.put(reason, c.get(reason));
      }
    }
    assertThat(counted).isEqualTo(expectedReasons);
    assertThat(c.get(RecordCounters.BYTES_READ)).as("bytes read").isEqualTo(bytesWritten);
  }
}
