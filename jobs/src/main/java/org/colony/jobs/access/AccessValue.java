package org.colony.jobs.access;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/**
 * The map output value of access-stats: the counts of one hit or of a report key
 * ({@link HitStats}), or, for the sketch reports (daily/, hourly_uv/, latency/), a serialized
 * DataSketches sketch with the requests and bytes it saw.
 *
 * <p>Counts are serialized exactly as {@link HitStats} (its first field, requests, is never
 * negative), so the millions of count records pay no tag byte; a sketch is {@code -1} (vlong), the
 * counts, then the sketch's length (vint) and bytes.
 */
public final class AccessValue implements Writable {
  private static final long SKETCH_TAG = -1;

  private final HitStats counts = new HitStats();
  private byte[] sketch = new byte[0];
  private int sketchLength = -1;

  public HitStats counts() {
    return counts;
  }

  /** Counts only: this value carries no sketch. */
  public AccessValue counts(HitStats c) {
    counts.clear().add(c);
    sketchLength = -1;
    return this;
  }

  /** A sketch, with the requests and bytes it saw; copies {@code b[0, n)}. */
  public AccessValue sketch(byte[] b, int n, long requests, long bytes) {
    if (sketch.length < n) {
      sketch = new byte[n];
    }
    System.arraycopy(b, 0, sketch, 0, n);
    sketchLength = n;
    counts.setTotals(requests, bytes);
    return this;
  }

  public boolean hasSketch() {
    return sketchLength >= 0;
  }

  /** The sketch's bytes, valid up to {@link #sketchLength()}. */
  public byte[] sketchBytes() {
    return sketch;
  }

  public int sketchLength() {
    return sketchLength;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    if (hasSketch()) {
      WritableUtils.writeVLong(out, SKETCH_TAG);
      counts.write(out);
      WritableUtils.writeVInt(out, sketchLength);
      out.write(sketch, 0, sketchLength);
    } else {
      counts.write(out);
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    long first = WritableUtils.readVLong(in);
    if (first != SKETCH_TAG) {
      counts.readFields(first, in);
      sketchLength = -1;
      return;
    }
    counts.readFields(in);
    int n = WritableUtils.readVInt(in);
    if (n < 0) {
      throw new IOException("corrupt AccessValue: sketch length " + n);
    }
    if (sketch.length < n) {
      sketch = new byte[n];
    }
    in.readFully(sketch, 0, n);
    sketchLength = n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessValue v && v.counts.equals(counts) && v.sketchLength == sketchLength
        && (sketchLength < 0 || Arrays.equals(v.sketch, 0, sketchLength, sketch, 0, sketchLength));
  }

  @Override
  public int hashCode() {
    return 31 * counts.hashCode() + sketchLength;
  }

  @Override
  public String toString() {
    return hasSketch() ? "sketch of " + sketchLength + " B, " + counts : counts.toString();
  }
}
