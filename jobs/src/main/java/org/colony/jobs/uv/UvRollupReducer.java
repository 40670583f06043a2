package org.colony.jobs.uv;

import java.io.IOException;
import java.time.LocalDate;
import org.apache.datasketches.hll.HllSketch;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.colony.jobs.common.TsvReports;
import org.colony.jobs.common.TsvRow;
import org.colony.jobs.common.VisitorSketches;

/** Unions each period's day sketches and writes its row. */
public class UvRollupReducer extends Reducer<LongWritable, PeriodSketch, NullWritable, Text> {
  private final TsvRow row = new TsvRow();
  private Period period;
  private TsvReports reports;

  @Override
  protected void setup(Context context) {
    period = UvRollupKeys.period(context.getConfiguration());
    reports = new TsvReports(context);
  }

  @Override
  protected void reduce(LongWritable start, Iterable<PeriodSketch> values, Context context)
      throws IOException, InterruptedException {
    long[] days = new long[1];
    HllSketch visitors = UvRollupCombiner.union(values, days);
    long first = start.get();
    row.clear().field(period.label(first)).field(LocalDate.ofEpochDay(first).toString())
        .field(LocalDate.ofEpochDay(period.end(first)).toString()).field(Long.bitCount(days[0]));
    reports.write(UvRollupSpec.REPORT, VisitorSketches.estimate(row, visitors).text());
    context.getCounter(UvRollupCounters.PERIODS).increment(1);
  }

  @Override
  protected void cleanup(Context context) throws IOException {
    reports.close();
  }
}
