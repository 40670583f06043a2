package org.colony.jobs.access;

import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.colony.io.Timestamps;
import org.colony.io.access.AccessLogRecord;
import org.colony.jobs.common.FaultSwitch;
import org.colony.jobs.common.RejectSink;
import org.colony.jobs.common.ReportKey;
import org.colony.jobs.common.VisitorFields;

/**
 * Counts, per parsed line, one hit under each report key: its UTC hour, URL, client, referrer
 * and user agent, summed in the task ({@link MapSideSums}, up to
 * {@code colony.access-stats.map.sums.keys} keys at a time) before they are written; and adds
 * the line to the task's per-hour sketches (visitors, response times), which are emitted once,
 * when the task ends. Rejected lines go to the reject sink.
 */
public class AccessStatsMapper
    extends Mapper<LongWritable, AccessLogRecord, ReportKey, AccessValue> {
  private static final byte[] QUESTION_MARK = {'?'};
  private static final byte[] DASH = {'-'};
  /** Hours of sketches a task holds at most before it emits them early: about 3 weeks. */
  static final int MAX_HOURS_HELD = 512;
  /** Heap the held sketches may take at most, roughly (a full HLL_8 and KLL sketch each). */
  static final long SKETCH_BUDGET_BYTES = 32L << 20;

  private final ReportKey key = new ReportKey();
  private final AccessValue request = new AccessValue();
  private final HitStats hitCounts = new HitStats();
  private final HitStats counts = new HitStats();
  private final AccessValue sketch = new AccessValue();
  private final Text url = new Text();
  private final Text visitor = new Text();
  private boolean keepQuery;
  private HourSketches sketches;
  private Emitter emitter;
  private RejectSink rejects;
  private MapSideSums sums;
  private Context context;
  private FaultSwitch faults;

  @Override
  protected void setup(Context context) {
    this.context = context;
    keepQuery = AccessStatsKeys.KEEP_QUERY.getBoolean(context.getConfiguration());
    hitCounts.setHit();
    int lgK = AccessStatsKeys.uvLgK(context.getConfiguration());
    int k = AccessStatsKeys.latencyK(context.getConfiguration());
    sketches = new HourSketches(lgK, k, maxHoursHeld(lgK, k));
    emitter = new Emitter(context);
    rejects = new RejectSink(context);
    int maxKeys = AccessStatsKeys.MAP_SUMS_KEYS.getInt(context.getConfiguration());
    sums = maxKeys > 0
        ? new MapSideSums(maxKeys, (rk, v) -> context.write(rk, request.counts(v))) : null;
    faults = FaultSwitch.of(context);
  }

  @Override
  protected void map(LongWritable offset, AccessLogRecord r, Context context)
      throws IOException, InterruptedException {
    faults.record();
    if (r.isRejected()) {
      rejects.write(r.reject());
      return;
    }
    counts.setRequest(r.status(), r.bytes());
    long hour = Math.floorDiv(r.timeMillis(), Timestamps.MILLIS_PER_HOUR);
    emit(key.setLong(AccessReports.HOURLY, hour), counts);
    emit(keyOf(AccessReports.URLS, urlOf(r)), counts);
    emit(keyOf(AccessReports.CLIENTS, r.client()), counts);
    emit(keyOf(AccessReports.REFERRERS, r.referrer()), hitCounts);
    emit(keyOf(AccessReports.AGENTS, r.agent()), hitCounts);
    VisitorFields.CLIENT_AGENT.visitorOf(r, visitor);
    sketches.add(hour, visitor.getBytes(), visitor.getLength(), r.responseMicros(), r.bytes(),
        emitter);
  }

  private void emit(ReportKey k, HitStats v) throws IOException, InterruptedException {
    if (sums != null) {
      sums.add(k, v);
    } else {
      context.write(k, request.counts(v));
    }
  }

  /**
   * How many hours of sketches a task holds: 512, fewer when large sketches would pass the
   * budget (an HLL_8 sketch is 2^lgK bytes, a KLL sketch of longs about 3k values of 8 bytes).
   */
  static int maxHoursHeld(int lgK, int k) {
    long perHour = (1L << lgK) + 24L * k;
    return (int) Math.max(1, Math.min(MAX_HOURS_HELD, SKETCH_BUDGET_BYTES / perHour));
  }

  /** The key of a text field; an absent field is the value '-', as the reports show it. */
  private ReportKey keyOf(int report, Text value) {
    return value.getLength() == 0 ? key.set(report, DASH, 0, 1) : key.set(report, value);
  }

  private Text urlOf(AccessLogRecord r) {
    if (!keepQuery || r.query().getLength() == 0) {
      return r.path();
    }
    url.set(r.path());
    url.append(QUESTION_MARK, 0, 1);
    url.append(r.query().getBytes(), 0, r.query().getLength());
    return url;
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    if (sums != null) {
      sums.flush();
    }
    sketches.flush(emitter);
    rejects.close();
  }

  /** Writes flushed sketches as map output. */
  private final class Emitter implements HourSketches.Sink {
    private final Context context;

    Emitter(Context context) {
      this.context = context;
    }

    @Override
    public void hourVisitors(long hour, byte[] b) throws IOException, InterruptedException {
      context.write(key.setLong(AccessReports.HOURLY_UV, hour), sketch.sketch(b, b.length, 0, 0));
    }

    @Override
    public void hourLatency(long hour, byte[] b) throws IOException, InterruptedException {
      context.write(key.setLong(AccessReports.LATENCY, hour), sketch.sketch(b, b.length, 0, 0));
    }

    @Override
    public void dayVisitors(long day, byte[] b, long requests, long bytes)
        throws IOException, InterruptedException {
      context.write(key.setLong(AccessReports.DAILY, day),
          sketch.sketch(b, b.length, requests, bytes));
    }
  }
}
