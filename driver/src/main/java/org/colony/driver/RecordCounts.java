package org.colony.driver;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.mapreduce.Counters;
import org.colony.io.RecordCounters;
import org.colony.io.RejectReason;

/** Records in, parsed and rejected of a finished job, from its counters. */
public record RecordCounts(long in, long parsed, long rejected, long rejectsWritten,
    Map<String, Long> byReason) {

  public static RecordCounts of(Counters counters) {
    Map<String, Long> reasons = new LinkedHashMap<>();
    for (RejectReason r : RejectReason.values()) {
      long v = counters.findCounter(r).getValue();
      if (v > 0) {
        reasons.put(r.name(), v);
      }
    }
    return new RecordCounts(counters.findCounter(RecordCounters.RECORDS_IN).getValue(),
        counters.findCounter(RecordCounters.RECORDS_PARSED).getValue(),
        counters.findCounter(RecordCounters.RECORDS_REJECTED).getValue(),
        counters.findCounter(RecordCounters.REJECTS_WRITTEN).getValue(), reasons);
  }

  /** Whether every record read was either parsed or rejected. */
  public boolean balanced() {
    return in == parsed + rejected
        && rejected == byReason.values().stream().mapToLong(Long::longValue).sum();
  }

  public double rejectedFraction() {
    return in == 0 ? 0 : (double) rejected / in;
  }
}
