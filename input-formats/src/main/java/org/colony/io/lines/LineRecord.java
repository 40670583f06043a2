package org.colony.io.lines;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.Text;
import org.colony.io.ParsedRecord;

/**
 * One line of a text file, its bytes as they are in the file (without the line end). Reused by
 * its reader: copy what you keep.
 */
public final class LineRecord extends ParsedRecord {
  private final Text line = new Text();

  /** The line's bytes, valid up to {@code line().getLength()}. */
  public Text line() {
    return line;
  }

  /** Sets the line to {@code b[0, length)}, for readers and tests. */
  public LineRecord set(byte[] b, int length) {
    line.set(b, 0, length);
    return this;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    line.write(out);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    line.readFields(in);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LineRecord r && r.line.equals(line);
  }

  @Override
  public int hashCode() {
    return line.hashCode();
  }

  @Override
  public String toString() {
    return new String(line.getBytes(), 0, line.getLength(), StandardCharsets.UTF_8);
  }
}
