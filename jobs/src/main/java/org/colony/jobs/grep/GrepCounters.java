package org.colony.jobs.grep;

/** What grep counted. */
public enum GrepCounters {
  /** Records searched (parsed records; rejected ones are not searched). */
  RECORDS_SEARCHED,
  /** Records that matched at least one pattern. */
  RECORDS_MATCHED,
  /** Rows of matches/: a record matching two patterns is two rows. */
  MATCHES
}
