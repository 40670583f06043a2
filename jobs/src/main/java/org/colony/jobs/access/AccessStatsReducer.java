package org.colony.jobs.access;

import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Reducer;
import org.colony.io.Timestamps;
import org.colony.jobs.common.ReportKey;
import org.colony.jobs.common.TopN;
import org.colony.jobs.common.TsvReports;
import org.colony.jobs.common.TsvRow;

/**
 * Sums each key's counts and writes its row into its report; keeps this reducer's exact top N
 * URLs, referrers and agents and writes them as candidates for the merge into top/.
 */
public class AccessStatsReducer extends Reducer<ReportKey, HitStats, NullWritable, Text> {
  private final HitStats sum = new HitStats();
  private final TsvRow row = new TsvRow();
  private final byte[] hour = new byte[13];
  private final TopN[] top = new TopN[AccessReports.TOP_DIMENSION.length];
  private final Counter[] rows = new Counter[AccessReports.TOP_DIMENSION.length];
  private TsvReports reports;

  @Override
  protected void setup(Context context) {
    int n = AccessStatsKeys.TOP_N.getInt(context.getConfiguration());
    for (int d = 0; d < top.length; d++) {
      if (AccessReports.TOP_DIMENSION[d] != null) {
        top[d] = new TopN(n);
      }
      rows[d] = context.getCounter(AccessStatsCounters.values()[d]);
    }
    reports = new TsvReports(context);
  }

  @Override
  protected void reduce(ReportKey key, Iterable<HitStats> values, Context context)
      throws IOException, InterruptedException {
    sum.sumOf(values);
    int report = key.report();
    rows[report].increment(1);
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
