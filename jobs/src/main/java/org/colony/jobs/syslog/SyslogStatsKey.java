package org.colony.jobs.syslog;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.io.WritableUtils;

/**
 * The shuffle key of syslog-stats, of two kinds.
 *
 * <ul>
 *   <li>{@link #HOURLY}: hour, host, app, severity; one count per key.
 *   <li>{@link #TEMPLATE}: template, host, app. The partitioner and the grouping comparator look
 *       at the template only, so that all of a template's lines meet in one reduce call, its
 *       hosts in order: the reducer counts distinct hosts by noticing where the host changes.
 * </ul>
 *
 * <p>Sorts by kind, then field by field, each field's bytes unsigned (a field that is a prefix of
 * another sorts first), then for HOURLY by hour and severity. Serialized as {@code [kind: 1 byte]}
 * then for HOURLY {@code [hour: 8 bytes, big-endian, sign bit flipped][host length: vint][host]
 * [app length: vint][app][severity: 1 byte]}, for TEMPLATE {@code [template length: vint]
 * [template][host length: vint][host][app length: vint][app]}, which {@link Comparator} compares
 * without deserializing.
 */
public final class SyslogStatsKey implements WritableComparable<SyslogStatsKey> {
  public static final byte HOURLY = 0;
  public static final byte TEMPLATE = 1;
  /** The hour of a line without a timestamp: before every hour. */
  public static final long NO_HOUR = Long.MIN_VALUE;

  private byte kind;
  private long hour;
  private int severity;
  private final Field template = new Field(64);
  private final Field host = new Field(16);
  private final Field app = new Field(16);

  /** A reusable byte field. */
  private static final class Field {
    byte[] bytes;
    int length;

    Field(int size) {
      bytes = new byte[size];
    }

    void set(byte[] b, int s, int n) {
      if (bytes.length < n) {
        bytes = new byte[Math.max(n, bytes.length * 2)];
      }
      System.arraycopy(b, s, bytes, 0, n);
      length = n;
    }

    void write(DataOutput out) throws IOException {
      WritableUtils.writeVInt(out, length);
      out.write(bytes, 0, length);
    }

    void read(DataInput in) throws IOException {
      int n = WritableUtils.readVInt(in);
      if (bytes.length < n) {
        bytes = new byte[Math.max(n, bytes.length * 2)];
      }
      in.readFully(bytes, 0, n);
      length = n;
    }

    int compareTo(Field o) {
      return WritableComparator.compareBytes(bytes, 0, length, o.bytes, 0, o.length);
    }

    int hash() {
      return WritableComparator.hashBytes(bytes, length);
    }

    @Override
    public String toString() {
      return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
  }

  /**
   * An hourly key: the epoch hour (UTC) or {@link #NO_HOUR}, host, app, and the severity 0-7 or
   * {@link Severity#NONE}.
   */
  public SyslogStatsKey setHourly(long epochHour, byte[] h, int hs, int hn, byte[] a, int as,
      int an, int sev) {
    kind = HOURLY;
    hour = epochHour;
    host.set(h, hs, hn);
    app.set(a, as, an);
    severity = sev;
    template.length = 0;
    return this;
  }

  /** A template key: the template, and the host and app of the line. */
  public SyslogStatsKey setTemplate(byte[] t, int ts, int tn, byte[] h, int hs, int hn, byte[] a,
      int as, int an) {
    kind = TEMPLATE;
    template.set(t, ts, tn);
    host.set(h, hs, hn);
    app.set(a, as, an);
    hour = 0;
    severity = 0;
    return this;
  }

  /** Makes this a copy of {@code o}. */
  public SyslogStatsKey set(SyslogStatsKey o) {
    kind = o.kind;
    hour = o.hour;
    severity = o.severity;
    template.set(o.template.bytes, 0, o.template.length);
    host.set(o.host.bytes, 0, o.host.length);
    app.set(o.app.bytes, 0, o.app.length);
    return this;
  }

  /** Bytes the key's fields hold, for memory estimates. */
  int fieldBytes() {
    return template.length + host.length + app.length;
  }

  public byte kind() {
    return kind;
  }

  /** The epoch hour of an HOURLY key, or {@link #NO_HOUR}. */
  public long hour() {
    return hour;
  }

  /** The severity of an HOURLY key: 0-7 or {@link Severity#NONE}. */
  public int severity() {
    return severity;
  }

  public byte[] template() {
    return template.bytes;
  }

  public int templateLength() {
    return template.length;
  }

  public byte[] host() {
    return host.bytes;
  }

  public int hostLength() {
    return host.length;
  }

  public byte[] app() {
    return app.bytes;
  }

