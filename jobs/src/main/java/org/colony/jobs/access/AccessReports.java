package org.colony.jobs.access;

import java.util.List;
import org.colony.jobs.JobSpec.Report;

/** The reports of access-stats and the report numbers of its shuffle keys. */
final class AccessReports {
  private AccessReports() {}

  static final int HOURLY = 0;
  static final int URLS = 1;
  static final int CLIENTS = 2;
  static final int REFERRERS = 3;
  static final int AGENTS = 4;

  static final Report HOURLY_REPORT = new Report("hourly",
      "hour\trequests\tbytes\ts2xx\ts3xx\ts4xx\ts5xx");
  static final Report URLS_REPORT = new Report("urls", "path\thits\tbytes\ts4xx\ts5xx");
  static final Report CLIENTS_REPORT = new Report("clients", "client\thits\tbytes");
  static final Report TOP_REPORT = new Report("top", "dimension\trank\tvalue\thits");

  static final List<Report> ALL = List.of(HOURLY_REPORT, URLS_REPORT, CLIENTS_REPORT, TOP_REPORT);

  /** Names of the top/ dimensions, indexed by report number (null: not a top dimension). */
  static final String[] TOP_DIMENSION = {null, "url", null, "referrer", "agent"};

  /** Hidden folder of the per-reducer top candidates, merged into top/ after the job. */
  static final String TOP_CANDIDATES = "_top";
  static final String TOP_CANDIDATES_OUTPUT = "topcandidates";
}
