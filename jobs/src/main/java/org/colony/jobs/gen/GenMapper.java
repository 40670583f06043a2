package org.colony.jobs.gen;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.colony.jobs.common.FaultSwitch;

/**
 * Writes its split's file of each day, {@code dt=YYYY-MM-DD/part-m-NNNNN[.gz]} in the task's work
 * folder (the output committer moves it into the job's output), with {@link AccessLogGenerator}.
 */
public class GenMapper extends Mapper<LongWritable, NullWritable, NullWritable, Text> {
  private AccessLogGenerator generator;
  private FaultSwitch faults;
  private long bytes;
  private int days;
  private int split;
  private int splits;
  private LocalDate start;
  private boolean gzip;
  private Counter lines;
  private Counter malformed;
  private Counter written;
  private Counter sessions;
  private Counter files;

  @Override
  protected void setup(Context context) {
    faults = FaultSwitch.of(context);
    Configuration conf = context.getConfiguration();
    GenSplit s = (GenSplit) context.getInputSplit();
    split = s.index();
    splits = s.count();
    bytes = GenKeys.bytes(conf);
    days = GenKeys.days(conf);
    start = GenKeys.start(conf);
    gzip = GenKeys.GZIP.getBoolean(conf);
    generator = new AccessLogGenerator(GenKeys.seed(conf), split, GenKeys.malformed(conf));
    lines = context.getCounter(GenCounters.LINES);
    malformed = context.getCounter(GenCounters.MALFORMED_LINES);
    written = context.getCounter(GenCounters.BYTES);
    sessions = context.getCounter(GenCounters.SESSIONS);
    files = context.getCounter(GenCounters.FILES);
  }

  @Override
  protected void map(LongWritable day, NullWritable none, Context context)
      throws IOException, InterruptedException {
    faults.record();
    LocalDate date = start.plusDays(day.get());
    Path file = FileOutputFormat.getPathForWorkFile(context, "dt=" + date + "/part",
        gzip ? ".gz" : "");
    long quota = GenKeys.quota(bytes, days, splits, split, (int) day.get());
    AccessLogGenerator.DayTotals t;
    try (OutputStream out = open(file, context)) {
      t = generator.generateDay(date, quota, out, context::progress);
    }
    lines.increment(t.lines());
    malformed.increment(t.malformed());
    written.increment(t.bytes());
    sessions.increment(t.sessions());
    files.increment(1);
    context.setStatus(date + ": " + t.lines() + " lines");
  }

  private OutputStream open(Path file, Context context) throws IOException {
    OutputStream out = file.getFileSystem(context.getConfiguration()).create(file, false);
    if (gzip) { // java.util.zip's gzip: no time stamp in the header, so the same bytes every run
      out = new GZIPOutputStream(new BufferedOutputStream(out, 1 << 16), 1 << 16);
    }
    return new BufferedOutputStream(out, 1 << 20);
  }
}
