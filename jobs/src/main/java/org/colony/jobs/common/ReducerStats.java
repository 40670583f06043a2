package org.colony.jobs.common;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.ReduceContext;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.colony.jobs.JobSpec;

/**
 * What each reducer took in: its partition, key groups, records and shuffled bytes, and how long
 * its reduce phase ran. Written by every reducer that writes through {@link TsvReports}, into a
 * hidden {@code _reducers/} folder the driver reads (task reports are not available in local mode)
 * for the run report and its skew advice, then removes before publishing.
 */
public final class ReducerStats {
  private ReducerStats() {}

  public static final String NAMED_OUTPUT = "reducerstats";
  public static final JobSpec.Report REPORT = new JobSpec.Report("_reducers",
      "reducer\tinput_groups\tinput_records\tshuffle_bytes\treduce_ms");

  /** Declares the named output; the driver does this for every job. */
  public static void declare(Job job) {
    MultipleOutputs.addNamedOutput(job, NAMED_OUTPUT, TextOutputFormat.class, NullWritable.class,
        Text.class);
  }

  static boolean declared(Configuration conf) {
    return conf.get("mapreduce.multipleoutputs.namedOutput." + NAMED_OUTPUT + ".format") != null;
  }

  /** Writes this reducer's row, if the context is a reducer's and the output is declared. */
  static void write(TaskInputOutputContext<?, ?, ?, ?> context,
      MultipleOutputs<NullWritable, Text> outputs, long startedMillis)
      throws IOException, InterruptedException {
    if (!(context instanceof ReduceContext) || !declared(context.getConfiguration())) {
      return;
    }
    TsvRow row = new TsvRow();
    row.clear().field(context.getTaskAttemptID().getTaskID().getId())
        .field(context.getCounter(TaskCounter.REDUCE_INPUT_GROUPS).getValue())
        .field(context.getCounter(TaskCounter.REDUCE_INPUT_RECORDS).getValue())
        .field(context.getCounter(TaskCounter.REDUCE_SHUFFLE_BYTES).getValue())
        .field(System.currentTimeMillis() - startedMillis);
    Text header = new Text(REPORT.header());
    String base = REPORT.folder() + "/part";
    outputs.write(NAMED_OUTPUT, NullWritable.get(), header, base);
    outputs.write(NAMED_OUTPUT, NullWritable.get(), row.text(), base);
  }
}