  public int appLength() {
    return app.length;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeByte(kind);
    if (kind == HOURLY) {
      out.writeLong(hour ^ Long.MIN_VALUE);
      host.write(out);
      app.write(out);
      out.writeByte(severity);
    } else {
      template.write(out);
      host.write(out);
      app.write(out);
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    kind = in.readByte();
    if (kind == HOURLY) {
      hour = in.readLong() ^ Long.MIN_VALUE;
      host.read(in);
      app.read(in);
      severity = in.readByte();
      template.length = 0;
    } else if (kind == TEMPLATE) {
      template.read(in);
      host.read(in);
      app.read(in);
      hour = 0;
      severity = 0;
    } else {
      throw new IOException("unknown syslog-stats key kind " + kind);
    }
  }

  /** Compares what the grouping comparator compares: kind and, for TEMPLATE, the template. */
  public int compareGroup(SyslogStatsKey o) {
    int c = Byte.compare(kind, o.kind);
    if (c != 0 || kind == HOURLY) {
      return c != 0 ? c : compareTo(o);
    }
    return template.compareTo(o.template);
  }

  @Override
  public int compareTo(SyslogStatsKey o) {
    int c = Byte.compare(kind, o.kind);
    if (c != 0) {
      return c;
    }
    if (kind == HOURLY) {
      c = Long.compare(hour, o.hour);
      if (c == 0) {
        c = host.compareTo(o.host);
      }
      if (c == 0) {
        c = app.compareTo(o.app);
      }
      return c != 0 ? c : Integer.compare(severity, o.severity);
    }
    c = template.compareTo(o.template);
    if (c == 0) {
      c = host.compareTo(o.host);
    }
    return c != 0 ? c : app.compareTo(o.app);
  }

  /**
   * The hash the partitioner uses: of the whole key for HOURLY, of the template alone for
   * TEMPLATE (Hadoop's {@link WritableComparator#hashBytes}, the same in every JVM).
   */
  public int partitionHash() {
    if (kind == TEMPLATE) {
      return 31 + template.hash();
    }
    return ((Long.hashCode(hour) * 31 + host.hash()) * 31 + app.hash()) * 31 + severity;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SyslogStatsKey k && compareTo(k) == 0;
  }

  @Override
  public int hashCode() {
    return kind == TEMPLATE ? (partitionHash() * 31 + host.hash()) * 31 + app.hash()
        : partitionHash();
  }

  @Override
  public String toString() {
    if (kind == HOURLY) {
      return "hourly " + (hour == NO_HOUR ? "-" : hour) + " " + host + " " + app + " "
          + Severity.name(severity);
    }
    return "template " + template + " | " + host + " " + app;
  }

  /** The vint at {@code b[s]}. */
  private static int vint(byte[] b, int s) {
    try {
      return WritableComparator.readVInt(b, s);
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt serialized SyslogStatsKey", e);
    }
  }

  /** Compares serialized keys as {@link #compareTo} compares objects. */
  public static class Comparator extends WritableComparator {
    private final boolean groupOnly;

    public Comparator() {
      this(false);
    }

    Comparator(boolean groupOnly) {
      super(SyslogStatsKey.class);
      this.groupOnly = groupOnly;
    }

    @Override
    public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
      int c = Byte.compare(b1[s1], b2[s2]);
      if (c != 0) {
        return c;
      }
      boolean hourly = b1[s1] == HOURLY;
      int p1 = s1 + 1;
      int p2 = s2 + 1;
      if (hourly) {
        c = compareBytes(b1, p1, 8, b2, p2, 8);
        if (c != 0) {
          return c;
        }
        p1 += 8;
        p2 += 8;
      }
      int fields = hourly ? 2 : groupOnly ? 1 : 3;
      for (int f = 0; f < fields; f++) {
        // lengths under 128 are one byte, their value (the sort's hot path)
        int n1 = b1[p1] >= 0 ? b1[p1] : vint(b1, p1);
        int n2 = b2[p2] >= 0 ? b2[p2] : vint(b2, p2);
        p1 += b1[p1] >= 0 ? 1 : WritableUtils.decodeVIntSize(b1[p1]);
        p2 += b2[p2] >= 0 ? 1 : WritableUtils.decodeVIntSize(b2[p2]);
        c = compareBytes(b1, p1, n1, b2, p2, n2);
        if (c != 0) {
          return c;
        }
        p1 += n1;
        p2 += n2;
      }
      return hourly ? Byte.compare(b1[p1], b2[p2]) : 0;
    }
  }

  /**
   * The grouping comparator: one reduce call per HOURLY key, and per template whatever its
   * hosts and apps.
   */
  public static final class GroupComparator extends Comparator {
    public GroupComparator() {
      super(true);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public int compare(org.apache.hadoop.io.WritableComparable a,
        org.apache.hadoop.io.WritableComparable b) {
      return ((SyslogStatsKey) a).compareGroup((SyslogStatsKey) b);
    }
  }

  static {
    WritableComparator.define(SyslogStatsKey.class, new Comparator());
  }
}
