package org.colony.jobs.access;

/** Rows access-stats wrote, per report. */
public enum AccessStatsCounters {
  HOURS,
  URLS,
  CLIENTS,
  REFERRERS,
  AGENTS
}
