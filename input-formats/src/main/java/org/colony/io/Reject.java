package org.colony.io;

import org.apache.hadoop.io.Text;

/**
 * A record that did not parse: why, where (file and byte offset of the line in the uncompressed
 * stream) and the line itself (truncated to the reader's line cap). Reused by its reader.
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
