package org.colony.jobs.access;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
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
import org.colony.io.access.AccessLogInputFormat;
import org.colony.io.access.CombinedAccessLogInputFormat;
import org.colony.jobs.JobOption;
import org.colony.jobs.JobSpec;
import org.colony.jobs.common.ReportKey;
import org.colony.jobs.common.TopN;
import org.colony.jobs.common.TsvRow;

/**
 * access-stats: per UTC hour requests, bytes and status classes; per URL path hits, bytes, 4xx and
 * 5xx; per client hits and bytes; the exact top N URLs, referrers and user agents. From sketches
 * built per map task and merged in the combiner and reducer (so memory stays bounded): unique
 * visitors per UTC day (daily/, with the day's sketch in uv/) and hour (hourly_uv/), estimated
 * with DataSketches HLL; response-time percentiles per hour (latency/) with KLL, when the log
 * format has a response time.
 */
public final class AccessStatsSpec implements JobSpec {

  @Override
  public String name() {
    return "access-stats";
  }

  @Override
  public String description() {
    return "Access logs -> requests, bytes and status classes per hour, per URL, per client; "
        + "top URLs, referrers, user agents; unique visitors per day; latency percentiles";
  }

  @Override
  public List<JobOption> options() {
    return List.of(
        JobOption.withValue("top", "N", AccessStatsKeys.TOP_N,
            "how many URLs, referrers and user agents top/ lists (default "
                + AccessStatsKeys.TOP_N.defaultValue() + ")"),
        JobOption.flag("keep-query", AccessStatsKeys.KEEP_QUERY,
            "keep query strings in URLs (default: path only)"),
        JobOption.withValue("format", "FORMAT", InputKeys.ACCESS_FORMAT,
            "log format: auto (default: each line in any of the presets), a preset (common, "
                + "combined, vhost_combined, nginx), or the LogFormat / log_format string of "
                + "the server's configuration, quoted for the shell"));
  }

  /** Five counts per line, mostly combined away per map task: a small fraction of the input. */
  @Override
  public double defaultShuffleRatio() {
    return 0.05;
  }

  @Override
  public List<ConfigKey> keys() {
    List<ConfigKey> keys = new ArrayList<>(AccessStatsKeys.all());
    keys.add(InputKeys.ACCESS_FORMAT);
    return keys;
  }

  @Override
  public List<Report> reports() {
    return AccessReports.reports();
  }

  @Override
  public void configure(Job job) {
    int n = AccessStatsKeys.TOP_N.getInt(job.getConfiguration());
    if (n < 1) {
      throw new IllegalArgumentException("--top must be at least 1, got " + n);
    }
    AccessStatsKeys.KEEP_QUERY.getBoolean(job.getConfiguration());
    AccessStatsKeys.uvLgK(job.getConfiguration());
    AccessStatsKeys.latencyK(job.getConfiguration());
    AccessLogInputFormat.parser(job.getConfiguration());
    job.setJarByClass(AccessStatsSpec.class);
    job.setInputFormatClass(InputKeys.useCombined(job.getConfiguration())
        ? CombinedAccessLogInputFormat.class : AccessLogInputFormat.class);
    job.setMapperClass(AccessStatsMapper.class);
    job.setCombinerClass(AccessStatsCombiner.class);
    job.setReducerClass(AccessStatsReducer.class);
    job.setMapOutputKeyClass(ReportKey.class);
    job.setMapOutputValueClass(AccessValue.class);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
    MultipleOutputs.addNamedOutput(job, AccessReports.TOP_CANDIDATES_OUTPUT,
        SequenceFileOutputFormat.class, ReportKey.class, LongWritable.class);
  }

  /** Merges every reducer's top candidates into the exact top N of top/. */
  @Override
  public void afterSuccess(Job job, FileSystem fs, Path output) throws IOException {
    Configuration conf = job.getConfiguration();
    int n = AccessStatsKeys.TOP_N.getInt(conf);
    TopN[] top = new TopN[AccessReports.TOP_DIMENSION.length];
    for (int d = 0; d < top.length; d++) {
      if (AccessReports.TOP_DIMENSION[d] != null) {
        top[d] = new TopN(n);
      }
    }
    Path candidates = new Path(output, AccessReports.TOP_CANDIDATES);
    if (fs.exists(candidates)) {
      ReportKey key = new ReportKey();
      LongWritable count = new LongWritable();
      for (FileStatus f : fs.listStatus(candidates)) {
        if (!f.getPath().getName().startsWith("part-")) {
          continue;
        }
        try (SequenceFile.Reader reader = new SequenceFile.Reader(conf,
            SequenceFile.Reader.file(f.getPath()))) {
          while (reader.next(key, count)) {
            top[key.report()].offer(key.bytes(), 0, key.length(), count.get());
          }
        }
      }
    }
    List<Text> lines = new ArrayList<>();
    TsvRow row = new TsvRow();
    for (int d = 0; d < top.length; d++) {
      if (top[d] == null) {
        continue;
      }
      int rank = 0;
      for (TopN.Entry e : top[d].best()) {
        row.clear().field(AccessReports.TOP_DIMENSION[d]).field(++rank)
            .field(e.value(), 0, e.value().length).field(e.count());
        lines.add(new Text(row.text()));
      }
    }
    Path topFile = new Path(new Path(output, AccessReports.TOP_REPORT.folder()), "part-r-00000");
    try (OutputStream out = fs.create(topFile, false)) {
      out.write((AccessReports.TOP_REPORT.header() + "\n").getBytes(StandardCharsets.UTF_8));
      for (Text line : lines) {
        out.write(line.getBytes(), 0, line.getLength());
        out.write('\n');
      }
    }
    fs.delete(candidates, true);
  }
}
