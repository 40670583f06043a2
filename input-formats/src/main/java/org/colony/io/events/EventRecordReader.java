package org.colony.io.events;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.colony.io.CorruptInputException;
import org.colony.io.InputKeys;
import org.colony.io.RecordAccounting;
import org.colony.io.RecordCounters;
import org.colony.io.RejectReason;
import org.colony.io.SplitLines;

/**
 * Reads the events of one file split, keyed by the byte offset of their header line.
 *
 * <p>Each event is read once, by the split that holds its header: a header read inside the
 * split ({@link SplitLines#next(boolean)} bounded) starts an event, whose continuation lines are
 * read on past the split end, up to the next header. That header is the next event's if it starts
 * inside the split; if it starts after the split end, it is the next split's and this split is
 * done. A split after the first skips the lines before its first header: they continue an event
 * of an earlier split.
 *
 * <p>Nothing is dropped. The lines before the first header of a file are one rejected record
 * (EVENT_NO_HEADER, its text the lines joined, cut to {@code colony.input.max.line.bytes}). An
 * event over {@code colony.events.max.bytes} is kept cut and flagged truncated (EVENTS_TRUNCATED);
 * the rest of its lines are read, not kept. A damaged compressed file ends with the event being
 * read when the damage was found (as far as it got) and then one CORRUPT_FILE reject, or fails,
 * per {@code colony.input.corrupt}. Counts as {@link RecordAccounting} does: RECORDS_IN = events +
 * rejects, and BYTES_READ the bytes of the events and rejected lines, so that the splits of a file
 * add up to its (uncompressed) size.
 */
public final class EventRecordReader extends RecordReader<LongWritable, EventRecord> {
  private static final Pattern DT = Pattern.compile("(?:^|/)dt=(\\d{4})-(\\d{2})-\\d{2}(?:/|$)");

  private final LongWritable key = new LongWritable();
  private final EventRecord value = new EventRecord();
  /** The lines before a file's first header, assembled as an event would be. */
  private final EventRecord preamble = new EventRecord();
  private RecordAccounting accounting;
  private Counter truncatedEvents;
  private SplitLines lines;
  private EventStart start;
  private int maxEventBytes;
  private int maxLineBytes;
  private boolean firstSplit;
  /** Whether the current line of {@link #lines} is a header inside the split, not yet used. */
  private boolean headerPending;
  private boolean done;
  /** A reject made on opening (a damaged file), not yet yielded. */
  private boolean pending;
  /** Damage found while finishing a record: yielded as a reject after it. */
  private CorruptInputException damage;

  @Override
  public void initialize(InputSplit genericSplit, TaskAttemptContext ctx) throws IOException {
    FileSplit split = (FileSplit) genericSplit;
    Configuration conf = ctx.getConfiguration();
    accounting = new RecordAccounting(ctx);
    truncatedEvents = accounting.counter(RecordCounters.EVENTS_TRUNCATED);
    start = EventStart.fromConf(conf);
    maxEventBytes = EventKeys.maxBytes(conf);
    maxLineBytes = InputKeys.MAX_LINE_BYTES.getInt(conf);
    firstSplit = split.getStart() == 0;
    if (start.needsYear()) {
      LocalDate ref = referenceDate(split.getPath(), conf);
      start.setReferenceDate(ref.getYear(), ref.getMonthValue());
    }
    try {
      lines = new SplitLines(split, conf, maxLineBytes, true);
    } catch (CorruptInputException e) {
      corrupt(e);
      pending = true;
    }
  }

  /**
   * The day a file's timestamps without a year are near: its {@code dt=YYYY-MM-DD} folder, else
   * its modification time (in {@code colony.events.timezone}).
   */
  static LocalDate referenceDate(Path file, Configuration conf) throws IOException {
    Matcher m = DT.matcher(file.toUri().getPath());
    LocalDate found = null;
    while (m.find()) {
      found = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
    }
    if (found != null) {
      return found;
    }
    long modified = file.getFileSystem(conf).getFileStatus(file).getModificationTime();
    return LocalDate.ofInstant(Instant.ofEpochMilli(modified), EventKeys.timezone(conf));
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    if (pending) {
      pending = false;
      return true;
    }
    if (damage != null) {
      CorruptInputException e = damage;
      damage = null;
      corrupt(e);
      return true;
    }
    if (done) {
      return false;
    }
    try {
      if (!headerPending) {
        // the split's start: later, every record ends at a header inside the split, or the end
        if (!lines.next(true)) {
          done = true;
          return false;
        }
        if (!start.matches(lines.bytes(), lines.length())) {
          if (firstSplit) {
            return readPreamble();
          }
          if (!skipToHeader()) {
            done = true;
            return false;
          }
        }
      }
    } catch (CorruptInputException e) {
      corrupt(e);
      return true;
    }
    readEvent();
    return true;
  }

  /** Skips the lines that continue an earlier split's event; false if no header follows. */
  private boolean skipToHeader() throws IOException {
    while (lines.next(true)) {
      if (start.matches(lines.bytes(), lines.length())) {
        return true;
      }
    }
    return false;
  }

  /** The event whose header is the current line. */
  private void readEvent() throws IOException {
    key.set(lines.lineStart());
    value.begin(start, lines.bytes(), lines.length(), lines.tooLong(), maxEventBytes);
    accounting.bytesRead(lines.consumed());
    readContinuation(value, maxEventBytes);
    if (value.truncated()) {
      truncatedEvents.increment(1);
    }
    accounting.parsed(value);
  }

  /** The lines before the first header of the file, from the current line: one reject. */
  private boolean readPreamble() throws IOException {
    long offset = lines.lineStart();
    key.set(offset);
    preamble.begin(null, lines.bytes(), lines.length(), lines.tooLong(), maxLineBytes);
    accounting.bytesRead(lines.consumed());
    readContinuation(preamble, maxLineBytes);
    accounting.rejected(value, RejectReason.EVENT_NO_HEADER, lines.fileName(), offset,
        preamble.text().getBytes(), preamble.text().getLength());
    return true;
  }

  /**
   * Adds the lines after the current one to {@code into}, up to the next header (left as the
   * current line, pending if it starts inside the split) or the end of the file.
   */
  private void readContinuation(EventRecord into, int cap) throws IOException {
    try {
      while (true) {
        boolean inside = lines.inSplit();
        if (!lines.next(false)) {
          done = true;
          return;
        }
        if (start.matches(lines.bytes(), lines.length())) {
          headerPending = inside;
          done = !inside;
          return;
        }
        accounting.bytesRead(lines.consumed());
        into.append(lines.bytes(), lines.length(), lines.tooLong(), cap);
      }
    } catch (CorruptInputException e) {
      headerPending = false;
      done = true;
      damage = e;
    }
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
  public EventRecord getCurrentValue() {
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
