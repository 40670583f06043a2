package org.colony.jobs.exceptions;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.io.WritableUtils;

/**
 * What is known of one signature (or, for hourly/, of one signature in one hour): how many events,
 * the first and last time seen, and the example: the earliest event, ties broken by its text in
 * byte order, then by file and offset, so that the example does not depend on how the input was
 * split or reduced. Merging is associative and commutative: mappers, the combiner and the reducer
 * all {@link #merge}.
 */
public final class SignatureStats implements Writable {
  /** The time of an event that has none: after every other. */
  static final long NO_TIME = Long.MAX_VALUE;

  private long count;
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;
  private boolean hasExample;
  private long exampleTime;
  private long exampleOffset;
  private final Text exampleFile = new Text();
  private final Text exampleText = new Text();
  private final Text message = new Text();

  public SignatureStats clear() {
    count = 0;
    first = Long.MAX_VALUE;
    last = Long.MIN_VALUE;
    hasExample = false;
    return this;
  }

  /** A count alone, for hourly/. */
  public SignatureStats setCount(long n) {
    clear();
    count = n;
    return this;
  }

  /**
   * Counts one event: its time ({@link #NO_TIME} if it has none), where it is and its text; keeps
   * it as the example if it is better than the one kept (copying it only then).
   */
  public void add(long time, Text text, byte[] file, long offset, String exceptionMessage) {
    count++;
    if (time != NO_TIME) {
      first = Math.min(first, time);
      last = Math.max(last, time);
    }
    if (!hasExample || better(time, text.getBytes(), text.getLength(), file, file.length,
        offset)) {
      hasExample = true;
      exampleTime = time;
      exampleOffset = offset;
      exampleFile.set(file);
      exampleText.set(text);
      message.set(exceptionMessage);
    }
  }

  /** Adds {@code o} into this (copying its example if it is the better one). */
  public void merge(SignatureStats o) {
    count += o.count;
    first = Math.min(first, o.first);
    last = Math.max(last, o.last);
    if (o.hasExample && (!hasExample || better(o.exampleTime, o.exampleText.getBytes(),
        o.exampleText.getLength(), o.exampleFile.getBytes(), o.exampleFile.getLength(),
        o.exampleOffset))) {
      hasExample = true;
      exampleTime = o.exampleTime;
      exampleOffset = o.exampleOffset;
      exampleFile.set(o.exampleFile);
      exampleText.set(o.exampleText);
      message.set(o.message);
    }
  }

  /** Whether the event described comes before the kept example. */
  private boolean better(long time, byte[] text, int textLength, byte[] file, int fileLength,
      long offset) {
    if (time != exampleTime) {
      return time < exampleTime;
    }
    int c = WritableComparator.compareBytes(text, 0, textLength, exampleText.getBytes(), 0,
        exampleText.getLength());
    if (c != 0) {
      return c < 0;
    }
    c = WritableComparator.compareBytes(file, 0, fileLength, exampleFile.getBytes(), 0,
        exampleFile.getLength());
    return c != 0 ? c < 0 : offset < exampleOffset;
  }

  public long count() {
    return count;
  }

  /** The earliest time seen, or Long.MAX_VALUE if no event had a time. */
  public long first() {
    return first;
  }

  /** The latest time seen, or Long.MIN_VALUE if no event had a time. */
  public long last() {
    return last;
  }

  public boolean hasExample() {
    return hasExample;
  }

  public long exampleTime() {
    return exampleTime;
  }

  public Text exampleFile() {
    return exampleFile;
  }

  public long exampleOffset() {
    return exampleOffset;
  }

  /** The example event's text, its lines joined with newlines. */
  public Text exampleText() {
    return exampleText;
  }

  /** The example's exception message. */
  public Text message() {
    return message;
  }

  /** Bytes held by the example, for the mapper's memory bound. */
  int heldBytes() {
    return hasExample ? exampleText.getLength() + exampleFile.getLength() + message.getLength()
        : 0;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVLong(out, count);
    WritableUtils.writeVLong(out, first);
    WritableUtils.writeVLong(out, last);
    out.writeBoolean(hasExample);
    if (hasExample) {
      WritableUtils.writeVLong(out, exampleTime);
      WritableUtils.writeVLong(out, exampleOffset);
      exampleFile.write(out);
      exampleText.write(out);
      message.write(out);
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    count = WritableUtils.readVLong(in);
    first = WritableUtils.readVLong(in);
    last = WritableUtils.readVLong(in);
    hasExample = in.readBoolean();
    if (hasExample) {
      exampleTime = WritableUtils.readVLong(in);
      exampleOffset = WritableUtils.readVLong(in);
      exampleFile.readFields(in);
      exampleText.readFields(in);
      message.readFields(in);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SignatureStats s) || s.count != count || s.first != first
        || s.last != last || s.hasExample != hasExample) {
      return false;
    }
    return !hasExample || s.exampleTime == exampleTime && s.exampleOffset == exampleOffset
        && s.exampleFile.equals(exampleFile) && s.exampleText.equals(exampleText)
        && s.message.equals(message);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(count * 31 + first) ^ (hasExample ? exampleText.hashCode() : 0);
  }

  @Override
  public String toString() {
    return count + " event(s) " + first + ".." + last
        + (hasExample ? " example " + exampleFile + ":" + exampleOffset : "");
  }
}
