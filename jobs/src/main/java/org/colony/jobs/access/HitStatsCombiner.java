package org.colony.jobs.access;

import java.io.IOException;
import org.apache.hadoop.mapreduce.Reducer;
import org.colony.jobs.common.ReportKey;

/** Sums the counts of a key on the map side. */
public class HitStatsCombiner extends Reducer<ReportKey, HitStats, ReportKey, HitStats> {
  private final HitStats sum = new HitStats();

  @Override
  protected void reduce(ReportKey key, Iterable<HitStats> values, Context context)
      throws IOException, InterruptedException {
    context.write(key, sum.sumOf(values));
  }
}
