package org.colony.jobs.exceptions;

import java.io.IOException;
import org.apache.hadoop.mapreduce.Reducer;
import org.colony.jobs.common.ReportKey;

/**
 * Merges the counts of a key on the map side: the mappers already count in memory, so this only
 * joins what a mapper wrote out early (to bound its memory) with what it wrote at its end.
 */
public class SignatureStatsCombiner
    extends Reducer<ReportKey, SignatureStats, ReportKey, SignatureStats> {
  private final SignatureStats sum = new SignatureStats();

  @Override
  protected void reduce(ReportKey key, Iterable<SignatureStats> values, Context context)
      throws IOException, InterruptedException {
    sum.clear();
    for (SignatureStats v : values) {
      sum.merge(v);
    }
    context.write(key, sum);
  }
}
