package org.colony.jobs.uv;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/**
 * Visitors of some days of one period: which days (bit i is the period's day i; a period has at
 * most 31) and the union of their HLL sketches, serialized.
 */
public final class PeriodSketch implements Writable {
  private long days;
  private byte[] sketch = new byte[0];
  private int length;

  public long days() {
    return days;
  }

  public byte[] sketch() {
    return sketch;
  }

  public int length() {
    return length;
  }

  public PeriodSketch set(long days, byte[] b) {
    this.days = days;
    this.sketch = b;
    this.length = b.length;
    return this;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVLong(out, days);
    WritableUtils.writeVInt(out, length);
    out.write(sketch, 0, length);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    days = WritableUtils.readVLong(in);
    length = WritableUtils.readVInt(in);
    if (sketch.length < length) {
      sketch = new byte[length];
    }
    in.readFully(sketch, 0, length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeriodSketch p && p.days == days
        && Arrays.equals(p.sketch, 0, p.length, sketch, 0, length);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(days) * 31 + length;
  }

  @Override
  public String toString() {
    return Long.toBinaryString(days) + ": " + length + " B";
  }
}
