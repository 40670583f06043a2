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

  public static final ConfigKey COMBINE = ConfigKey.of("colony.input.combine", "auto",
      "Whether jobs read many small files through the combined variant of their input format "
          + "(several files per split): 'true', 'false', or 'auto', which combines when the input "
          + "has more than colony.input.combine.min.files files averaging under "
          + "colony.input.combine.small.bytes.");

  public static final ConfigKey COMBINE_MIN_FILES = ConfigKey.of("colony.input.combine.min.files",
      "64", "With colony.input.combine=auto: combine only inputs of more files than this.");

  public static final ConfigKey COMBINE_SMALL_BYTES = ConfigKey.of(
      "colony.input.combine.small.bytes", "16m",
      "With colony.input.combine=auto: combine only when files average less than this.");

  public static final ConfigKey COMBINE_SPLIT_BYTES = ConfigKey.of(
      "colony.input.combine.split.bytes", "256m",
      "Most bytes of files one combined split holds (when "
          + "mapreduce.input.fileinputformat.split.maxsize is not set).");

  public static final ConfigKey LINES_FORMAT = ConfigKey.of("colony.lines.format", "any",
      "Which lines LineInputFormat (plain text lines, as grep reads them) yields as records: "
          + "'any' (every line), 'access' or 'syslog' (the lines that parse in that format, read "
          + "as the access log and syslog readers read them; the others are rejected with that "
          + "format's reason).");

  public static List<ConfigKey> all() {
    return List.of(MAX_LINE_BYTES, CORRUPT, ACCESS_FORMAT, COMBINE, COMBINE_MIN_FILES,
        COMBINE_SMALL_BYTES, COMBINE_SPLIT_BYTES, LINES_FORMAT);
  }

  /** Whether a job reads through its combined input format (the driver resolves 'auto'). */
  public static boolean useCombined(org.apache.hadoop.conf.Configuration conf) {
    return "true".equalsIgnoreCase(COMBINE.get(conf));
  }

  /**
   * Whether to read through a combined input format, for an input of {@code files} files and
   * {@code bytes} bytes.
   */
  public static boolean combine(org.apache.hadoop.conf.Configuration conf, long files,
      long bytes) {
    String v = COMBINE.get(conf);
    switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      case "auto":
        return files > COMBINE_MIN_FILES.getLong(conf)
            && bytes / Math.max(1, files) < COMBINE_SMALL_BYTES.getLong(conf);
      default:
        throw new IllegalArgumentException(COMBINE.name() + " must be auto, true or false, got '"
            + v + "'");
    }
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
