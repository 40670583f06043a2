package org.colony.jobs.syslog;

/** What syslog-stats counted. */
public enum SyslogStatsCounters {
  /** Rows of hourly/. */
  HOURLY_ROWS,
  /** Rows of templates/: distinct templates. */
  TEMPLATES,
  /** Templates with lines at warning or worse: the candidates of top/. */
  WARNING_TEMPLATES,
  /** Parsed lines without a timestamp (RFC 5424 NILVALUE): hour '-'. */
  LINES_WITHOUT_TIME
}
