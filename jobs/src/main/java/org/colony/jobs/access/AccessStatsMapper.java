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

/**
 * Emits, per parsed line, one count under each report key: its UTC hour, URL, client, referrer
 * and user agent. Rejected lines go to the reject sink.
 */
public class AccessStatsMapper extends Mapper<LongWritable, AccessLogRecord, ReportKey, HitStats> {
  private static final byte[] QUESTION_MARK = {'?'};
  private static final byte[] DASH = {'-'};

  private final ReportKey key = new ReportKey();
  private final HitStats request = new HitStats();
  private final HitStats hit = new HitStats().setHit();
  private final Text url = new Text();
  private boolean keepQuery;
  private RejectSink rejects;
  private FaultSwitch faults;

  @Override
  protected void setup(Context context) {
    keepQuery = AccessStatsKeys.KEEP_QUERY.getBoolean(context.getConfiguration());
    rejects = new RejectSink(context);
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
    request.setRequest(r.status(), r.bytes());
    context.write(key.setLong(AccessReports.HOURLY,
        Math.floorDiv(r.timeMillis(), Timestamps.MILLIS_PER_HOUR)), request);
    context.write(keyOf(AccessReports.URLS, urlOf(r)), request);
    context.write(keyOf(AccessReports.CLIENTS, r.client()), request);
    context.write(keyOf(AccessReports.REFERRERS, r.referrer()), hit);
    context.write(keyOf(AccessReports.AGENTS, r.agent()), hit);
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
  protected void cleanup(Context context) throws IOException {
    rejects.close();
  }
}
