package org.colony.jobs.syslog;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/**
 * A reducer's candidate for top/: the template's bytes, its lines at warning or worse, and the
 * rest of its top/ row, already TSV (count onwards). Serialized as {@code [template length: vint]
 * [template][count: vlong][row length: vint][row]}.
 */
public final class TopCandidate implements Writable {
  private byte[] template = new byte[0];
  private long count;
  private byte[] row = new byte[0];

  public TopCandidate set(byte[] t, long c, byte[] r) {
    template = t;
    count = c;
    row = r;
    return this;
  }

  public byte[] template() {
    return template;
  }

  public long count() {
    return count;
  }

  /** The row after the template: count, total, first_seen, ... example, TSV-escaped. */
  public byte[] row() {
    return row;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVInt(out, template.length);
    out.write(template);
    WritableUtils.writeVLong(out, count);
    WritableUtils.writeVInt(out, row.length);
    out.write(row);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    template = new byte[WritableUtils.readVInt(in)];
    in.readFully(template);
    count = WritableUtils.readVLong(in);
    row = new byte[WritableUtils.readVInt(in)];
    in.readFully(row);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopCandidate c && c.count == count && Arrays.equals(c.template, template)
        && Arrays.equals(c.row, row);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(template) * 31 + Long.hashCode(count);
  }

  @Override
  public String toString() {
    return new String(template, StandardCharsets.UTF_8) + "=" + count;
  }
}
