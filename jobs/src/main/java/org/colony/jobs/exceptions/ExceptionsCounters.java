package org.colony.jobs.exceptions;

/** What exceptions counted. */
public enum ExceptionsCounters {
  /** Events read (parsed). */
  EVENTS,
  /** Events holding a Java exception: each counted under its signature. */
  EVENTS_WITH_EXCEPTION,
  /** Events with an exception but no time: in signatures/ but in no hour of hourly/. */
  EVENTS_WITHOUT_TIME,
  /** Times a mapper wrote out its in-memory counts before its end, to bound its memory. */
  MAP_FLUSHES,
  /** Rows of signatures/ (and of examples/). */
  SIGNATURES,
  /** Rows of hourly/. */
  HOURLY_ROWS
}
