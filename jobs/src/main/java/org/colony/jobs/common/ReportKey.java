package org.colony.jobs.common;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.io.WritableUtils;

/**
 * A shuffle key for jobs that write several reports at once: the report (a small number) and the
 * key's bytes within it. Sorts by report, then by bytes (unsigned), and has a raw comparator that
 * compares serialized keys without deserializing them. Serialized as
 * {@code [report: 1 byte][length: vint][bytes]}.
 */
public final class ReportKey implements WritableComparable<ReportKey> {
  private byte report;
  private byte[] bytes = new byte[64];
  private int length;

  public ReportKey() {}

  public ReportKey(int report, byte[] b) {
    set(report, b, 0, b.length);
  }

  public ReportKey set(int report, byte[] b, int s, int n) {
    this.report = (byte) report;
    ensure(n);
    System.arraycopy(b, s, bytes, 0, n);
    this.length = n;
    return this;
  }

  public ReportKey set(int report, Text t) {
    return set(report, t.getBytes(), 0, t.getLength());
  }

  /**
   * Sets a numeric key that sorts in numeric order: eight big-endian bytes with the sign bit
   * flipped.
   */
  public ReportKey setLong(int report, long v) {
    this.report = (byte) report;
    ensure(8);
    long u = v ^ Long.MIN_VALUE;
    for (int i = 7; i >= 0; i--) {
      bytes[i] = (byte) u;
      u >>>= 8;
    }
    this.length = 8;
    return this;
  }

  /** The numeric key of {@link #setLong}. */
  public long getLong() {
    if (length != 8) {
      throw new IllegalStateException("not a numeric key: " + this);
    }
    long u = 0;
    for (int i = 0; i < 8; i++) {
      u = (u << 8) | (bytes[i] & 0xFF);
    }
    return u ^ Long.MIN_VALUE;
  }

  private void ensure(int n) {
    if (bytes.length < n) {
      bytes = new byte[Math.max(n, bytes.length * 2)];
    }
  }

  public int report() {
    return report;
  }

  /** The key's bytes; valid up to {@link #length()}. */
  public byte[] bytes() {
    return bytes;
  }

  public int length() {
    return length;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeByte(report);
    WritableUtils.writeVInt(out, length);
    out.write(bytes, 0, length);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    report = in.readByte();
    int n = WritableUtils.readVInt(in);
    ensure(n);
    in.readFully(bytes, 0, n);
    length = n;
  }

  @Override
  public int compareTo(ReportKey o) {
    int c = Byte.compare(report, o.report);
    return c != 0 ? c : WritableComparator.compareBytes(bytes, 0, length, o.bytes, 0, o.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReportKey k && compareTo(k) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * report + WritableComparator.hashBytes(bytes, length);
  }

  @Override
  public String toString() {
    return report + ":" + new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  /** Compares serialized keys byte-wise, as {@link #compareTo} compares objects. */
  public static final class Comparator extends WritableComparator {
    public Comparator() {
      super(ReportKey.class);
    }

    @Override
    public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
      int c = Byte.compare(b1[s1], b2[s2]);
      if (c != 0) {
        return c;
      }
      try {
        int n1 = WritableUtils.decodeVIntSize(b1[s1 + 1]);
        int n2 = WritableUtils.decodeVIntSize(b2[s2 + 1]);
        int len1 = readVInt(b1, s1 + 1);
        int len2 = readVInt(b2, s2 + 1);
        return compareBytes(b1, s1 + 1 + n1, len1, b2, s2 + 1 + n2, len2);
      } catch (IOException e) {
        throw new IllegalArgumentException("corrupt serialized ReportKey", e);
      }
    }
  }

  static {
    WritableComparator.define(ReportKey.class, new Comparator());
  }
}
