package org.colony.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.counters.GenericCounter;

/**
 * The bookkeeping every Colony record reader shares: it counts each record it is told about in
 * {@link RecordCounters} (records in, parsed or rejected, and one counter per {@link RejectReason}),
 * marks the record parsed or rejected, and applies {@code colony.input.corrupt} to a damaged
 * compressed file. One per reader; counters are looked up once.
 */
public final class RecordAccounting {
  private final TaskAttemptContext context;
  private final boolean skipCorrupt;
  private final Reject reject = new Reject();
  private final Counter recordsIn;
  private final Counter parsed;
  private final Counter rejected;
  private final Counter bytesRead;
  private final EnumMap<RejectReason, Counter> reasonCounters = new EnumMap<>(RejectReason.class);

  /** Counters of {@code ctx}; counts the split as one of FILES_READ. */
  public RecordAccounting(TaskAttemptContext ctx) {
    this.context = ctx;
    this.skipCorrupt = InputKeys.skipCorrupt(ctx.getConfiguration());
    recordsIn = counter(RecordCounters.RECORDS_IN);
    parsed = counter(RecordCounters.RECORDS_PARSED);
    rejected = counter(RecordCounters.RECORDS_REJECTED);
    bytesRead = counter(RecordCounters.BYTES_READ);
    counter(RecordCounters.FILES_READ).increment(1);
  }

  /** Input bytes consumed (line ends included). */
  public void bytesRead(long n) {
    bytesRead.increment(n);
  }

  /** {@code value} parsed: counted and marked so. */
  public void parsed(ParsedRecord value) {
    recordsIn.increment(1);
    parsed.increment(1);
    value.markParsed();
  }

  /** {@code value} is rejected for {@code reason}: counted, and marked with where and what. */
  public void rejected(ParsedRecord value, RejectReason reason, String file, long offset,
      byte[] bytes, int length) {
    recordsIn.increment(1);
    rejected.increment(1);
    reasonCounters.computeIfAbsent(reason, this::counter).increment(1);
    reject.set(reason, file, offset, bytes, length);
    value.markRejected(reject);
  }

  /**
   * A damaged compressed file: with {@code colony.input.corrupt=skip}, counts it (FILES_CORRUPT)
   * and turns {@code value} into its one CORRUPT_FILE reject, after which the reader stops reading
   * the file; with {@code fail}, throws.
   *
   * @throws IOException naming the file, when damaged files are to fail the job
   */
  public void corrupt(ParsedRecord value, CorruptInputException e) throws IOException {
    if (!skipCorrupt) {
      throw new IOException(e.getMessage() + " (" + InputKeys.CORRUPT.name() + "=fail)", e);
    }
    counter(RecordCounters.FILES_CORRUPT).increment(1);
    byte[] msg = String.valueOf(e.getCause() != null ? e.getCause() : e.getMessage())
        .getBytes(StandardCharsets.UTF_8);
    rejected(value, RejectReason.CORRUPT_FILE, e.file(), e.offset(), msg, msg.length);
  }

  /** A counter of the task; outside a task (a reader opened by a test or a tool), a detached one. */
  public Counter counter(Enum<?> name) {
    Counter c = context.getCounter(name);
    return c != null ? c : new GenericCounter(name.name(), name.name());
  }
}
