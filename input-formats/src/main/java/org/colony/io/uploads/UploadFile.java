package org.colony.io.uploads;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableUtils;
import org.colony.io.ParsedRecord;

/**
 * One uploaded file: where it is (full path, path relative to its uploads root, owner), its size
 * and modification time, and its content as a stream, read in chunks, never held whole (a 3 GB
 * file costs a buffer, not 3 GB of heap). The content stream is the reader's and is valid until the
 * next record; only the metadata is serialized.
 */
public final class UploadFile extends ParsedRecord {
  private final Text path = new Text();
  private final Text relativePath = new Text();
  private final Text owner = new Text();
  private long size;
  private long modificationTime;
  private InputStream content;

  public Text path() {
    return path;
  }

  /** The path below the uploads root it was listed under, '/'-separated. */
  public Text relativePath() {
    return relativePath;
  }

  /** The owner from the {@code <root>/<owner>/...} convention, or empty. */
  public Text owner() {
    return owner;
  }

  public long size() {
    return size;
  }

  /** Modification time, epoch milliseconds. */
  public long modificationTime() {
    return modificationTime;
  }

  /**
   * The file's content, from its first byte. Read it once, in chunks; closing it is optional (the
   * reader closes it when it moves on).
   */
  public InputStream content() throws IOException {
    if (content == null) {
      throw new IOException("no content stream for " + path + " (a deserialized record?)");
    }
    return content;
  }

  void set(String path, String relativePath, String owner, long size, long mtime) {
    this.path.set(path);
    this.relativePath.set(relativePath);
    this.owner.set(owner);
    this.size = size;
    this.modificationTime = mtime;
  }

  void setContent(InputStream in) {
    this.content = in == null ? null : new FilterInputStream(in) {
      @Override
      public void close() {
        // the reader owns the stream
      }
    };
  }

  @Override
  public void write(DataOutput out) throws IOException {
    path.write(out);
    relativePath.write(out);
    owner.write(out);
    WritableUtils.writeVLong(out, size);
    WritableUtils.writeVLong(out, modificationTime);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    path.readFields(in);
    relativePath.readFields(in);
    owner.readFields(in);
    size = WritableUtils.readVLong(in);
    modificationTime = WritableUtils.readVLong(in);
    content = null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UploadFile u && u.path.equals(path) && u.relativePath.equals(relativePath)
        && u.owner.equals(owner) && u.size == size && u.modificationTime == modificationTime;
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, size, modificationTime);
  }

  @Override
  public String toString() {
    return relativePath + " (" + owner + ", " + size + " B, mtime " + modificationTime + ")";
  }
}
