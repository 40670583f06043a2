package org.colony.io.events;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableUtils;
import org.colony.io.ParsedRecord;

/**
 * One multi-line event of an application log: a header line (one that starts with a timestamp,
 * see {@link EventStart}) and the lines that continue it up to the next header (stack traces,
 * dumps). Reused by its reader: copy what you keep.
 *
 * <p>What the reader fills: the event's {@link #text} (its lines joined with {@code \n}, line
 * ends and carriage returns removed, cut to {@code colony.events.max.bytes}), the header's time,
 * the number of lines and whether the text is {@link #truncated}. What is parsed lazily, on first
 * use, from the text: the header's {@link #level}, {@link #thread}, {@link #logger} and
 * {@link #message} ({@link HeaderFields} lists the layouts), and the {@link #stackTrace}.
 */
public final class EventRecord extends ParsedRecord {
  private static final int HAS_TIME = 1;
  private static final int ZONED = 2;
  private static final int TRUNCATED = 4;

  private final Text text = new Text();
  private long timeMillis;
  private int flags;
  private int lines;
  /** Where the header's fields start: the end of the start pattern's match. */
  private int fieldsFrom;

  /** Whether no more bytes are kept (the cap was reached). */
  private boolean full;
  private final HeaderFields fields = new HeaderFields();
  private boolean fieldsParsed;
  private final StackTrace stack = new StackTrace();
  private boolean stackParsed;

  /** The event's lines joined with {@code \n}, at most {@code colony.events.max.bytes}. */
  public Text text() {
    return text;
  }

  /** Whether the header's timestamp gave a time (a syslog header needs a known year). */
  public boolean hasTime() {
    return (flags & HAS_TIME) != 0;
  }

  /**
   * The header's time as epoch milliseconds, when {@link #hasTime}; a timestamp without a zone is
   * taken in {@code colony.events.timezone} (UTC by default).
   */
  public long timeMillis() {
    return timeMillis;
  }

  /** Whether the header's timestamp carried its zone ({@code Z} or an offset). */
  public boolean zoned() {
    return (flags & ZONED) != 0;
  }

  /** Lines of the event in the file, header included, also those not kept after the cap. */
  public int lines() {
    return lines;
  }

  /**
   * Whether the text is not the whole event: the event was longer than
   * {@code colony.events.max.bytes}, or one of its lines longer than
   * {@code colony.input.max.line.bytes}.
   */
  public boolean truncated() {
    return (flags & TRUNCATED) != 0;
  }

  /** The header line (as kept). */
  public String header() {
    return new String(text.getBytes(), 0, headerLength(), StandardCharsets.UTF_8);
  }

  /** The level the header names, or null. */
  public EventLevel level() {
    return fields().level;
  }

  /** The thread of the header ({@code [name]}), or "" when none was found. */
  public String thread() {
    HeaderFields f = fields();
    return string(f.threadStart, f.threadEnd);
  }

  /** The logger (category) of the header, or "" when none was found. */
  public String logger() {
    HeaderFields f = fields();
    return string(f.loggerStart, f.loggerEnd);
  }

  /** The header's message: after timestamp, level, thread and logger; the rest of the line. */
  public String message() {
    HeaderFields f = fields();
    return string(f.messageStart, f.messageEnd);
  }

  /** The event's lines, with their parts in a Java stack trace, if it holds one. */
  public StackTrace stackTrace() {
    if (!stackParsed) {
      stack.parse(text.getBytes(), text.getLength(), fields().messageStart);
      stackParsed = true;
    }
    return stack;
  }

  private HeaderFields fields() {
    if (!fieldsParsed) {
      int end = headerLength();
      fields.parse(text.getBytes(), Math.min(fieldsFrom, end), end);
      fieldsParsed = true;
    }
    return fields;
  }

  private int headerLength() {
    byte[] b = text.getBytes();
    int n = text.getLength();
    int nl = HeaderFields.indexOf(b, '\n', 0, n);
    return nl < 0 ? n : nl;
  }

  private String string(int from, int to) {
    return new String(text.getBytes(), from, to - from, StandardCharsets.UTF_8);
  }

