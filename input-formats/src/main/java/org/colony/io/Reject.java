package org.colony.io;

import org.apache.hadoop.io.Text;

/**
 * A record that did not parse: why, where (file and byte offset of the line) and the line itself
 * (truncated to the reader's line cap). Reused by its reader.
 *
 * <p>The offset is the line's position in the uncompressed stream, for plain files and for files
 * a codec reads whole (gzip, deflate). A bzip2 file read in several splits is the exception: there,
 * as in Hadoop's own line reader, a split after the first counts from its compressed start plus the
 * uncompressed bytes it read, which names the line within its split but is no file position.
 */
public final class Reject {
  private RejectReason reason;
  private String file;
  private long offset;
  private final Text line = new Text();

  public void set(RejectReason reason, String file, long offset, byte[] bytes, int length) {
    this.reason = reason;
    this.file = file;
    this.offset = offset;
    this.line.set(bytes, 0, length);
  }

  public RejectReason reason() {
    return reason;
  }

  public String file() {
    return file;
  }

  public long offset() {
    return offset;
  }

  public Text line() {
    return line;
  }

  @Override
  public String toString() {
    return file + ":" + offset + " " + reason;
  }
}
