package org.colony.jobs.grep;

import java.util.List;
import org.colony.jobs.JobSpec.Report;

/** The reports of grep. */
final class GrepReports {
  private GrepReports() {}

  static final Report MATCHES = new Report("matches", "file\toffset\tpattern\trecord");
  static final Report COUNTS = new Report("counts", "pattern\tmatches");

  static final List<Report> ALL = List.of(MATCHES, COUNTS);
}
