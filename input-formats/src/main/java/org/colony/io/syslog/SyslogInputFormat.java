package org.colony.io.syslog;

import java.time.Clock;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.colony.io.LineParsingRecordReader;
import org.colony.io.PartitionDate;
import org.colony.io.RejectReason;

/**
 * Syslog lines (RFC 3164, RFC 5424, and rsyslog's RFC 3339 file format; see {@link SyslogParser})
 * as {@link SyslogRecord}s, keyed by the line's byte offset. Plain text and any Hadoop codec chosen
 * by extension; plain and bzip2 files split. Lines that do not parse come as rejected records
 * (see {@link LineParsingRecordReader}).
 *
 * <p>RFC 3164 timestamps have no year: a file takes it from the {@code dt=YYYY-MM-DD} folder in its
 * path, else from {@code colony.syslog.year}, else from today's UTC date (see {@link SyslogKeys}).
 * Their zone is {@code colony.syslog.timezone}.
 */
public class SyslogInputFormat extends FileInputFormat<LongWritable, SyslogRecord> {

  @Override
  public RecordReader<LongWritable, SyslogRecord> createRecordReader(InputSplit split,
      TaskAttemptContext context) {
    return new Reader();
  }

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    CompressionCodec codec = new CompressionCodecFactory(context.getConfiguration()).getCodec(file);
    return codec == null || codec instanceof SplittableCompressionCodec;
  }

  /**
   * Sets the parser's year reference and zone for one file: the partition date of its path, else
   * the configured year (without month), else today in UTC.
   */
  public static void configure(SyslogParser parser, Path file, Configuration conf,
      Clock clock) {
    parser.setZone(SyslogKeys.zone(conf));
    LocalDate partition = PartitionDate.of(file.toUri().getPath());
    int year = SyslogKeys.year(conf);
    if (partition != null) {
      parser.setYearReference(partition.getYear(), partition.getMonthValue());
    } else if (year > 0) {
      parser.setYearReference(year, 0);
    } else {
      LocalDate today = LocalDate.now(clock);
      parser.setYearReference(today.getYear(), today.getMonthValue());
    }
  }

  /** The reader: Colony's line reader with the syslog parser. */
  public static final class Reader extends LineParsingRecordReader<SyslogRecord> {
    private final SyslogParser parser = new SyslogParser();

    @Override
    protected SyslogRecord createValue() {
      return new SyslogRecord();
    }

    @Override
    protected void configure(FileSplit split, Configuration conf) {
      SyslogInputFormat.configure(parser, split.getPath(), conf, Clock.systemUTC());
    }

    @Override
    protected RejectReason parse(byte[] bytes, int length, SyslogRecord value) {
      return parser.parse(bytes, length, value);
    }
  }
}
