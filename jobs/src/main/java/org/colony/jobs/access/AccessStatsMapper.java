package org.colony.jobs.access;

import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.colony.io.Timestamps;
import org.colony.io.access.AccessLogRecord;
import org.colony.jobs.common.RejectSink;
import org.colony.jobs.common.ReportKey;

/**
 * Counts, per parsed line, one hit under each report key: its UTC hour, URL, client, referrer
 * and user agent, summed in the task ({@link MapSideSums}, up to
 * {@code colony.access-stats.map.sums.keys} keys at a time) before they are written. Rejected
 * lines go to the reject sink.
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
  private MapSideSums sums;
  private Context context;

  @Override
  protected void setup(Context context) {
    this.context = context;
    keepQuery = AccessStatsKeys.KEEP_QUERY.getBoolean(context.getConfiguration());
    rejects = new RejectSink(context);
    int maxKeys = AccessStatsKeys.MAP_SUMS_KEYS.getInt(context.getConfiguration());
    sums = maxKeys > 0 ? new MapSideSums(maxKeys, context::write) : null;
  }

  @Override
  protected void map(LongWritable offset, AccessLogRecord r, Context context)
      throws IOException, InterruptedException {
    if (r.isRejected()) {
      rejects.write(r.reject());
      return;
    }
    request.setRequest(r.status(), r.bytes());
    emit(key.setLong(AccessReports.HOURLY,
        Math.floorDiv(r.timeMillis(), Timestamps.MILLIS_PER_HOUR)), request);
    emit(keyOf(AccessReports.URLS, urlOf(r)), request);
    emit(keyOf(AccessReports.CLIENTS, r.client()), request);
    emit(keyOf(AccessReports.REFERRERS, r.referrer()), hit);
    emit(keyOf(AccessReports.AGENTS, r.agent()), hit);
  }

  private void emit(ReportKey k, HitStats v) throws IOException, InterruptedException {
    if (sums != null) {
      sums.add(k, v);
    } else {
      context.write(k, v);
    }
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
    rejects.close();
  }
}
