package org.colony.jobs.access;

/** Rows access-stats wrote, per report key kind (in the order of the report numbers). */
public enum AccessStatsCounters {
  HOURS,
  URLS,
  CLIENTS,
  REFERRERS,
  AGENTS,
  /** daily/ rows, and uv/ sketch files. */
  DAYS,
  UV_HOURS,
  LATENCY_HOURS
}
