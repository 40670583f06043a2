package org.colony.io.access;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.colony.io.Codecs;
import org.colony.io.LineParsingRecordReader;
import org.colony.io.RejectReason;

/**
 * Access log lines as {@link AccessLogRecord}s, keyed by the line's byte offset. Plain text and any
 * Hadoop codec chosen by extension (.gz, .bz2, .deflate, ...); plain and bzip2 files split.
 * Lines that do not parse come as rejected records (see {@link LineParsingRecordReader}).
 */
public class AccessLogInputFormat extends FileInputFormat<LongWritable, AccessLogRecord> {

  @Override
  public RecordReader<LongWritable, AccessLogRecord> createRecordReader(InputSplit split,
      TaskAttemptContext context) {
    return new Reader();
  }

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return Codecs.isSplittable(context.getConfiguration(), file);
  }

  /** The reader: Colony's line reader with the access log parser. */
  public static final class Reader extends LineParsingRecordReader<AccessLogRecord> {
    private final AccessLogParser parser = new AccessLogParser();

    @Override
    protected AccessLogRecord createValue() {
      return new AccessLogRecord();
    }

    @Override
    protected RejectReason parse(byte[] bytes, int length, AccessLogRecord value) {
      return parser.parse(bytes, length, value);
    }
  }
}
