package org.colony.jobs.syslog;

import java.util.List;
import org.colony.jobs.JobSpec.Report;

/** The reports of syslog-stats and its hidden per-reducer top candidates. */
final class SyslogReports {
  private SyslogReports() {}

  static final Report HOURLY = new Report("hourly", "hour\thost\tapp\tseverity\tcount");
  static final Report TEMPLATES = new Report("templates",
      "template\tcount\tfirst_seen\tlast_seen\thosts\tseverity\tapp\texample");
  static final Report TOP = new Report("top", "rank\ttemplate\tcount\ttotal\tfirst_seen"
      + "\tlast_seen\thosts\tseverity\tapp\texample");

  static final List<Report> ALL = List.of(HOURLY, TEMPLATES, TOP);

  /** Hidden folder of each reducer's top candidates, merged into top/ after the job. */
  static final String TOP_CANDIDATES = "_top";
  static final String TOP_CANDIDATES_OUTPUT = "topcandidates";
}
