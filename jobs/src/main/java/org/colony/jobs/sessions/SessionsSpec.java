package org.colony.jobs.sessions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.VLongWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.colony.conf.ConfigKey;
import org.colony.io.InputKeys;
import org.colony.io.Timestamps;
import org.colony.io.access.AccessLogInputFormat;
import org.colony.io.access.CombinedAccessLogInputFormat;
import org.colony.jobs.JobOption;
import org.colony.jobs.JobSpec;
import org.colony.jobs.common.TsvRow;

/**
 * sessions: cuts each visitor's hits into sessions by a secondary sort. The key is (visitor,
 * time, path); the partitioner and the grouping comparator look at the visitor only, so one reduce
 * call streams through a visitor's hits in time order and keeps only the current session.
 * Writes a row per session and, per UTC day of session start, a summary with exact percentiles
 * (each reducer's {@link DayStats} are merged after the job).
 *
 * <p>No combiner: every map output record is one hit, and a hit can only be assigned to a session
 * once all of its visitor's hits are in order, which happens in the reducer. Records with equal
 * keys (same visitor, millisecond and path) are too rare in access logs to pay for a combine.
 */
public final class SessionsSpec implements JobSpec {

  @Override
  public String name() {
    return "sessions";
  }

  @Override
  public String description() {
    return "Access logs -> visitor sessions (gap-based) and a daily summary: bounce rate, "
        + "median and p90 duration";
  }

  @Override
  public List<JobOption> options() {
    return List.of(
        JobOption.withValue("visitor", "FIELDS", SessionsKeys.VISITOR,
            "what identifies a visitor: client, client+agent or client+agent+vhost (default "
                + SessionsKeys.VISITOR.defaultValue() + ")"),
        JobOption.withValue("gap", "DURATION", SessionsKeys.GAP,
            "inactivity that ends a session, e.g. 30m, 900s, 1h (default "
                + SessionsKeys.GAP.defaultValue() + ")"));
  }

  @Override
  public List<ConfigKey> keys() {
    return SessionsKeys.all();
  }

  @Override
  public List<Report> reports() {
    return SessionReports.ALL;
  }

  @Override
  public void configure(Job job) {
    Configuration conf = job.getConfiguration();
    SessionsKeys.visitor(conf);
    SessionsKeys.gapMillis(conf);
    job.setJarByClass(SessionsSpec.class);
    job.setInputFormatClass(InputKeys.useCombined(conf)
        ? CombinedAccessLogInputFormat.class : AccessLogInputFormat.class);
    job.setMapperClass(SessionsMapper.class);
    job.setPartitionerClass(VisitorPartitioner.class);
    job.setSortComparatorClass(SessionKey.Comparator.class);
    job.setGroupingComparatorClass(VisitorGroupingComparator.class);
    job.setReducerClass(SessionsReducer.class);
    job.setMapOutputKeyClass(SessionKey.class);
    job.setMapOutputValueClass(VLongWritable.class);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
    MultipleOutputs.addNamedOutput(job, SessionReports.SUMMARY_PIECES_OUTPUT,
        SequenceFileOutputFormat.class, LongWritable.class, DayStats.class);
  }

  /** Merges every reducer's {@link DayStats} into summary/, a row per day. */
  @Override
  public void afterSuccess(Job job, FileSystem fs, Path output) throws IOException {
    Configuration conf = job.getConfiguration();
    TreeMap<Long, DayStats> days = new TreeMap<>();
    Path pieces = new Path(output, SessionReports.SUMMARY_PIECES);
    if (fs.exists(pieces)) {
      LongWritable day = new LongWritable();
      for (FileStatus f : fs.listStatus(pieces)) {
        if (!f.getPath().getName().startsWith("part-")) {
          continue;
        }
        try (SequenceFile.Reader reader = new SequenceFile.Reader(conf,
            SequenceFile.Reader.file(f.getPath()))) {
          DayStats piece = new DayStats();
          while (reader.next(day, piece)) {
            DayStats sum = days.get(piece.day());
            if (sum == null) {
              days.put(piece.day(), piece);
              piece = new DayStats();
            } else {
              sum.add(piece);
            }
          }
        }
      }
    }
    Path summary = new Path(new Path(output, SessionReports.SUMMARY.folder()), "part-r-00000");
    TsvRow row = new TsvRow();
    byte[] date = new byte[10];
    try (OutputStream out = fs.create(summary, false)) {
      out.write((SessionReports.SUMMARY.header() + "\n").getBytes(StandardCharsets.UTF_8));
      for (DayStats d : days.values()) {
        Timestamps.formatDate(d.day(), date, 0);
        row.clear().plain(date, 0, date.length).field(d.sessions()).field(d.visitors())
            .field(d.hits()).field(d.bounces()).field(d.bounceRate())
            .field(d.durationPercentile(50)).field(d.durationPercentile(90))
            .field(d.hitsPerSession());
        Text line = row.text();
        out.write(line.getBytes(), 0, line.getLength());
        out.write('\n');
      }
    }
    fs.delete(pieces, true);
  }
}
