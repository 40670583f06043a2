package org.colony.jobs.access;

import java.io.IOException;
import org.apache.hadoop.mapreduce.Reducer;
import org.colony.jobs.common.ReportKey;
import org.colony.jobs.common.VisitorSketches;

/** Sums the counts of a key on the map side; merges the sketches of a sketch key into one. */
public class AccessStatsCombiner extends Reducer<ReportKey, AccessValue, ReportKey, AccessValue> {
  private final HitStats sum = new HitStats();
  private final AccessValue out = new AccessValue();

  @Override
  protected void reduce(ReportKey key, Iterable<AccessValue> values, Context context)
      throws IOException, InterruptedException {
    byte[] b;
    switch (key.report()) {
      case AccessReports.DAILY:
      case AccessReports.HOURLY_UV:
        b = VisitorSketches.toBytes(SketchValues.unionVisitors(values, sum));
        context.write(key, out.sketch(b, b.length, sum.requests(), sum.bytes()));
        break;
      case AccessReports.LATENCY:
        b = SketchValues.mergeLatency(values).toByteArray();
        context.write(key, out.sketch(b, b.length, 0, 0));
        break;
      default:
        sum.clear();
        for (AccessValue v : values) {
          sum.add(v.counts());
        }
        context.write(key, out.counts(sum));
    }
  }
}
