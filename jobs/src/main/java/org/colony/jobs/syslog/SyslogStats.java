package org.colony.jobs.syslog;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.io.WritableUtils;

/**
 * What the lines of one shuffle key add up to. For an HOURLY key only the count; for a TEMPLATE
 * key also the lines at warning or worse, the most severe severity, the first and last time
 * seen, and the example: the message of the earliest line, ties broken by the smaller message
 * bytes (unsigned), lines without a timestamp after all others. Merging is associative and
 * commutative, so the combiner and the reducer may see values in any order and grouping.
 *
 * <p>Serialized as {@code [count: vlong][details: 1 byte]}, then, with details,
 * {@code [warnings: vlong][severity: 1 byte][first: vlong][last: vlong][example length: vint]
 * [example]}.
 */
public final class SyslogStats implements Writable {
  /** {@link #first()} when no line had a timestamp. */
  public static final long NO_TIME = Long.MAX_VALUE;
  /** {@link #last()} when no line had a timestamp. */
  public static final long NO_LAST = Long.MIN_VALUE;

  private long count;
  private boolean details;
  private long warnings;
  private int severity = Severity.NONE;
  private long first = NO_TIME;
  private long last = NO_LAST;
  private byte[] example = new byte[128];
  private int exampleLength;

  /** A count alone, for hourly keys. */
  public SyslogStats setCount(long n) {
    count = n;
    details = false;
    warnings = 0;
    severity = Severity.NONE;
    first = NO_TIME;
    last = NO_LAST;
    exampleLength = 0;
    return this;
  }

  /**
   * One line: its severity (0-7 or {@link Severity#NONE}), time in epoch microseconds (or
   * {@link #NO_TIME}) and message.
   */
  public SyslogStats setLine(int sev, long timeMicros, byte[] message, int s, int n) {
    count = 1;
    details = true;
    severity = sev;
    warnings = sev <= Severity.WARNING ? 1 : 0;
    first = timeMicros;
    last = timeMicros == NO_TIME ? NO_LAST : timeMicros;
    setExample(message, s, n);
    return this;
  }

  private void setExample(byte[] b, int s, int n) {
    if (example.length < n) {
      example = new byte[Math.max(n, example.length * 2)];
    }
    System.arraycopy(b, s, example, 0, n);
    exampleLength = n;
  }

  /** Starts an empty sum, to {@link #add} values to. */
  public SyslogStats clear() {
    return setCount(0);
  }

  /** Adds {@code o} (copying what it keeps of it). */
  public SyslogStats add(SyslogStats o) {
    count += o.count;
    if (!o.details) {
      return this;
    }
    if (!details) {
      details = true;
      warnings = o.warnings;
      severity = o.severity;
      first = o.first;
      last = o.last;
      setExample(o.example, 0, o.exampleLength);
      return this;
    }
    warnings += o.warnings;
    severity = Math.min(severity, o.severity);
    if (o.first < first || o.first == first && WritableComparator.compareBytes(o.example, 0,
        o.exampleLength, example, 0, exampleLength) < 0) {
      first = o.first;
      setExample(o.example, 0, o.exampleLength);
    }
    last = Math.max(last, o.last);
    return this;
  }

  /** Sets this to the sum of {@code values}. */
  public SyslogStats sumOf(Iterable<SyslogStats> values) {
    clear();
    for (SyslogStats v : values) {
      add(v);
    }
    return this;
  }

  public long count() {
    return count;
  }

  /** Lines at warning or worse. */
  public long warnings() {
    return warnings;
  }

  /** The most severe severity (the smallest number), or {@link Severity#NONE}. */
  public int severity() {
    return severity;
  }

  /** The earliest time in epoch microseconds, or {@link #NO_TIME}. */
  public long first() {
    return first;
  }

  /** The latest time in epoch microseconds, or {@link #NO_LAST}. */
  public long last() {
    return last;
  }

  /** The example message's bytes, valid up to {@link #exampleLength()}. */
  public byte[] example() {
    return example;
  }

  public int exampleLength() {
    return exampleLength;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVLong(out, count);
    out.writeByte(details ? 1 : 0);
    if (details) {
      WritableUtils.writeVLong(out, warnings);
      out.writeByte(severity);
      WritableUtils.writeVLong(out, first);
      WritableUtils.writeVLong(out, last);
      WritableUtils.writeVInt(out, exampleLength);
      out.write(example, 0, exampleLength);
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    long n = WritableUtils.readVLong(in);
    if (in.readByte() == 0) {
      setCount(n);
      return;
    }
    count = n;
    details = true;
    warnings = WritableUtils.readVLong(in);
    severity = in.readByte();
    first = WritableUtils.readVLong(in);
    last = WritableUtils.readVLong(in);
    int len = WritableUtils.readVInt(in);
    if (example.length < len) {
      example = new byte[Math.max(len, example.length * 2)];
    }
    in.readFully(example, 0, len);
    exampleLength = len;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SyslogStats s && s.count == count && s.details == details
        && s.warnings == warnings && s.severity == severity && s.first == first
        && s.last == last && Arrays.equals(s.example, 0, s.exampleLength, example, 0,
            exampleLength);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(count * 31 + first) ^ WritableComparator.hashBytes(example,
        exampleLength);
  }

  @Override
  public String toString() {
    if (!details) {
      return String.valueOf(count);
    }
    return count + " lines, " + warnings + " warning+, " + Severity.name(severity) + ", "
        + first + ".." + last + ", e.g. " + new String(example, 0, exampleLength,
            StandardCharsets.UTF_8);
  }
}
