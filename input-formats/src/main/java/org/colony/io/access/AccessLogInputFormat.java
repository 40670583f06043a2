package org.colony.io.access;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.colony.io.Codecs;
import org.colony.io.InputKeys;
import org.colony.io.LineParsingRecordReader;
import org.colony.io.RejectReason;

/**
 * Access log lines as {@link AccessLogRecord}s, keyed by the line's byte offset. Plain text and any
 * Hadoop codec chosen by extension (.gz, .bz2, .deflate, ...); plain and bzip2 files split.
 * Lines that do not parse come as rejected records (see {@link LineParsingRecordReader}).
 *
 * <p>The log format is {@code colony.access.format} ({@link AccessLogFormats}): {@code auto} by
 * default, a preset name, or the server's format string, compiled once per task.
 */
public class AccessLogInputFormat extends FileInputFormat<LongWritable, AccessLogRecord> {

  /** Sets the log format the job's readers expect: auto, a preset, or a format string. */
  public static void setFormat(Job job, String format) {
    InputKeys.ACCESS_FORMAT.set(job.getConfiguration(), format);
  }

  /**
   * The configured log format, as given: read raw, so that no ${...} of an nginx format is taken
   * for a configuration variable.
   */
  public static String getFormat(Configuration conf) {
    String format = conf.getRaw(InputKeys.ACCESS_FORMAT.name());
    return format == null ? InputKeys.ACCESS_FORMAT.defaultValue() : format;
  }

  /**
   * A parser for the configured log format.
   *
   * @throws IllegalArgumentException naming the key, when the format string does not compile
   */
  public static AccessLineParser parser(Configuration conf) {
    try {
      return AccessLogFormats.parser(getFormat(conf));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(InputKeys.ACCESS_FORMAT.name() + ": " + e.getMessage(), e);
    }
  }

  /** Checks the configured format before any task starts: a bad one fails the submission. */
  @Override
  public List<InputSplit> getSplits(JobContext job) throws IOException {
    parser(job.getConfiguration());
    return super.getSplits(job);
  }

  @Override
  public RecordReader<LongWritable, AccessLogRecord> createRecordReader(InputSplit split,
      TaskAttemptContext context) {
    return new Reader();
  }

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return Codecs.isSplittable(context.getConfiguration(), file);
  }

  /** The reader: Colony's line reader with the parser of the configured log format. */
  public static final class Reader extends LineParsingRecordReader<AccessLogRecord> {
    private AccessLineParser parser;

    @Override
    protected void configure(FileSplit split, Configuration conf) {
      parser = parser(conf);
    }

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
