package org.colony.jobs.uv;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.colony.conf.ConfigKey;
import org.colony.jobs.JobOption;
import org.colony.jobs.JobSpec;

/**
 * uv-rollup: distinct visitors per ISO week or calendar month from the daily sketches access-stats
 * wrote ({@code uv/dt=YYYY-MM-DD.hll} under each output), by union, without reading any log again.
 * A visitor seen on several days of a period counts once. Days are UTC days; a sketch given twice
 * (the same day in two inputs) changes nothing, as a union of a set with itself.
 */
public final class UvRollupSpec implements JobSpec {
  static final Report REPORT = new Report("visitors",
      "period\tstart\tend\tdays\tvisitors_estimate\tlower\tupper");

  @Override
  public String name() {
    return "uv-rollup";
  }

  @Override
  public String description() {
    return "access-stats outputs -> distinct visitors per week or month, from their daily sketches";
  }

  @Override
  public List<JobOption> options() {
    return List.of(JobOption.withValue("period", "week|month", UvRollupKeys.PERIOD,
        "ISO weeks (Monday to Sunday) or calendar months (default "
            + UvRollupKeys.PERIOD.defaultValue() + ")"));
  }

  @Override
  public List<ConfigKey> keys() {
    return UvRollupKeys.all();
  }

  /** A few KB per day's sketch, from files of the same size: about the input's size. */
  @Override
  public double defaultShuffleRatio() {
    return 1.0;
  }

  @Override
  public List<Report> reports() {
    return List.of(REPORT);
  }

  @Override
  public void configure(Job job) throws IOException {
    Configuration conf = job.getConfiguration();
    UvRollupKeys.period(conf);
    if (new DaySketchInputFormat().getSplits(job).isEmpty()) {
      throw new IllegalArgumentException("no daily visitor sketches (uv/dt=YYYY-MM-DD.hll) under "
          + "the input: give access-stats outputs");
    }
    job.setJarByClass(UvRollupSpec.class);
    job.setInputFormatClass(DaySketchInputFormat.class);
    job.setMapperClass(UvRollupMapper.class);
    job.setCombinerClass(UvRollupCombiner.class);
    job.setReducerClass(UvRollupReducer.class);
    job.setMapOutputKeyClass(LongWritable.class);
    job.setMapOutputValueClass(PeriodSketch.class);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
  }
}
