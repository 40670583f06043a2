package org.colony.jobs.uv;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.WritableUtils;
import org.colony.io.ParsedRecord;

/** One day's visitor sketch file: its UTC day and its serialized HLL sketch. */
public final class DaySketch extends ParsedRecord {
  private long day;
  private byte[] sketch = new byte[0];
  private int length;

  /** The UTC day, days since 1970-01-01. */
  public long day() {
    return day;
  }

  /** The sketch's bytes, valid up to {@link #length()}. */
  public byte[] sketch() {
    return sketch;
  }

  public int length() {
    return length;
  }

  void set(long day, byte[] b, int n) {
    this.day = day;
    this.sketch = b;
    this.length = n;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVLong(out, day);
    WritableUtils.writeVInt(out, length);
    out.write(sketch, 0, length);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    day = WritableUtils.readVLong(in);
    length = WritableUtils.readVInt(in);
    sketch = new byte[length];
    in.readFully(sketch);
  }

  @Override
  public String toString() {
    return "day " + day + ": " + length + " B";
  }
}
