package org.colony.jobs.gen;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.colony.conf.ConfigKey;
import org.colony.jobs.JobOption;
import org.colony.jobs.JobSpec;

/**
 * gen-access-logs: a map-only job that writes realistic synthetic access logs at any scale, on a
 * cluster or embedded, laid out as the daily pipeline reads them: {@code dt=YYYY-MM-DD/} folders,
 * each with a file per map task and {@code _SUCCESS}. Deterministic for a seed and a file count.
 */
public final class GenAccessLogsSpec implements JobSpec {

  @Override
  public String name() {
    return "gen-access-logs";
  }

  @Override
  public String description() {
    return "Writes synthetic access logs (Apache combined) of any size, dt=YYYY-MM-DD/ folders, "
        + "for tests and benchmarks";
  }

  @Override
  public List<JobOption> options() {
    return List.of(
        JobOption.withValue("bytes", "SIZE", GenKeys.BYTES,
            "about how much to write, uncompressed (e.g. 200m, 1g, 10g); required"),
        JobOption.withValue("days", "N", GenKeys.DAYS,
            "days of logs, a dt=YYYY-MM-DD/ folder each (default 1)"),
        JobOption.withValue("start", "DATE", GenKeys.START,
            "the first day, YYYY-MM-DD (default " + GenKeys.START.defaultValue() + ")"),
        JobOption.withValue("seed", "S", GenKeys.SEED,
            "seed: the same seed and --files give the same bytes (default 1)"),
        JobOption.flag("gzip", GenKeys.GZIP, "write .gz files"),
        JobOption.withValue("files", "N", GenKeys.FILES,
            "map tasks, each writing one file per day (default: one per 128 MB a day)"));
  }

  @Override
  public List<ConfigKey> keys() {
    return GenKeys.all();
  }

  @Override
  public boolean needsInput() {
    return false;
  }

  @Override
  public boolean mapOnly() {
    return true;
  }

  @Override
  public List<Report> reports() {
    return List.of();
  }

  @Override
  public void configure(Job job) {
    Configuration conf = job.getConfiguration();
    GenKeys.bytes(conf);
    GenKeys.days(conf);
    GenKeys.start(conf);
    GenKeys.seed(conf);
    GenKeys.files(conf);
    GenKeys.malformed(conf);
    GenKeys.GZIP.getBoolean(conf);
    job.setJarByClass(GenAccessLogsSpec.class);
    job.setInputFormatClass(GenInputFormat.class);
    job.setMapperClass(GenMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    // the mapper writes its own files into the task's work folder; no part-m files of records
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
    // a generating task reads nothing and runs long on a big split: no speculative copies
    job.setSpeculativeExecution(false);
  }

  /** Marks each day's folder complete, as log shippers do, so that colony daily takes it. */
  @Override
  public void afterSuccess(Job job, FileSystem fs, Path output) throws IOException {
    for (FileStatus f : fs.listStatus(output, p -> p.getName().startsWith("dt="))) {
      if (f.isDirectory()) {
        fs.create(new Path(f.getPath(), "_SUCCESS"), false).close();
      }
    }
  }

  @Override
  public String summary(Counters counters) {
    long lines = counters.findCounter(GenCounters.LINES).getValue();
    long bad = counters.findCounter(GenCounters.MALFORMED_LINES).getValue();
    return String.format(Locale.ROOT, "wrote %d lines (%d malformed, %.3f%%) in %d file(s), "
        + "%d sessions, %s uncompressed", lines, bad, lines == 0 ? 0 : 100.0 * bad / lines,
        counters.findCounter(GenCounters.FILES).getValue(),
        counters.findCounter(GenCounters.SESSIONS).getValue(),
        org.apache.hadoop.util.StringUtils.byteDesc(
            counters.findCounter(GenCounters.BYTES).getValue()));
  }
}
