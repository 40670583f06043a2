package org.colony.jobs.syslog;

import java.io.IOException;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Adds up the values of equal keys on the map side, as {@link MapSideSums} emits them more than
 * once when it flushes before the end of its task. It groups by the whole key (Hadoop's
 * combiner uses the sort comparator, not the grouping one), so hosts and apps stay apart for the
 * reducer.
 */
public class SyslogStatsCombiner
    extends Reducer<SyslogStatsKey, SyslogStats, SyslogStatsKey, SyslogStats> {
  private final SyslogStats sum = new SyslogStats();

  @Override
  protected void reduce(SyslogStatsKey key, Iterable<SyslogStats> values, Context context)
      throws IOException, InterruptedException {
    context.write(key, sum.sumOf(values));
  }
}
