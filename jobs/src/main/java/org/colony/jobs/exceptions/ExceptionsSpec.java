package org.colony.jobs.exceptions;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.colony.conf.ConfigKey;
import org.colony.io.InputKeys;
import org.colony.io.events.CombinedEventInputFormat;
import org.colony.io.events.EventInputFormat;
import org.colony.io.events.EventStart;
import org.colony.jobs.JobOption;
import org.colony.jobs.JobSpec;
import org.colony.jobs.common.ReportKey;

/**
 * exceptions: the Java exceptions of multi-line application logs, grouped by
 * {@link Signature} (exception class, root cause class, the first frames of own code; see
 * {@link Signatures}). Per signature: events, first and last seen, and one example, the earliest
 * (ties by its bytes); per signature and UTC hour: events.
 *
 * <p>The mappers count in memory, so a signature costs one shuffled record per map task, and an
 * example's text is shuffled once per map task at most; the combiner only joins what a mapper
 * wrote early to bound its memory. Keys are {@link ReportKey}s (raw comparator): the report, then
 * the signature's key (for hourly/, the hour first).
 */
public final class ExceptionsSpec implements JobSpec {

  @Override
  public String name() {
    return "exceptions";
  }

  @Override
  public String description() {
    return "Application logs -> Java exceptions by signature (class, root cause, own frames): "
        + "counts per hour, first and last seen, an example each";
  }

  @Override
  public List<JobOption> options() {
    return List.of(
        JobOption.withValue("frames", "N", ExceptionsKeys.FRAMES,
            "frames of own code in a signature, 0-" + ExceptionsKeys.MAX_FRAMES + " (default "
                + ExceptionsKeys.FRAMES.defaultValue() + ")"),
        JobOption.withValue("package", "PREFIX[,PREFIX...]", ExceptionsKeys.PACKAGE,
            "the application's own packages, e.g. com.example (default: guessed per event from "
                + "its first frame outside the JDK)"));
  }

  @Override
  public List<ConfigKey> keys() {
    return ExceptionsKeys.all();
  }

  /** A record per signature (and per signature and hour) and map task. */
  @Override
  public double defaultShuffleRatio() {
    return 0.01;
  }

  @Override
  public List<Report> reports() {
    return ExceptionsReports.ALL;
  }

  @Override
  public void configure(Job job) {
    Configuration conf = job.getConfiguration();
    ExceptionsKeys.frames(conf);
    ExceptionsKeys.packages(conf);
    EventStart.fromConf(conf);
    job.setJarByClass(ExceptionsSpec.class);
    job.setInputFormatClass(InputKeys.useCombined(conf)
        ? CombinedEventInputFormat.class : EventInputFormat.class);
    job.setMapperClass(ExceptionsMapper.class);
    job.setCombinerClass(SignatureStatsCombiner.class);
    job.setReducerClass(ExceptionsReducer.class);
    job.setMapOutputKeyClass(ReportKey.class);
    job.setMapOutputValueClass(SignatureStats.class);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
  }
}
