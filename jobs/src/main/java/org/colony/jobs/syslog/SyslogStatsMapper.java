package org.colony.jobs.syslog;

import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Mapper;
import org.colony.io.Timestamps;
import org.colony.io.syslog.SyslogRecord;
import org.colony.jobs.common.RejectSink;

/**
 * Emits, per parsed line, a count under its (hour, host, app, severity) and the line's
 * {@link SyslogStats} under its (template, host, app). Rejected lines go to the reject sink.
 */
public class SyslogStatsMapper
    extends Mapper<LongWritable, SyslogRecord, SyslogStatsKey, SyslogStats> {
  private final SyslogStatsKey key = new SyslogStatsKey();
  private final SyslogStats one = new SyslogStats().setCount(1);
  private final SyslogStats line = new SyslogStats();
  private TemplateMasker masker;
  private RejectSink rejects;
  private Counter withoutTime;

  @Override
  protected void setup(Context context) {
    masker = new TemplateMasker(SyslogStatsKeys.maskUsers(context.getConfiguration()));
    rejects = new RejectSink(context);
    withoutTime = context.getCounter(SyslogStatsCounters.LINES_WITHOUT_TIME);
  }

  @Override
  protected void map(LongWritable offset, SyslogRecord r, Context context)
      throws IOException, InterruptedException {
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
    context.write(key.setHourly(hour, host.getBytes(), 0, host.getLength(), app.getBytes(), 0,
        app.getLength(), severity), one);
    masker.mask(message.getBytes(), 0, message.getLength());
    key.setTemplate(masker.bytes(), 0, masker.length(), host.getBytes(), 0, host.getLength(),
        app.getBytes(), 0, app.getLength());
    context.write(key, line.setLine(severity, micros, message.getBytes(), 0,
        message.getLength()));
  }

  @Override
  protected void cleanup(Context context) throws IOException {
    rejects.close();
  }
}
