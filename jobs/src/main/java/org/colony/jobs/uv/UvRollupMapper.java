package org.colony.jobs.uv;

import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Mapper;
import org.colony.jobs.common.FaultSwitch;
import org.colony.jobs.common.RejectSink;

/** Emits each day's sketch under the first day of its period, marked with its day. */
public class UvRollupMapper extends Mapper<LongWritable, DaySketch, LongWritable, PeriodSketch> {
  private final LongWritable start = new LongWritable();
  private final PeriodSketch out = new PeriodSketch();
  private Period period;
  private RejectSink rejects;
  private FaultSwitch faults;

  @Override
  protected void setup(Context context) {
    period = UvRollupKeys.period(context.getConfiguration());
    rejects = new RejectSink(context);
    faults = FaultSwitch.of(context);
  }

  @Override
  protected void map(LongWritable day, DaySketch s, Context context)
      throws IOException, InterruptedException {
    faults.record();
    if (s.isRejected()) {
      rejects.write(s.reject());
      return;
    }
    long first = period.start(s.day());
    start.set(first);
    context.write(start, out.set(1L << (s.day() - first), Arrays.copyOf(s.sketch(), s.length())));
  }

  @Override
  protected void cleanup(Context context) throws IOException {
    rejects.close();
  }
}
