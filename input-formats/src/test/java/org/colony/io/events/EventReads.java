package org.colony.io.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
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
import org.colony.testing.CountingReporter;

/** Reads files with {@link EventInputFormat}, split by split, into comparable fingerprints. */
final class EventReads {
  private EventReads() {}

  /** A record as read: its key, its fingerprint, the split that yielded it and its file name. */
  record Read(long key, String fingerprint, int split, String file) {
    /** "key fingerprint", as expectations are written. */
    String keyed() {
      return key + " " + fingerprint;
    }
  }

  /** What reading all splits gave. */
  record Result(List<Read> reads, List<FileSplit> splits, CountingReporter counters) {
    List<Read> inFile(String name) {
      return reads.stream().filter(x -> x.file().equals(name)).toList();
    }

    List<String> keyed(String name) {
      return inFile(name).stream().map(Read::keyed).toList();
    }

    /** Splits of {@code name} that yielded no record. */
    long emptySplits(String name) {
      long n = 0;
      for (int s = 0; s < splits.size(); s++) {
        int split = s;
        if (splits.get(s).getPath().getName().equals(name)
            && reads.stream().noneMatch(r -> r.split() == split)) {
          n++;
        }
      }
      return n;
    }

    long splitsOf(String name) {
      return splits.stream().filter(s -> s.getPath().getName().equals(name)).count();
    }
  }

  /** Every split {@link EventInputFormat} makes of {@code input}, each read by its own reader. */
  static Result readAll(Configuration conf, Path input, boolean fullText) throws Exception {
    Job job = Job.getInstance(conf);
    FileInputFormat.setInputPaths(job, input);
    List<FileSplit> splits = new ArrayList<>();
    for (InputSplit s : new EventInputFormat().getSplits(job)) {
      splits.add((FileSplit) s);
    }
    CountingReporter counters = new CountingReporter();
    List<Read> reads = new ArrayList<>();
    for (int s = 0; s < splits.size(); s++) {
      reads.addAll(read(conf, splits.get(s), counters, s, fullText));
    }
    return new Result(reads, splits, counters);
  }

  /** The records of one split. */
  static List<Read> read(Configuration conf, FileSplit split, CountingReporter counters, int s,
      boolean fullText) throws Exception {
    TaskAttemptContextImpl ctx = new TaskAttemptContextImpl(conf, new TaskAttemptID(), counters);
    RecordReader<LongWritable, EventRecord> reader =
        new EventInputFormat().createRecordReader(split, ctx);
    reader.initialize(split, ctx);
    List<Read> reads = new ArrayList<>();
    try {
      while (reader.nextKeyValue()) {
        EventRecord v = reader.getCurrentValue();
        long key = reader.getCurrentKey().get();
        if (v.isRejected()) {
          assertThat(v.reject().file()).isEqualTo(split.getPath().toString());
          assertThat(v.reject().offset()).isEqualTo(key);
        }
        assertThat(reader.getProgress()).isBetween(0f, 1f);
        reads.add(new Read(key, fingerprint(v, fullText), s, split.getPath().getName()));
      }
      assertThat(reader.nextKeyValue()).isFalse();
    } finally {
      reader.close();
    }
    return reads;
  }

  /**
   * {@code E|lines|T or -|epoch millis or -|text} for an event, {@code R|reason|text} for a
   * reject; the text in full or as its CRC-32.
   */
  static String fingerprint(EventRecord v, boolean fullText) {
    if (v.isRejected()) {
      return reject(v.reject().reason().name(), v.reject().line().copyBytes(), fullText);
    }
    return event(v.lines(), v.truncated(), v.hasTime() ? v.timeMillis() : null,
        v.text().copyBytes(), fullText);
  }

  static String event(int lines, boolean truncated, Long millis, byte[] text, boolean fullText) {
    return "E|" + lines + "|" + (truncated ? "T" : "-") + "|" + (millis == null ? "-" : millis)
        + "|" + text(text, fullText);
  }

  static String reject(String reason, byte[] text, boolean fullText) {
    return "R|" + reason + "|" + text(text, fullText);
  }

  private static String text(byte[] text, boolean full) {
    if (full) {
      return new String(text, StandardCharsets.UTF_8);
    }
    CRC32 crc = new CRC32();
    crc.update(text);
    return text.length + ":" + Long.toHexString(crc.getValue());
  }
}
