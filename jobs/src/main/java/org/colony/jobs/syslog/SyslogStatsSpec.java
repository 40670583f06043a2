package org.colony.jobs.syslog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.colony.conf.ConfigKey;
import org.colony.io.InputKeys;
import org.colony.io.syslog.CombinedSyslogInputFormat;
import org.colony.io.syslog.SyslogInputFormat;
import org.colony.io.syslog.SyslogKeys;
import org.colony.jobs.JobOption;
import org.colony.jobs.JobSpec;
import org.colony.jobs.common.TopN;
import org.colony.jobs.common.TsvRow;

/**
 * syslog-stats: lines per UTC hour, host, app and severity; message templates (the message with
 * its variable parts masked by {@link TemplateMasker}) with their counts, first and last time,
 * distinct hosts, apps, most severe severity and an example; the exact top N templates by lines
 * at warning or worse.
 *
 * <p>One shuffle carries both: hourly keys, and (template, host, app) keys partitioned and
 * grouped by template alone (see {@link SyslogStatsKey}) so that each template is reduced whole
 * in one reducer: its distinct hosts, example and rank are exact with any number of reducers.
 * Each map task sums both in memory ({@link MapSideSums}) and the combiner sums what it emitted
 * more than once, so the shuffle carries about one record per key and map task.
 */
public final class SyslogStatsSpec implements JobSpec {

  @Override
  public String name() {
    return "syslog-stats";
  }

  @Override
  public String description() {
    return "Syslog -> lines per hour, host, app and severity; message templates with counts, "
        + "hosts and an example; top warning+ templates";
  }

  @Override
  public List<JobOption> options() {
    return List.of(
        JobOption.withValue("top", "N", SyslogStatsKeys.TOP_N,
            "how many templates top/ lists, by lines at warning or worse (default "
                + SyslogStatsKeys.TOP_N.defaultValue() + ")"),
        JobOption.flag("mask-users", SyslogStatsKeys.MASK_USERS,
            "mask user names in templates as <user> (default: keep them)"));
  }

  @Override
  public List<ConfigKey> keys() {
    return SyslogStatsKeys.all();
  }

  /**
   * One record per hour, host, app and severity and one per template, host and app, each with an
   * example message, per map task: about 5% of the input on the sample syslog scaled to 110 MB.
   */
  @Override
  public double defaultShuffleRatio() {
    return 0.05;
  }

  @Override
  public List<Report> reports() {
    return SyslogReports.ALL;
  }

  @Override
  public void configure(Job job) {
    Configuration conf = job.getConfiguration();
    SyslogStatsKeys.topN(conf);
    SyslogStatsKeys.maskUsers(conf);
    SyslogKeys.zone(conf);
    SyslogKeys.year(conf);
    job.setJarByClass(SyslogStatsSpec.class);
    job.setInputFormatClass(InputKeys.useCombined(conf)
        ? CombinedSyslogInputFormat.class : SyslogInputFormat.class);
    job.setMapperClass(SyslogStatsMapper.class);
    job.setCombinerClass(SyslogStatsCombiner.class);
    job.setPartitionerClass(SyslogStatsPartitioner.class);
    job.setSortComparatorClass(SyslogStatsKey.Comparator.class);
    job.setGroupingComparatorClass(SyslogStatsKey.GroupComparator.class);
    job.setReducerClass(SyslogStatsReducer.class);
    job.setMapOutputKeyClass(SyslogStatsKey.class);
    job.setMapOutputValueClass(SyslogStats.class);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
    MultipleOutputs.addNamedOutput(job, SyslogReports.TOP_CANDIDATES_OUTPUT,
        SequenceFileOutputFormat.class, NullWritable.class, TopCandidate.class);
  }

  /** Merges every reducer's top candidates into the exact top N of top/. */
  @Override
  public void afterSuccess(Job job, FileSystem fs, Path output) throws IOException {
    Configuration conf = job.getConfiguration();
    TopN top = new TopN(SyslogStatsKeys.topN(conf));
    Path candidates = new Path(output, SyslogReports.TOP_CANDIDATES);
    if (fs.exists(candidates)) {
      NullWritable none = NullWritable.get();
      for (FileStatus f : fs.listStatus(candidates)) {
        if (!f.getPath().getName().startsWith("part-")) {
          continue;
        }
        try (SequenceFile.Reader reader = new SequenceFile.Reader(conf,
            SequenceFile.Reader.file(f.getPath()))) {
          TopCandidate c = new TopCandidate();
          while (reader.next(none, c)) {
            top.offer(c.template(), 0, c.template().length, c.count(), c.row());
          }
        }
      }
    }
    TsvRow row = new TsvRow();
    Path file = new Path(new Path(output, SyslogReports.TOP.folder()), "part-r-00000");
    try (OutputStream out = fs.create(file, false)) {
      out.write((SyslogReports.TOP.header() + "\n").getBytes(StandardCharsets.UTF_8));
      int rank = 0;
      for (TopN.Entry e : top.best()) {
        Text line = row.clear().field(++rank).field(e.value(), 0, e.value().length)
            .plain(e.payload(), 0, e.payload().length).text();
        out.write(line.getBytes(), 0, line.getLength());
        out.write('\n');
      }
    }
    fs.delete(candidates, true);
  }
}
