package org.colony.jobs.sessions;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.VLongWritable;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Reducer;
import org.colony.io.Timestamps;
import org.colony.jobs.common.TsvReports;
import org.colony.jobs.common.TsvRow;

/**
 * One reduce call per visitor (the grouping comparator), its hits in time order (the sort
 * comparator): streams through them with a {@link SessionCutter}, which keeps only the current
 * session, and writes a row per session to sessions/. Adds every session to its start day's
 * {@link DayStats} and writes those, a piece per reducer, for the merge into summary/.
 *
 * <p>The key object changes with each value the iterator yields (Hadoop deserializes the next
 * key into it), which is how the time and path of each hit arrive.
 */
public class SessionsReducer extends Reducer<SessionKey, VLongWritable, NullWritable, Text>
    implements SessionCutter.Sink {
  private final TsvRow row = new TsvRow();
  private final byte[] visitorHash = new byte[VisitorHash.LENGTH];
  private final byte[] start = new byte[24];
  private final byte[] end = new byte[24];
  private final Map<Long, DayStats> days = new HashMap<>();
  private SessionCutter cutter;
  private VisitorHash hash;
  private TsvReports reports;
  private long visitorLastDay;
  private Counter visitors;
  private Counter sessions;
  private Counter hits;
  private Counter bounces;

  @Override
  protected void setup(Context context) {
    cutter = new SessionCutter(SessionsKeys.gapMillis(context.getConfiguration()), this);
    hash = new VisitorHash(SessionsKeys.salt(context.getConfiguration()));
    reports = new TsvReports(context);
    visitors = context.getCounter(SessionsCounters.VISITORS);
    sessions = context.getCounter(SessionsCounters.SESSIONS);
    hits = context.getCounter(SessionsCounters.HITS);
    bounces = context.getCounter(SessionsCounters.BOUNCES);
  }

  @Override
  protected void reduce(SessionKey key, Iterable<VLongWritable> values, Context context)
      throws IOException, InterruptedException {
    visitors.increment(1);
    hash.hex(key.visitor(), 0, key.visitorLength(), visitorHash, 0);
    visitorLastDay = Long.MIN_VALUE;
    for (VLongWritable bytes : values) {
      cutter.hit(key.time(), key.path(), 0, key.pathLength(), bytes.get());
    }
    cutter.finish();
  }

  @Override
  public void session(Session s) throws IOException, InterruptedException {
    sessions.increment(1);
    hits.increment(s.hits());
    if (s.hits() == 1) {
      bounces.increment(1);
    }
    row.clear().plain(visitorHash, 0, visitorHash.length)
        .plain(start, 0, Timestamps.formatInstant(s.start(), start, 0))
        .plain(end, 0, Timestamps.formatInstant(s.end(), end, 0))
        .field(s.durationSeconds()).field(s.hits())
        .field(s.entry(), 0, s.entryLength()).field(s.exit(), 0, s.exitLength())
        .field(s.bytes());
    reports.write(SessionReports.SESSIONS, row.text());

    long day = s.startDay();
    DayStats stats = days.computeIfAbsent(day, DayStats::new);
    stats.addSession(s.durationSeconds(), s.hits());
    if (day != visitorLastDay) {
      // sessions come in time order: a visitor's days only grow
      stats.addVisitor();
      visitorLastDay = day;
    }
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    LongWritable day = new LongWritable();
    String base = SessionReports.SUMMARY_PIECES + "/part";
    for (DayStats stats : days.values()) {
      day.set(stats.day());
      reports.outputs().write(SessionReports.SUMMARY_PIECES_OUTPUT, day, stats, base);
    }
    reports.close();
  }
}
