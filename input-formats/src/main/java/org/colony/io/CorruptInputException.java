package org.colony.io;

import java.io.IOException;

/**
 * A compressed file that cannot be decompressed any further: truncated, damaged, not what its
 * extension says, or empty. Readers skip the rest of the file or fail, as
 * {@code colony.input.corrupt} says.
 */
public class CorruptInputException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final long offset;

  public CorruptInputException(String file, long offset, String message, Throwable cause) {
    super("damaged compressed input " + file + " after " + offset + " bytes: " + message, cause);
    this.file = file;
    this.offset = offset;
  }

  public String file() {
    return file;
  }

  /** Uncompressed bytes read from the file before the damage. */
  public long offset() {
    return offset;
  }
}
