package org.colony.driver.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One run's period (a day, or an hour of it) and the expansion of path templates for it. */
public record Partition(LocalDate date, Integer hour) {

  public String label() {
    return hour == null ? date.toString() : date + " " + String.format("%02d", hour) + "h";
  }

  /**
   * Expands {@code ${logs}}, {@code ${reports}}, {@code ${date}}, {@code ${hour}} and
   * {@code ${last7}} (a glob of the seven days ending on the date, for weekly rollups) in a
   * template.
   */
  public String expand(String template, Map<String, String> roots) {
    List<String> week = new ArrayList<>();
    for (int i = 6; i >= 0; i--) {
      week.add(date.minusDays(i).toString());
    }
    String s = template.replace("${date}", date.toString())
        .replace("${last7}", "{" + String.join(",", week) + "}");
    if (hour != null) {
      s = s.replace("${hour}", String.format("%02d", hour));
    }
    for (Map.Entry<String, String> r : roots.entrySet()) {
      s = s.replace("${" + r.getKey() + "}", r.getValue());
    }
    if (s.contains("${")) {
      throw new IllegalArgumentException("unknown variable in '" + template + "' (known: logs, "
          + "reports, uploads, date, hour, last7)");
    }
    return s;
  }
}
