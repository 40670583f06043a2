package org.colony.io.lines;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.colony.io.Codecs;
import org.colony.io.InputKeys;
import org.colony.io.LineParsingRecordReader;
import org.colony.io.RejectReason;
import org.colony.io.access.AccessLineParser;
import org.colony.io.access.AccessLogInputFormat;
import org.colony.io.access.AccessLogRecord;
import org.colony.io.syslog.SyslogInputFormat;
import org.colony.io.syslog.SyslogParser;
import org.colony.io.syslog.SyslogRecord;

/**
 * Lines of text as {@link LineRecord}s (the line's bytes as in the file), keyed by the line's
 * byte offset, for jobs that look at lines whatever they hold. Plain text and any Hadoop codec
 * chosen by extension; plain and bzip2 files split (see {@link LineParsingRecordReader}).
 *
 * <p>{@code colony.lines.format} says which lines are records: {@code any} (the default: every
 * line, only one over {@code colony.input.max.line.bytes} is rejected), or {@code access} or
 * {@code syslog}: the lines that parse in that format, read as {@link AccessLogInputFormat} and
 * {@link SyslogInputFormat} read them (the access format of {@code colony.access.format}, the
 * syslog year and zone per file); the others are rejected with that format's reason.
 */
public class LineInputFormat extends FileInputFormat<LongWritable, LineRecord> {

  /** Which lines the format yields as records. */
  public enum Check { ANY, ACCESS, SYSLOG }

  /** The configured check. */
  public static Check check(Configuration conf) {
    String v = InputKeys.LINES_FORMAT.get(conf);
    try {
      return Check.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(InputKeys.LINES_FORMAT.name()
          + " must be any, access or syslog, got '" + v + "'");
    }
  }

  public static void setCheck(Configuration conf, Check check) {
    InputKeys.LINES_FORMAT.set(conf, check.name().toLowerCase(Locale.ROOT));
  }

  /** Checks the configuration before any task starts: a bad one fails the submission. */
  @Override
  public List<InputSplit> getSplits(JobContext job) throws IOException {
    if (check(job.getConfiguration()) == Check.ACCESS) {
      AccessLogInputFormat.parser(job.getConfiguration());
    }
    return super.getSplits(job);
  }

  @Override
  public RecordReader<LongWritable, LineRecord> createRecordReader(InputSplit split,
      TaskAttemptContext context) {
    return new Reader();
  }

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return Codecs.isSplittable(context.getConfiguration(), file);
  }

  /** What a line must be to be a record: null when it is one, else why it is rejected. */
  private interface LineCheck {
    RejectReason check(byte[] b, int length);
  }

  private static LineCheck lineCheck(Configuration conf, Path file) {
    switch (check(conf)) {
      case ACCESS: {
        AccessLineParser parser = AccessLogInputFormat.parser(conf);
        AccessLogRecord scratch = new AccessLogRecord();
        return (b, n) -> parser.parse(b, n, scratch);
      }
      case SYSLOG: {
        SyslogParser parser = new SyslogParser();
        SyslogInputFormat.configure(parser, file, conf, Clock.systemUTC());
        SyslogRecord scratch = new SyslogRecord();
        return (b, n) -> parser.parse(b, n, scratch);
      }
      default:
        return (b, n) -> null;
    }
  }

  /** The reader: Colony's line reader, keeping each line's bytes. */
  public static final class Reader extends LineParsingRecordReader<LineRecord> {
    private LineCheck check;

    @Override
    protected void configure(FileSplit split, Configuration conf) {
      check = lineCheck(conf, split.getPath());
    }

    @Override
    protected LineRecord createValue() {
      return new LineRecord();
    }

    @Override
    protected RejectReason parse(byte[] bytes, int length, LineRecord value) {
      RejectReason reason = check.check(bytes, length);
      if (reason == null) {
        value.set(bytes, length);
      }
      return reason;
    }
  }
}
