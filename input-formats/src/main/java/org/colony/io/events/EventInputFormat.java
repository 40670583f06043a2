package org.colony.io.events;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * Multi-line events of application logs (a header line and its continuation lines, such as a
 * stack trace) as {@link EventRecord}s, keyed by the byte offset of the header. Plain files
 * split; compressed files (any codec, chosen by extension) are read whole, one split each.
 * See {@link EventRecordReader} for split boundaries and rejects, {@link EventStart} and
 * {@link EventKeys} for what starts an event.
 */
public class EventInputFormat extends FileInputFormat<LongWritable, EventRecord> {

  @Override
  public RecordReader<LongWritable, EventRecord> createRecordReader(InputSplit split,
      TaskAttemptContext context) {
    return new EventRecordReader();
  }

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return new CompressionCodecFactory(context.getConfiguration()).getCodec(file) == null;
  }
}
