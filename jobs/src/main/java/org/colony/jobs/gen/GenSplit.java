package org.colony.jobs.gen;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.InputSplit;

/** One synthetic split of gen-access-logs: which of how many, and the bytes it will write. */
public final class GenSplit extends InputSplit implements Writable {
  private int index;
  private int count;
  private long bytes;

  public GenSplit() {}

  public GenSplit(int index, int count, long bytes) {
    this.index = index;
    this.count = count;
    this.bytes = bytes;
  }

  public int index() {
    return index;
  }

  public int count() {
    return count;
  }

  @Override
  public long getLength() {
    return bytes;
  }

  @Override
  public String[] getLocations() {
    return new String[0];
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeInt(index);
    out.writeInt(count);
    out.writeLong(bytes);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    index = in.readInt();
    count = in.readInt();
    bytes = in.readLong();
  }

  @Override
  public String toString() {
    return "gen split " + index + " of " + count + " (" + bytes + " bytes)";
  }
}
