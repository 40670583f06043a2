package org.colony.io;

import java.util.EnumMap;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.counters.GenericCounter;

/**
 * What every reader counts, in one place: each record read is either parsed or rejected with a
 * reason ({@code RECORDS_IN = RECORDS_PARSED + RECORDS_REJECTED}), and a rejected record carries
 * its reason, file and offset to the mapper. Counters are looked up once.
 */
public final class RecordAccounting {
  private final TaskAttemptContext context;
  private final Reject reject = new Reject();
  private final Counter recordsIn;
  private final Counter parsed;
  private final Counter rejected;
  private final Counter bytesRead;
  private final EnumMap<RejectReason, Counter> reasons = new EnumMap<>(RejectReason.class);

  public RecordAccounting(TaskAttemptContext context) {
    this.context = context;
    recordsIn = counter(RecordCounters.RECORDS_IN);
    parsed = counter(RecordCounters.RECORDS_PARSED);
    rejected = counter(RecordCounters.RECORDS_REJECTED);
    bytesRead = counter(RecordCounters.BYTES_READ);
  }

  /** Counts {@code record} as read and parsed. */
  public void parsed(ParsedRecord record) {
    recordsIn.increment(1);
    parsed.increment(1);
    record.markParsed();
  }

  /** Counts {@code record} as read and rejected, and marks it with why and where. */
  public void rejected(ParsedRecord record, RejectReason reason, String file, long offset,
      byte[] bytes, int length) {
    recordsIn.increment(1);
    rejected.increment(1);
    reasons.computeIfAbsent(reason, this::counter).increment(1);
    reject.set(reason, file, offset, bytes, length);
    record.markRejected(reject);
  }

  public void bytesRead(long n) {
    bytesRead.increment(n);
  }

  /** A counter of the task; outside a task (a test, a tool) a detached one. */
  public Counter counter(Enum<?> name) {
    Counter c = context.getCounter(name);
    return c != null ? c : new GenericCounter(name.name(), name.name());
  }
}
