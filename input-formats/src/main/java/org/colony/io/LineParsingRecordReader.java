package org.colony.io;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * Reads the lines of one file split ({@link SplitLines}: any codec, Hadoop's split rule, a cap on
 * line length) and turns each into a record with {@link #parse}, so that every line is read by
 * exactly one split.
 *
 * <p>Nothing is dropped: a line that does not parse, or is longer than
 * {@code colony.input.max.line.bytes}, is yielded as a rejected record carrying the reason, file and
 * byte offset. A damaged compressed file yields the lines before the damage and then one
 * CORRUPT_FILE reject (or fails the task, with {@code colony.input.corrupt=fail}). Counts
 * {@link RecordCounters} and one counter per {@link RejectReason} ({@link RecordAccounting}).
 *
 * @param <V> the record type
 */
public abstract class LineParsingRecordReader<V extends ParsedRecord>
    extends RecordReader<LongWritable, V> {

  private final LongWritable key = new LongWritable();
  private V value;
  private SplitLines lines;
  private RecordAccounting accounting;
  private boolean done;
  /** A reject made before the first line (a damaged file found on opening), not yet yielded. */
  private boolean pending;

  /** A fresh value object; it is reused for every record of the split. */
  protected abstract V createValue();

  /**
   * Parses {@code bytes[0, length)} (one line, without its line end) into {@code value}.
   *
   * @return null when the line parsed, else the reason it did not
   */
  protected abstract RejectReason parse(byte[] bytes, int length, V value);

  /** Called once per split before its first line: per-file settings (a year from the path...). */
  protected void configure(FileSplit split, Configuration conf) {}

  @Override
  public void initialize(InputSplit genericSplit, TaskAttemptContext ctx) throws IOException {
    FileSplit split = (FileSplit) genericSplit;
    Configuration conf = ctx.getConfiguration();
    accounting = new RecordAccounting(ctx);
    value = createValue();
    configure(split, conf);
    try {
      lines = new SplitLines(split, conf, InputKeys.MAX_LINE_BYTES.getInt(conf), true);
    } catch (CorruptInputException e) {
      corrupt(e);
      pending = true;
    }
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    if (pending) {
      pending = false;
      return true;
    }
    if (done) {
      return false;
    }
    try {
      if (!lines.next(true)) {
        done = true;
        return false;
      }
    } catch (CorruptInputException e) {
      corrupt(e);
      return true;
    }
    accounting.bytesRead(lines.consumed());
    long lineStart = lines.lineStart();
    key.set(lineStart);
    byte[] bytes = lines.bytes();
    int length = lines.length();
    RejectReason reason = lines.tooLong() ? RejectReason.LINE_TOO_LONG
        : parse(bytes, length, value);
    if (reason == null) {
      accounting.parsed(value);
    } else {
      accounting.rejected(value, reason, lines.fileName(), lineStart, bytes, length);
    }
    return true;
  }

  /** Skips the rest of a damaged file as one CORRUPT_FILE reject, or fails as configured. */
  private void corrupt(CorruptInputException e) throws IOException {
    accounting.corrupt(value, e);
    done = true;
    key.set(e.offset());
  }

  @Override
  public LongWritable getCurrentKey() {
    return key;
  }

  @Override
  public V getCurrentValue() {
    return value;
  }

  @Override
  public float getProgress() throws IOException {
    return done || lines == null ? 1.0f : lines.progress();
  }

  @Override
  public void close() throws IOException {
    if (lines != null) {
      lines.close();
    }
  }
}
