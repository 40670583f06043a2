package org.colony.jobs.exceptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Reducer;
import org.colony.io.Timestamps;
import org.colony.jobs.common.ReportKey;
import org.colony.jobs.common.TsvReports;
import org.colony.jobs.common.TsvRow;

/**
 * Merges the counts of each key and writes its rows: a signature's row in signatures/ and its
 * example in examples/; a signature's count in an hour in hourly/. Every key is whole in one
 * reducer, so the figures are exact with any number of reducers.
 */
public class ExceptionsReducer extends Reducer<ReportKey, SignatureStats, NullWritable, Text> {
  private final SignatureStats sum = new SignatureStats();
  private final TsvRow row = new TsvRow();
  private final byte[] hour = new byte[13];
  private final byte[] time = new byte[24];
  private TsvReports reports;
  private Counter signatureRows;
  private Counter hourlyRows;

  @Override
  protected void setup(Context context) {
    reports = new TsvReports(context);
    signatureRows = context.getCounter(ExceptionsCounters.SIGNATURES);
    hourlyRows = context.getCounter(ExceptionsCounters.HOURLY_ROWS);
  }

  @Override
  protected void reduce(ReportKey key, Iterable<SignatureStats> values, Context context)
      throws IOException, InterruptedException {
    sum.clear();
    for (SignatureStats v : values) {
      sum.merge(v);
    }
    byte[] k = key.bytes();
    if (key.report() == ExceptionsReports.HOURLY) {
      Timestamps.formatHour(ExceptionsReports.getSortableLong(k, 0), hour, 0);
      String id = Signature.id(k, 8, key.length() - 8);
      row.clear().plain(hour, 0, hour.length).field(id).field(sum.count());
      reports.write(ExceptionsReports.HOURLY_REPORT, row.text());
      hourlyRows.increment(1);
      return;
    }
    Signature sig = Signature.fromKey(k, 0, key.length());
    String id = Signature.id(k, 0, key.length());
    row.clear().field(id).field(sig.exception()).field(sig.rootCause()).field(sig.framesText())
        .field(sum.count());
    instant(sum.first(), sum.first() != Long.MAX_VALUE);
    instant(sum.last(), sum.last() != Long.MIN_VALUE);
    row.field(sum.exampleFile()).field(sum.exampleOffset()).field(sum.message());
    reports.write(ExceptionsReports.SIGNATURES_REPORT, row.text());
    row.clear().field(id).field(sum.exampleText());
    reports.write(ExceptionsReports.EXAMPLES_REPORT, row.text());
    signatureRows.increment(1);
  }

  private void instant(long millis, boolean known) {
    if (known) {
      row.plain(time, 0, Timestamps.formatInstant(millis, time, 0));
    } else {
      row.plain(DASH, 0, 1);
    }
  }

  private static final byte[] DASH = "-".getBytes(StandardCharsets.US_ASCII);

  @Override
  protected void cleanup(Context context) throws IOException {
    reports.close();
  }
}
