package org.colony.jobs.sessions;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.io.WritableUtils;

/**
 * The shuffle key of sessions, for a secondary sort: the visitor, the hit's time, and its path as
 * the tie-breaker, so that the hits of one second come in the same order whatever the order of
 * the input. Sorts by visitor bytes (unsigned), then time, then path bytes (unsigned); the
 * partitioner and the grouping comparator look at the visitor only. Serialized as
 * {@code [visitor length: vint][visitor][time: 8 bytes, big-endian, sign bit flipped]
 * [path length: vint][path]}, which {@link Comparator} compares without deserializing.
 */
public final class SessionKey implements WritableComparable<SessionKey> {
  private byte[] visitor = new byte[128];
  private int visitorLength;
  private long time;
  private byte[] path = new byte[64];
  private int pathLength;

  public SessionKey() {}

  public SessionKey(byte[] visitor, long timeMillis, byte[] path) {
    set(visitor, 0, visitor.length, timeMillis, path, 0, path.length);
  }

  public SessionKey set(byte[] v, int vs, int vn, long timeMillis, byte[] p, int ps, int pn) {
    visitor = fit(visitor, vn);
    System.arraycopy(v, vs, visitor, 0, vn);
    visitorLength = vn;
    time = timeMillis;
    path = fit(path, pn);
    System.arraycopy(p, ps, path, 0, pn);
    pathLength = pn;
    return this;
  }

  private static byte[] fit(byte[] b, int n) {
    return b.length >= n ? b : new byte[Math.max(n, b.length * 2)];
  }

  /** The visitor's bytes; valid up to {@link #visitorLength()}. */
  public byte[] visitor() {
    return visitor;
  }

  public int visitorLength() {
    return visitorLength;
  }

  /** The hit's time, epoch milliseconds. */
  public long time() {
    return time;
  }

  /** The hit's path bytes; valid up to {@link #pathLength()}. */
  public byte[] path() {
    return path;
  }

  public int pathLength() {
    return pathLength;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVInt(out, visitorLength);
    out.write(visitor, 0, visitorLength);
    out.writeLong(time ^ Long.MIN_VALUE);
    WritableUtils.writeVInt(out, pathLength);
    out.write(path, 0, pathLength);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    int n = WritableUtils.readVInt(in);
    visitor = fit(visitor, n);
    in.readFully(visitor, 0, n);
    visitorLength = n;
    time = in.readLong() ^ Long.MIN_VALUE;
    n = WritableUtils.readVInt(in);
    path = fit(path, n);
    in.readFully(path, 0, n);
    pathLength = n;
  }

  /** Compares the visitors only, as the grouping comparator does. */
  public int compareVisitor(SessionKey o) {
    return WritableComparator.compareBytes(visitor, 0, visitorLength, o.visitor, 0,
        o.visitorLength);
  }

  @Override
  public int compareTo(SessionKey o) {
    int c = compareVisitor(o);
    if (c != 0) {
      return c;
    }
    c = Long.compare(time, o.time);
    return c != 0 ? c
        : WritableComparator.compareBytes(path, 0, pathLength, o.path, 0, o.pathLength);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SessionKey k && compareTo(k) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * WritableComparator.hashBytes(visitor, visitorLength) + Long.hashCode(time))
        + WritableComparator.hashBytes(path, pathLength);
  }

  @Override
  public String toString() {
    return new String(visitor, 0, visitorLength, StandardCharsets.UTF_8).replace('\n', '|')
        + " @" + Instant.ofEpochMilli(time) + " "
        + new String(path, 0, pathLength, StandardCharsets.UTF_8);
  }

  /** The vint at {@code b[s]}. */
  static int vint(byte[] b, int s) {
    try {
      return WritableComparator.readVInt(b, s);
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt serialized SessionKey", e);
    }
  }

  /** Compares serialized keys as {@link #compareTo} compares objects. */
  public static final class Comparator extends WritableComparator {
    public Comparator() {
      super(SessionKey.class);
    }

    @Override
    public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
      int v1 = s1 + WritableUtils.decodeVIntSize(b1[s1]);
      int n1 = vint(b1, s1);
      int v2 = s2 + WritableUtils.decodeVIntSize(b2[s2]);
      int n2 = vint(b2, s2);
      int c = compareBytes(b1, v1, n1, b2, v2, n2);
      if (c != 0) {
        return c;
      }
      int t1 = v1 + n1;
      int t2 = v2 + n2;
      c = compareBytes(b1, t1, 8, b2, t2, 8);
      if (c != 0) {
        return c;
      }
      int p1 = t1 + 8;
      int p2 = t2 + 8;
      return compareBytes(b1, p1 + WritableUtils.decodeVIntSize(b1[p1]), vint(b1, p1),
          b2, p2 + WritableUtils.decodeVIntSize(b2[p2]), vint(b2, p2));
    }
  }

  static {
    WritableComparator.define(SessionKey.class, new Comparator());
  }
}
