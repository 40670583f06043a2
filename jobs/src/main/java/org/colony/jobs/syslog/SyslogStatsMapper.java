package org.colony.jobs.syslog;

import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Mapper;
import org.colony.io.Timestamps;
import org.colony.io.syslog.SyslogRecord;
import org.colony.jobs.common.FaultSwitch;
import org.colony.jobs.common.RejectSink;

/**
 * Adds, per parsed line, a count under its (hour, host, app, severity) and the line's
 * {@link SyslogStats} under its (template, host, app) to the task's {@link MapSideSums}, which
 * emits them summed. Rejected lines go to the reject sink.
 */
public class SyslogStatsMapper
    extends Mapper<LongWritable, SyslogRecord, SyslogStatsKey, SyslogStats> {
  /** Most keys a map task sums in memory before emitting them. */
  static final int SUMS_MAX_ENTRIES = 50_000;
  /** Most bytes (estimated) a map task's sums take before they are emitted. */
  static final long SUMS_MAX_BYTES = 16L << 20;

  private final SyslogStatsKey key = new SyslogStatsKey();
  private final SyslogStats one = new SyslogStats().setCount(1);
  private final SyslogStats line = new SyslogStats();
  private final MapSideSums sums = new MapSideSums(SUMS_MAX_ENTRIES, SUMS_MAX_BYTES);
  private MapSideSums.Sink output;
  private TemplateMasker masker;
  private RejectSink rejects;
  private FaultSwitch faults;
  private Counter withoutTime;

  @Override
  protected void setup(Context context) {
    masker = new TemplateMasker(SyslogStatsKeys.maskUsers(context.getConfiguration()));
    rejects = new RejectSink(context);
    faults = FaultSwitch.of(context);
    withoutTime = context.getCounter(SyslogStatsCounters.LINES_WITHOUT_TIME);
    output = context::write;
  }

  @Override
  protected void map(LongWritable offset, SyslogRecord r, Context context)
      throws IOException, InterruptedException {
    faults.record();
    if (r.isRejected()) {
      rejects.write(r.reject());
      return;
    }
    int severity = Severity.of(r.severity());
    Text host = r.hostname();
    Text app = r.appName();
    Text message = r.message();
    long hour = SyslogStatsKey.NO_HOUR;
    long micros = SyslogStats.NO_TIME;
    if (r.hasTime()) {
      hour = Math.floorDiv(r.timeMillis(), Timestamps.MILLIS_PER_HOUR);
      micros = r.timeMicros();
    } else {
      withoutTime.increment(1);
    }
    sums.add(key.setHourly(hour, host.getBytes(), 0, host.getLength(), app.getBytes(), 0,
        app.getLength(), severity), one, output);
    masker.mask(message.getBytes(), 0, message.getLength());
    key.setTemplate(masker.bytes(), 0, masker.length(), host.getBytes(), 0, host.getLength(),
        app.getBytes(), 0, app.getLength());
    sums.add(key, line.setLine(severity, micros, message.getBytes(), 0, message.getLength()),
        output);
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    sums.flush(output);
    rejects.close();
  }
}
