package org.colony.jobs.grep;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;
import org.colony.io.ParsedRecord;
import org.colony.io.events.EventRecord;
import org.colony.io.lines.LineRecord;
import org.colony.jobs.common.FaultSwitch;
import org.colony.jobs.common.InputFile;
import org.colony.jobs.common.RejectSink;
import org.colony.jobs.common.TsvReports;
import org.colony.jobs.common.TsvRow;

/**
 * Matches each record (a line, or an event's lines joined with newlines) against every pattern
 * and writes a row per matching pattern into matches/: the record's file and byte offset, the
 * pattern, the record. With counting, adds up the matches per pattern in memory and writes them,
 * every pattern's count, zeros too, once at the end of the task: the shuffle is a record per
 * pattern per map task, so no combiner is needed. Rejected records go to the reject sink.
 */
public class GrepMapper extends Mapper<LongWritable, ParsedRecord, IntWritable, LongWritable> {
  private final TsvRow row = new TsvRow();
  private PatternSet patterns;
  private long[] counts;
  private boolean counting;
  private InputFile file;
  private TsvReports matches;
  private RejectSink rejects;
  private FaultSwitch faults;
  private Counter searched;
  private Counter matched;
  private Counter rows;

  @Override
  protected void setup(Context context) {
    Configuration conf = context.getConfiguration();
    patterns = new PatternSet(GrepKeys.patterns(conf), GrepKeys.FIXED.getBoolean(conf));
    counts = new long[patterns.size()];
    counting = GrepKeys.COUNT.getBoolean(conf);
    file = new InputFile(context);
    @SuppressWarnings("unchecked")
    TaskInputOutputContext<?, ?, NullWritable, Text> c =
        (TaskInputOutputContext<?, ?, NullWritable, Text>) (TaskInputOutputContext<?, ?, ?, ?>)
            context;
    matches = new TsvReports(c);
    rejects = new RejectSink(context);
    faults = FaultSwitch.of(context);
    searched = context.getCounter(GrepCounters.RECORDS_SEARCHED);
    matched = context.getCounter(GrepCounters.RECORDS_MATCHED);
    rows = context.getCounter(GrepCounters.MATCHES);
  }

  @Override
  protected void map(LongWritable offset, ParsedRecord r, Context context)
      throws IOException, InterruptedException {
    faults.record();
    if (r.isRejected()) {
      rejects.write(r.reject());
      return;
    }
    searched.increment(1);
    Text text = r instanceof LineRecord l ? l.line() : ((EventRecord) r).text();
    patterns.reset(text.getBytes(), text.getLength());
    boolean any = false;
    for (int i = 0; i < counts.length; i++) {
      if (patterns.matches(i)) {
        any = true;
        counts[i]++;
        byte[] f = file.bytes();
        byte[] p = patterns.patternBytes(i);
        row.clear().field(f, 0, f.length).field(offset.get()).field(p, 0, p.length).exact(text);
        matches.write(GrepReports.MATCHES, row.text());
        rows.increment(1);
      }
    }
    if (any) {
      matched.increment(1);
    }
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    if (counting) {
      IntWritable pattern = new IntWritable();
      LongWritable n = new LongWritable();
      for (int i = 0; i < counts.length; i++) {
        pattern.set(i);
        n.set(counts[i]);
        context.write(pattern, n);
      }
    }
    matches.close();
    rejects.close();
  }
}
