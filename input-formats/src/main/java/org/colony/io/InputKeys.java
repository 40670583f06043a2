package org.colony.io;

import java.util.List;
import org.colony.conf.ConfigKey;

/** Configuration keys read by the input formats. Documented in conf/colony-default.xml. */
public final class InputKeys {
  private InputKeys() {}

  public static final ConfigKey MAX_LINE_BYTES = ConfigKey.of("colony.input.max.line.bytes", "1048576",
      "Longest line a reader accepts, in bytes. A longer line is rejected (LINE_TOO_LONG) after "
          + "reading at most this many bytes of it into memory; the rest is skipped, not buffered.");

  public static final ConfigKey CORRUPT = ConfigKey.of("colony.input.corrupt", "skip",
      "What a reader does with a damaged compressed file (truncated, bad data, empty, not what "
          + "its extension says): 'skip' reads what it can, counts the file (FILES_CORRUPT and one "
          + "CORRUPT_FILE reject), lists it in _corrupt/ and the manifest, and goes on; 'fail' "
          + "fails the job with a message naming the file.");

  public static final ConfigKey ACCESS_FORMAT = ConfigKey.of("colony.access.format", "auto",
      "How access log lines are read. 'auto' recognises Apache common, combined, vhost_combined "
          + "and nginx's default format line by line, forwarded-for chains included. A preset "
          + "(common, combined, vhost_combined, nginx) or a format string as in the server's "
          + "configuration (an Apache LogFormat or nginx log_format string) reads every line with "
          + "that one format, compiled once, and rejects lines that do not follow it "
          + "(FORMAT_MISMATCH); it also reads the response time (%D, %T, $request_time, "
          + "$upstream_response_time) and X-Forwarded-For fields.");

  public static List<ConfigKey> all() {
    return List.of(MAX_LINE_BYTES, CORRUPT, ACCESS_FORMAT);
  }

  /** Whether damaged compressed files are skipped (true) or fail the job (false). */
  public static boolean skipCorrupt(org.apache.hadoop.conf.Configuration conf) {
    String v = CORRUPT.get(conf);
    if (v.equalsIgnoreCase("skip")) {
      return true;
    }
    if (v.equalsIgnoreCase("fail")) {
      return false;
    }
    throw new IllegalArgumentException(CORRUPT.name() + " must be skip or fail, got '" + v + "'");
  }
}
