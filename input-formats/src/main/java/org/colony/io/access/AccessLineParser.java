package org.colony.io.access;

import org.colony.io.RejectReason;

/**
 * Turns one access log line into an {@link AccessLogRecord}: the {@code auto} parser
 * ({@link AccessLogParser}) or a compiled log format ({@link AccessLogFormats}). Instances keep
 * scratch space and are not thread-safe: one per reader.
 */
public interface AccessLineParser {

  /**
   * Parses {@code b[0, len)} (one line without its line end) into {@code r}, which is cleared
   * first.
   *
   * @return null on success, else why the line was rejected ({@code r} is then undefined)
   */
  RejectReason parse(byte[] b, int len, AccessLogRecord r);
}
