package org.colony.io.events;

import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReader;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReaderWrapper;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;
import org.colony.io.CombinedInputFormat;

/** {@link EventInputFormat} over many small files packed into few splits. */
public class CombinedEventInputFormat extends CombinedInputFormat<LongWritable, EventRecord> {

  @Override
  public RecordReader<LongWritable, EventRecord> createRecordReader(InputSplit split,
      TaskAttemptContext context) throws IOException {
    return new CombineFileRecordReader<>((CombineFileSplit) split, context, PerFile.class);
  }

  /** Reads one file of a combined split with the plain format's reader (whole events, never split). */
  public static final class PerFile
      extends CombineFileRecordReaderWrapper<LongWritable, EventRecord> {
    public PerFile(CombineFileSplit split, TaskAttemptContext context, Integer index)
        throws IOException, InterruptedException {
      super(new EventInputFormat(), split, context, index);
    }
  }
}
