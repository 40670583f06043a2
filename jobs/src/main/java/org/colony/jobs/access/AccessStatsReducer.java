package org.colony.jobs.access;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.datasketches.hll.HllSketch;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.colony.io.Timestamps;
import org.colony.jobs.common.ReportKey;
import org.colony.jobs.common.TopN;
import org.colony.jobs.common.TsvReports;
import org.colony.jobs.common.TsvRow;
import org.colony.jobs.common.UvSketchFiles;
import org.colony.jobs.common.VisitorSketches;

/**
 * Sums each key's counts and writes its row into its report; keeps this reducer's exact top N
 * URLs, referrers and agents and writes them as candidates for the merge into top/. Merges the
 * sketches of each day and hour into daily/, hourly_uv/ and latency/ rows, and writes each day's
 * visitor sketch to {@code uv/dt=YYYY-MM-DD.hll} (a day's key goes to one reducer: one file).
 */
public class AccessStatsReducer extends Reducer<ReportKey, AccessValue, NullWritable, Text> {
  private final HitStats sum = new HitStats();
  private final TsvRow row = new TsvRow();
  private final byte[] hour = new byte[13];
  private final byte[] date = new byte[10];
  private final TopN[] top = new TopN[AccessReports.COUNT];
  private final Counter[] rows = new Counter[AccessReports.COUNT];
  private TsvReports reports;
  private Path sketchFolder;

  @Override
  protected void setup(Context context) throws IOException, InterruptedException {
    int n = AccessStatsKeys.TOP_N.getInt(context.getConfiguration());
    for (int d = 0; d < AccessReports.COUNT; d++) {
      if (AccessReports.TOP_DIMENSION[d] != null) {
        top[d] = new TopN(n);
      }
      rows[d] = context.getCounter(AccessStatsCounters.values()[d]);
    }
    reports = new TsvReports(context);
    sketchFolder = new Path(FileOutputFormat.getWorkOutputPath(context), UvSketchFiles.FOLDER);
  }

  @Override
  protected void reduce(ReportKey key, Iterable<AccessValue> values, Context context)
      throws IOException, InterruptedException {
    int report = key.report();
    rows[report].increment(1);
    switch (report) {
      case AccessReports.DAILY:
        daily(key.getLong(), SketchValues.unionVisitors(values, sum), context);
        return;
      case AccessReports.HOURLY_UV:
        Timestamps.formatHour(key.getLong(), hour, 0);
        VisitorSketches.estimate(row.clear().plain(hour, 0, hour.length),
            SketchValues.unionVisitors(values, sum));
        reports.write(AccessReports.HOURLY_UV_REPORT, row.text());
        return;
      case AccessReports.LATENCY:
        Timestamps.formatHour(key.getLong(), hour, 0);
        SketchValues.latency(row.clear().plain(hour, 0, hour.length),
            SketchValues.mergeLatency(values));
        reports.write(AccessReports.LATENCY_REPORT, row.text());
        return;
      default:
        break;
    }
    sum.clear();
    for (AccessValue v : values) {
      sum.add(v.counts());
    }
    if (top[report] != null) {
      top[report].offer(key.bytes(), 0, key.length(), sum.requests());
    }
    switch (report) {
      case AccessReports.HOURLY:
        Timestamps.formatHour(key.getLong(), hour, 0);
        row.clear().plain(hour, 0, hour.length).field(sum.requests()).field(sum.bytes())
            .field(sum.s2xx()).field(sum.s3xx()).field(sum.s4xx()).field(sum.s5xx());
        reports.write(AccessReports.HOURLY_REPORT, row.text());
        break;
      case AccessReports.URLS:
        row.clear().field(key.bytes(), 0, key.length()).field(sum.requests()).field(sum.bytes())
            .field(sum.s4xx()).field(sum.s5xx());
        reports.write(AccessReports.URLS_REPORT, row.text());
        break;
      case AccessReports.CLIENTS:
        row.clear().field(key.bytes(), 0, key.length()).field(sum.requests()).field(sum.bytes());
        reports.write(AccessReports.CLIENTS_REPORT, row.text());
        break;
      default:
        // referrers and agents only feed the top lists
    }
  }

  /** A day's daily/ row and its sketch file. */
  private void daily(long day, HllSketch visitors, Context context)
      throws IOException, InterruptedException {
    Timestamps.formatDate(day, date, 0);
    row.clear().plain(date, 0, date.length).field(sum.requests()).field(sum.bytes());
    reports.write(AccessReports.DAILY_REPORT, VisitorSketches.estimate(row, visitors).text());
    Path file = new Path(sketchFolder, UvSketchFiles.fileName(day));
    FileSystem fs = file.getFileSystem(context.getConfiguration());
    try (OutputStream out = fs.create(file, false)) {
      out.write(VisitorSketches.toBytes(visitors));
    }
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    ReportKey candidate = new ReportKey();
    LongWritable count = new LongWritable();
    String base = AccessReports.TOP_CANDIDATES + "/part";
    for (int d = 0; d < top.length; d++) {
      if (top[d] == null) {
        continue;
      }
      for (TopN.Entry e : top[d].best()) {
        candidate.set(d, e.value(), 0, e.value().length);
        count.set(e.count());
        reports.outputs().write(AccessReports.TOP_CANDIDATES_OUTPUT, candidate, count, base);
      }
    }
    reports.close();
  }
}
