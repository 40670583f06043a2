package org.colony.jobs.sessions;

import java.util.List;
import org.colony.jobs.JobSpec.Report;

/** The reports of sessions and its hidden per-reducer summary pieces. */
final class SessionReports {
  private SessionReports() {}

  static final Report SESSIONS = new Report("sessions",
      "visitor_hash\tstart\tend\tduration_s\thits\tentry_path\texit_path\tbytes");
  static final Report SUMMARY = new Report("summary", "day\tsessions\tvisitors\thits\tbounces"
      + "\tbounce_rate\tmedian_duration_s\tp90_duration_s\thits_per_session");

  static final List<Report> ALL = List.of(SESSIONS, SUMMARY);

  /** Hidden folder of each reducer's {@link DayStats}, merged into summary/ after the job. */
  static final String SUMMARY_PIECES = "_summary";
  static final String SUMMARY_PIECES_OUTPUT = "summarypieces";
}
