package org.colony.jobs.grep;

import java.io.IOException;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.colony.jobs.common.TsvReports;
import org.colony.jobs.common.TsvRow;

/** Adds up each pattern's matches from every map task into its counts/ row. */
public class GrepReducer extends Reducer<IntWritable, LongWritable, NullWritable, Text> {
  private final TsvRow row = new TsvRow();
  private PatternSet patterns;
  private TsvReports reports;

  @Override
  protected void setup(Context context) {
    patterns = new PatternSet(GrepKeys.patterns(context.getConfiguration()),
        GrepKeys.FIXED.getBoolean(context.getConfiguration()));
    reports = new TsvReports(context);
  }

  @Override
  protected void reduce(IntWritable pattern, Iterable<LongWritable> values, Context context)
      throws IOException, InterruptedException {
    long sum = 0;
    for (LongWritable v : values) {
      sum += v.get();
    }
    byte[] p = patterns.patternBytes(pattern.get());
    row.clear().field(p, 0, p.length).field(sum);
    reports.write(GrepReports.COUNTS, row.text());
  }

  @Override
  protected void cleanup(Context context) throws IOException {
    reports.close();
  }
}
