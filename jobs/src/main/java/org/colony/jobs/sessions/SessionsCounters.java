package org.colony.jobs.sessions;

/** What sessions found. */
public enum SessionsCounters {
  /** Distinct visitors (reduce groups). */
  VISITORS,
  /** Sessions, one row each in sessions/. */
  SESSIONS,
  /** Hits of all sessions: the parsed records. */
  HITS,
  /** Sessions of a single hit. */
  BOUNCES
}
