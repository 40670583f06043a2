package org.colony.jobs.gen;

/** What gen-access-logs wrote. */
public enum GenCounters {
  LINES,
  MALFORMED_LINES,
  /** Uncompressed bytes, line ends included. */
  BYTES,
  SESSIONS,
  FILES
}
