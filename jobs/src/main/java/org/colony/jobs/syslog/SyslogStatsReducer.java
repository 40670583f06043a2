package org.colony.jobs.syslog;

import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Reducer;
import org.colony.io.Timestamps;
import org.colony.jobs.common.TopN;
import org.colony.jobs.common.TsvReports;
import org.colony.jobs.common.TsvRow;

/**
 * Writes a row of hourly/ per hourly key, and a row of templates/ per template: one reduce call
 * gets all of a template's values (the grouping comparator), hosts in order (the sort), which a
 * {@link TemplateSummary} adds up. Keeps this reducer's exact top N templates by lines at warning
 * or worse, with their rows, as candidates for the merge into top/; since a template is reduced
 * in one reducer only, the merge of every reducer's top N is the exact top N.
 *
 * <p>The key object changes with each value the iterator yields (Hadoop deserializes the next
 * key into it), which is how the host and app of each value arrive.
 */
public class SyslogStatsReducer extends Reducer<SyslogStatsKey, SyslogStats, NullWritable, Text> {
  private static final byte[] DASH = {'-'};

  private final SyslogStats sum = new SyslogStats();
  private final TemplateSummary summary = new TemplateSummary();
  private final TsvRow row = new TsvRow();
  private final TsvRow tail = new TsvRow();
  private final byte[] hour = new byte[13];
  private final byte[] first = new byte[24];
  private final byte[] last = new byte[24];
  private TopN top;
  private TsvReports reports;
  private Counter hourlyRows;
  private Counter templates;
  private Counter warningTemplates;

  @Override
  protected void setup(Context context) {
    top = new TopN(SyslogStatsKeys.topN(context.getConfiguration()));
    reports = new TsvReports(context);
    hourlyRows = context.getCounter(SyslogStatsCounters.HOURLY_ROWS);
    templates = context.getCounter(SyslogStatsCounters.TEMPLATES);
    warningTemplates = context.getCounter(SyslogStatsCounters.WARNING_TEMPLATES);
  }

  @Override
  protected void reduce(SyslogStatsKey key, Iterable<SyslogStats> values, Context context)
      throws IOException, InterruptedException {
    if (key.kind() == SyslogStatsKey.HOURLY) {
      hourly(key, values);
      return;
    }
    summary.start();
    for (SyslogStats v : values) {
      summary.add(key.host(), key.hostLength(), key.app(), key.appLength(), v);
    }
    SyslogStats s = summary.stats();
    tail.clear().field(s.count());
    time(s.first(), first, tail);
    time(s.last(), last, tail);
    byte[] severity = Severity.bytes(s.severity());
    tail.field(summary.hosts()).plain(severity, 0, severity.length)
        .field(summary.apps(), 0, summary.appsLength())
        .field(s.example(), 0, s.exampleLength());
    Text t = tail.text();
    row.clear().field(key.template(), 0, key.templateLength()).plain(t.getBytes(), 0,
        t.getLength());
    reports.write(SyslogReports.TEMPLATES, row.text());
    templates.increment(1);
    if (s.warnings() > 0) {
      warningTemplates.increment(1);
      if (top.wouldKeep(key.template(), 0, key.templateLength(), s.warnings())) {
        Text candidate = row.clear().field(s.warnings()).plain(t.getBytes(), 0, t.getLength())
            .text();
        top.offer(key.template(), 0, key.templateLength(), s.warnings(),
            Arrays.copyOf(candidate.getBytes(), candidate.getLength()));
      }
    }
  }

  private void hourly(SyslogStatsKey key, Iterable<SyslogStats> values)
      throws IOException, InterruptedException {
    sum.sumOf(values);
    row.clear();
    if (key.hour() == SyslogStatsKey.NO_HOUR) {
      row.plain(DASH, 0, 1);
    } else {
      Timestamps.formatHour(key.hour(), hour, 0);
      row.plain(hour, 0, hour.length);
    }
    byte[] severity = Severity.bytes(key.severity());
    row.field(key.host(), 0, key.hostLength()).field(key.app(), 0, key.appLength())
        .plain(severity, 0, severity.length).field(sum.count());
    reports.write(SyslogReports.HOURLY, row.text());
    hourlyRows.increment(1);
  }

  /** Appends a time in microseconds as ISO-8601 UTC (milliseconds), or '-' for none. */
  private static void time(long micros, byte[] buf, TsvRow to) {
    if (micros == SyslogStats.NO_TIME || micros == SyslogStats.NO_LAST) {
      to.plain(DASH, 0, 1);
    } else {
      to.plain(buf, 0, Timestamps.formatInstant(Math.floorDiv(micros, 1000L), buf, 0));
    }
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    TopCandidate candidate = new TopCandidate();
    NullWritable none = NullWritable.get();
    String base = SyslogReports.TOP_CANDIDATES + "/part";
    for (TopN.Entry e : top.best()) {
      candidate.set(e.value(), e.count(), e.payload());
      reports.outputs().write(SyslogReports.TOP_CANDIDATES_OUTPUT, none, candidate, base);
    }
    reports.close();
  }
}
