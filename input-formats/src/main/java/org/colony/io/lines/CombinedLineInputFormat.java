package org.colony.io.lines;

import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReader;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReaderWrapper;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;
import org.colony.io.CombinedInputFormat;

/** {@link LineInputFormat} over many small files packed into few splits. */
public class CombinedLineInputFormat extends CombinedInputFormat<LongWritable, LineRecord> {

  @Override
  public RecordReader<LongWritable, LineRecord> createRecordReader(InputSplit split,
      TaskAttemptContext context) throws IOException {
    return new CombineFileRecordReader<>((CombineFileSplit) split, context, PerFile.class);
  }

  /** Reads one file of a combined split with the plain format's reader (its own check). */
  public static final class PerFile
      extends CombineFileRecordReaderWrapper<LongWritable, LineRecord> {
    public PerFile(CombineFileSplit split, TaskAttemptContext context, Integer index)
        throws IOException, InterruptedException {
      super(new LineInputFormat(), split, context, index);
    }
  }
}
