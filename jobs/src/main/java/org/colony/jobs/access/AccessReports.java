package org.colony.jobs.access;

import java.util.ArrayList;
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
  /** A UTC day: its requests, bytes and visitor sketch. */
  static final int DAILY = 5;
  /** A UTC hour's visitor sketch. */
  static final int HOURLY_UV = 6;
  /** A UTC hour's response-time sketch. */
  static final int LATENCY = 7;
  /** How many report numbers there are. */
  static final int COUNT = 8;

  static final Report HOURLY_REPORT = new Report("hourly",
      "hour\trequests\tbytes\ts2xx\ts3xx\ts4xx\ts5xx");
  static final Report URLS_REPORT = new Report("urls", "path\thits\tbytes\ts4xx\ts5xx");
  static final Report CLIENTS_REPORT = new Report("clients", "client\thits\tbytes");
  static final Report TOP_REPORT = new Report("top", "dimension\trank\tvalue\thits");

  /** The reports of exact counts, each with reviewed expected files in sample-data/expected. */
  static final List<Report> ALL = List.of(HOURLY_REPORT, URLS_REPORT, CLIENTS_REPORT, TOP_REPORT);

  static final Report DAILY_REPORT = new Report("daily",
      "day\trequests\tbytes\tvisitors_estimate\tvisitors_lower\tvisitors_upper");
  static final Report HOURLY_UV_REPORT = new Report("hourly_uv",
      "hour\tvisitors_estimate\tvisitors_lower\tvisitors_upper");
  static final Report LATENCY_REPORT = new Report("latency",
      "hour\tcount\tp50_ms\tp95_ms\tp99_ms\tmax_ms");

  /** The reports whose figures come from sketches (requests and bytes of daily/ are exact). */
  static final List<Report> SKETCHED = List.of(DAILY_REPORT, HOURLY_UV_REPORT, LATENCY_REPORT);

  /** Every TSV report of the job. */
  static List<Report> reports() {
    List<Report> l = new ArrayList<>(ALL);
    l.addAll(SKETCHED);
    return List.copyOf(l);
  }

  /** Names of the top/ dimensions, indexed by report number (null: not a top dimension). */
  static final String[] TOP_DIMENSION = {null, "url", null, "referrer", "agent", null, null, null};

  /** Hidden folder of the per-reducer top candidates, merged into top/ after the job. */
  static final String TOP_CANDIDATES = "_top";
  static final String TOP_CANDIDATES_OUTPUT = "topcandidates";
}
