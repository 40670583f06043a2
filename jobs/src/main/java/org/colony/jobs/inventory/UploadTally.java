package org.colony.jobs.inventory;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Objects;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/**
 * Map output value of uploads-inventory: files and bytes (summed for owners/), and for
 * duplicates/ the one file's path (empty for owners/). Serialized as
 * {@code [files: vlong][bytes: vlong][path: Text]}.
 */
public final class UploadTally implements Writable {
  private long files;
  private long bytes;
  private final Text path = new Text();

  public UploadTally set(long files, long bytes) {
    this.files = files;
    this.bytes = bytes;
    this.path.clear();
    return this;
  }

  public UploadTally set(long files, long bytes, Text path) {
    this.files = files;
    this.bytes = bytes;
    this.path.set(path);
    return this;
  }

  public long files() {
    return files;
  }

  public long bytes() {
    return bytes;
  }

  public Text path() {
    return path;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVLong(out, files);
    WritableUtils.writeVLong(out, bytes);
    path.write(out);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    files = WritableUtils.readVLong(in);
    bytes = WritableUtils.readVLong(in);
    path.readFields(in);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UploadTally t && t.files == files && t.bytes == bytes
        && t.path.equals(path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(files, bytes, path);
  }

  @Override
  public String toString() {
    return files + " file(s), " + bytes + " B" + (path.getLength() > 0 ? " " + path : "");
  }
}
