package org.colony.jobs.exceptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Mapper;
import org.colony.io.Timestamps;
import org.colony.io.events.EventRecord;
import org.colony.jobs.common.FaultSwitch;
import org.colony.jobs.common.InputFile;
import org.colony.jobs.common.RejectSink;
import org.colony.jobs.common.ReportKey;

/**
 * Computes the signature of each event that holds a Java exception and counts it, in memory, per
 * signature (with its first and last time and its best example so far) and per signature and
 * UTC hour; writes the counts at the end of the task, or earlier when they hold too much. The
 * events of a signature in one split are thus one map output record, whatever their number, and
 * an example's text is copied only when it beats the one kept. Rejected records go to the reject
 * sink.
 */
public class ExceptionsMapper extends Mapper<LongWritable, EventRecord, ReportKey, SignatureStats> {
  /** Entries held before the counts are written out early. */
  static final int MAX_ENTRIES = 20_000;
  /** Example bytes held before the counts are written out early. */
  static final long MAX_HELD_BYTES = 32L << 20;

  private final Map<ByteBuffer, SignatureStats> signatures = new HashMap<>();
  private final Map<ByteBuffer, long[]> hourly = new HashMap<>();
  private final ReportKey key = new ReportKey();
  private final SignatureStats count = new SignatureStats();
  private long held;
  private Signatures computer;
  private InputFile file;
  private RejectSink rejects;
  private FaultSwitch faults;
  private Counter events;
  private Counter withException;
  private Counter withoutTime;
  private Counter flushes;

  @Override
  protected void setup(Context context) {
    Configuration conf = context.getConfiguration();
    computer = new Signatures(ExceptionsKeys.packages(conf), ExceptionsKeys.frames(conf));
    file = new InputFile(context);
    rejects = new RejectSink(context);
    faults = FaultSwitch.of(context);
    events = context.getCounter(ExceptionsCounters.EVENTS);
    withException = context.getCounter(ExceptionsCounters.EVENTS_WITH_EXCEPTION);
    withoutTime = context.getCounter(ExceptionsCounters.EVENTS_WITHOUT_TIME);
    flushes = context.getCounter(ExceptionsCounters.MAP_FLUSHES);
  }

  @Override
  protected void map(LongWritable offset, EventRecord event, Context context)
      throws IOException, InterruptedException {
    faults.record();
    if (event.isRejected()) {
      rejects.write(event.reject());
      return;
    }
    events.increment(1);
    Signature sig = computer.of(event);
    if (sig == null) {
      return;
    }
    withException.increment(1);
    byte[] k = sig.key();
    SignatureStats stats = signatures.computeIfAbsent(ByteBuffer.wrap(k),
        x -> new SignatureStats());
    int before = stats.heldBytes();
    long time = event.hasTime() ? event.timeMillis() : SignatureStats.NO_TIME;
    stats.add(time, event.text(), file.bytes(), offset.get(), sig.message());
    held += stats.heldBytes() - before;
    if (event.hasTime()) {
      byte[] hk = new byte[8 + k.length];
      ExceptionsReports.putSortableLong(Math.floorDiv(time, Timestamps.MILLIS_PER_HOUR), hk, 0);
      System.arraycopy(k, 0, hk, 8, k.length);
      hourly.computeIfAbsent(ByteBuffer.wrap(hk), x -> new long[1])[0]++;
    } else {
      withoutTime.increment(1);
    }
    if (signatures.size() + hourly.size() > MAX_ENTRIES || held > MAX_HELD_BYTES) {
      flushes.increment(1);
      flush(context);
    }
  }

  private void flush(Context context) throws IOException, InterruptedException {
    for (Map.Entry<ByteBuffer, SignatureStats> e : signatures.entrySet()) {
      byte[] k = e.getKey().array();
      context.write(key.set(ExceptionsReports.SIGNATURES, k, 0, k.length), e.getValue());
    }
    for (Map.Entry<ByteBuffer, long[]> e : hourly.entrySet()) {
      byte[] k = e.getKey().array();
      context.write(key.set(ExceptionsReports.HOURLY, k, 0, k.length),
          count.setCount(e.getValue()[0]));
    }
    signatures.clear();
    hourly.clear();
    held = 0;
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    flush(context);
    rejects.close();
  }
}
