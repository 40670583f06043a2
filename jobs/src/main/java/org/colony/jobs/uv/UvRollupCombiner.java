package org.colony.jobs.uv;

import java.io.IOException;
import java.util.Arrays;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Reducer;
import org.colony.jobs.common.VisitorSketches;

/** Unions the sketches of one period's days, on the map side. */
public class UvRollupCombiner
    extends Reducer<LongWritable, PeriodSketch, LongWritable, PeriodSketch> {
  private final PeriodSketch out = new PeriodSketch();

  /** The union of {@code values}; their days into {@code days[0]}. */
  static HllSketch union(Iterable<PeriodSketch> values, long[] days) {
    Union union = null;
    long mask = 0;
    for (PeriodSketch v : values) {
      mask |= v.days();
      union = VisitorSketches.add(union, HllSketch.heapify(Arrays.copyOf(v.sketch(), v.length())));
    }
    days[0] = mask;
    return union.getResult(VisitorSketches.STORED_TYPE);
  }

  @Override
  protected void reduce(LongWritable start, Iterable<PeriodSketch> values, Context context)
      throws IOException, InterruptedException {
    long[] days = new long[1];
    HllSketch u = union(values, days);
    context.write(start, out.set(days[0], u.toCompactByteArray()));
  }
}
