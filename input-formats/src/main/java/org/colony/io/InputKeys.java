package org.colony.io;

import java.util.List;
import org.colony.conf.ConfigKey;

/** Configuration keys read by the input formats. Documented in conf/colony-default.xml. */
public final class InputKeys {
  private InputKeys() {}

  public static final ConfigKey MAX_LINE_BYTES = ConfigKey.of("colony.input.max.line.bytes", "1048576",
      "Longest line a reader accepts, in bytes. A longer line is rejected (LINE_TOO_LONG) after "
          + "reading at most this many bytes of it into memory; the rest is skipped, not buffered.");

  public static List<ConfigKey> all() {
    return List.of(MAX_LINE_BYTES);
  }
}
