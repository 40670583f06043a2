package org.colony.jobs.gen;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Input of a job that makes its data, in the spirit of TeraGen: {@code colony.gen.files} synthetic
 * splits that read nothing, each yielding the day numbers 0 to {@code colony.gen.days - 1}; the
 * mapper writes that split's file of each day.
 */
public final class GenInputFormat extends InputFormat<LongWritable, NullWritable> {

  @Override
  public List<InputSplit> getSplits(JobContext job) {
    Configuration conf = job.getConfiguration();
    long bytes = GenKeys.bytes(conf);
    int days = GenKeys.days(conf);
    int files = GenKeys.files(conf);
    List<InputSplit> splits = new ArrayList<>(files);
    for (int i = 0; i < files; i++) {
      long b = 0;
      for (int d = 0; d < days; d++) {
        b += GenKeys.quota(bytes, days, files, i, d);
      }
      splits.add(new GenSplit(i, files, b));
    }
    return splits;
  }

  @Override
  public RecordReader<LongWritable, NullWritable> createRecordReader(InputSplit split,
      TaskAttemptContext context) {
    return new Days();
  }

  /** Yields the day numbers of the run, one record each. */
  static final class Days extends RecordReader<LongWritable, NullWritable> {
    private final LongWritable day = new LongWritable(-1);
    private int days;

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) {
      days = GenKeys.days(context.getConfiguration());
    }

    @Override
    public boolean nextKeyValue() {
      if (day.get() + 1 >= days) {
        return false;
      }
      day.set(day.get() + 1);
      return true;
    }

    @Override
    public LongWritable getCurrentKey() {
      return day;
    }

    @Override
    public NullWritable getCurrentValue() {
      return NullWritable.get();
    }

    @Override
    public float getProgress() {
      return days == 0 ? 1f : Math.max(0, day.get()) / (float) days;
    }

    @Override
    public void close() {}
  }
}