  /**
   * The event the reader would make of {@code lines} (for tests and tools): the first must start
   * an event as {@code start} says; nothing is cut.
   *
   * @throws IllegalArgumentException if the first line is no header
   */
  public static EventRecord of(EventStart start, String... lines) {
    EventRecord r = new EventRecord();
    byte[] header = lines[0].getBytes(StandardCharsets.UTF_8);
    if (!start.matches(header, header.length)) {
      throw new IllegalArgumentException("not an event header for " + start + ": " + lines[0]);
    }
    r.begin(start, header, header.length, false, Integer.MAX_VALUE);
    for (int i = 1; i < lines.length; i++) {
      byte[] b = lines[i].getBytes(StandardCharsets.UTF_8);
      r.append(b, b.length, false, Integer.MAX_VALUE);
    }
    return r;
  }

  // --- filled by the reader

  /**
   * Starts the event with its header {@code b[0, length)}, which {@code start} just matched.
   *
   * @param tooLong whether the line was cut to the line cap
   * @param cap the most bytes the event keeps
   */
  void begin(EventStart start, byte[] b, int length, boolean tooLong, int cap) {
    text.clear();
    lines = 0;
    flags = 0;
    full = false;
    fieldsParsed = false;
    stackParsed = false;
    if (start != null && start.hasTime()) {
      flags |= HAS_TIME;
      timeMillis = start.millis();
      if (start.zoned()) {
        flags |= ZONED;
      }
    } else {
      timeMillis = 0;
    }
    fieldsFrom = start == null ? 0 : start.end();
    append(b, length, tooLong, cap);
  }

  /**
   * Adds the next line of the event. What is kept is the first {@code cap} bytes of the lines
   * joined with newlines, less a UTF-8 character cut at the end.
   */
  void append(byte[] b, int length, boolean tooLong, int cap) {
    lines++;
    if (tooLong) {
      flags |= TRUNCATED;
    }
    if (full) {
      return;
    }
    int room = cap - text.getLength();
    int sep = lines > 1 ? 1 : 0;
    if (sep + length <= room) {
      if (sep == 1) {
        text.append(NEWLINE, 0, 1);
      }
      text.append(b, 0, length);
      return;
    }
    flags |= TRUNCATED;
    full = true;
    if (room > 0) {
      if (sep == 1) {
        text.append(NEWLINE, 0, 1);
      }
      text.append(b, 0, utf8Boundary(b, room - sep));
    }
  }

  private static final byte[] NEWLINE = {'\n'};

  /** {@code n}, or less so as not to end inside a UTF-8 sequence of {@code b}. */
  static int utf8Boundary(byte[] b, int n) {
    int i = n;
    // back off over continuation bytes (10xxxxxx) to the lead byte, and drop the lead
    while (i > 0 && n - i < 4 && (b[i] & 0xC0) == 0x80) {
      i--;
    }
    return (b[i] & 0xC0) == 0x80 ? n : i;
  }

  // --- Writable

  @Override
  public void write(DataOutput out) throws IOException {
    text.write(out);
    out.writeByte(flags);
    WritableUtils.writeVLong(out, timeMillis);
    WritableUtils.writeVInt(out, lines);
    WritableUtils.writeVInt(out, fieldsFrom);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    text.readFields(in);
    flags = in.readByte();
    timeMillis = WritableUtils.readVLong(in);
    lines = WritableUtils.readVInt(in);
    fieldsFrom = WritableUtils.readVInt(in);
    full = true;
    fieldsParsed = false;
    stackParsed = false;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EventRecord)) {
      return false;
    }
    EventRecord r = (EventRecord) o;
    return flags == r.flags && timeMillis == r.timeMillis && lines == r.lines
        && fieldsFrom == r.fieldsFrom && text.equals(r.text);
  }

  @Override
  public int hashCode() {
    return (text.hashCode() * 31 + Long.hashCode(timeMillis)) * 31 + lines;
  }

  /** For example {@code 2026-11-24T09:15:02.123Z 14 lines (truncated): <header line>}. */
  @Override
  public String toString() {
    return (hasTime() ? Instant.ofEpochMilli(timeMillis).toString() : "-") + " " + lines
        + (lines == 1 ? " line" : " lines") + (truncated() ? " (truncated)" : "") + ": "
        + header();
  }
}
