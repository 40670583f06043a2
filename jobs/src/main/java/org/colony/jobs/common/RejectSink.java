package org.colony.jobs.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;
import org.colony.io.RecordCounters;
import org.colony.io.Reject;
import org.colony.io.RejectReason;
import org.colony.jobs.JobSpec;

/**
 * Quarantines a map task's rejected records in {@code <output>/_rejects/part-m-NNNNN} (TSV: file,
 * byte offset, reason, the line escaped), up to {@code colony.rejects.max.written} per task, and
 * lists every damaged compressed file in {@code <output>/_corrupt/}. The readers have already
 * counted every reject by reason; this only keeps copies to look at.
 */
public final class RejectSink implements AutoCloseable {
  public static final String FOLDER = "_rejects";
  public static final JobSpec.Report REPORT = new JobSpec.Report(FOLDER,
      "file\toffset\treason\tline");
  /** Damaged compressed files, every one (not capped): file, offset of the damage, error. */
  public static final JobSpec.Report CORRUPT = new JobSpec.Report("_corrupt",
      "file\toffset\terror");

  private final TsvReports reports;
  private final TsvRow row = new TsvRow();
  private final long cap;
  private final Counter written;
  private long count;

  public RejectSink(TaskInputOutputContext<?, ?, ?, ?> context) {
    @SuppressWarnings("unchecked")
    TaskInputOutputContext<?, ?, NullWritable, Text> c =
        (TaskInputOutputContext<?, ?, NullWritable, Text>) context;
    this.reports = new TsvReports(c);
    this.cap = JobKeys.REJECTS_MAX_WRITTEN.getLong(context.getConfiguration());
    this.written = context.getCounter(RecordCounters.REJECTS_WRITTEN);
  }

  public void write(Reject reject) throws IOException, InterruptedException {
    if (reject.reason() == RejectReason.CORRUPT_FILE) {
      row.clear().field(reject.file()).field(reject.offset()).exact(reject.line());
      reports.write(CORRUPT, row.text());
    }
    if (count >= cap) {
      return;
    }
    count++;
    written.increment(1);
    row.clear().field(reject.file()).field(reject.offset());
    byte[] reason = reject.reason().name().getBytes(StandardCharsets.US_ASCII);
    row.plain(reason, 0, reason.length).exact(reject.line());
    reports.write(REPORT, row.text());
  }

  @Override
  public void close() throws IOException {
    reports.close();
  }
}
