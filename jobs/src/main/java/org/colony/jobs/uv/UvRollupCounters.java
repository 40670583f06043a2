package org.colony.jobs.uv;

/** What uv-rollup wrote. */
public enum UvRollupCounters {
  /** Rows of visitors/: one per period. */
  PERIODS
}
