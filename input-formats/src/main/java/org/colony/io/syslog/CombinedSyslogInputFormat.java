package org.colony.io.syslog;

import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReader;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReaderWrapper;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;
import org.colony.io.CombinedInputFormat;

/** {@link SyslogInputFormat} over many small files packed into few splits. */
public class CombinedSyslogInputFormat extends CombinedInputFormat<LongWritable, SyslogRecord> {

  @Override
  public RecordReader<LongWritable, SyslogRecord> createRecordReader(InputSplit split,
      TaskAttemptContext context) throws IOException {
    return new CombineFileRecordReader<>((CombineFileSplit) split, context, PerFile.class);
  }

  /** Reads one file of a combined split with the plain format's reader (its own year, too). */
  public static final class PerFile
      extends CombineFileRecordReaderWrapper<LongWritable, SyslogRecord> {
    public PerFile(CombineFileSplit split, TaskAttemptContext context, Integer index)
        throws IOException, InterruptedException {
      super(new SyslogInputFormat(), split, context, index);
    }
  }
}
