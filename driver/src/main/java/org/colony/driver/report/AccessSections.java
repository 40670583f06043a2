package org.colony.driver.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.colony.jobs.common.TsvTables.Table;

/** The sections drawn from access-stats (and uv-rollup): traffic, status, latency, tops, visitors. */
final class AccessSections {
  private AccessSections() {}

  static List<Section> all(DayReport day) throws IOException {
    List<Section> l = new ArrayList<>();
    Table hourly = day.table("access-stats", "hourly");
    if (hourly == null || hourly.rows().isEmpty()) {
      String why = "no access-stats output for " + day.date();
      l.add(Section.missing("traffic", "Requests and bytes per hour", why));
      l.add(Section.missing("status", "Status classes per hour", why));
    } else {
      List<String> hours = new ArrayList<>();
      double[] req = new double[hourly.rows().size()];
      double[] bytes = new double[req.length];
      double[][] cls = new double[4][req.length];
      String[] names = {"s2xx", "s3xx", "s4xx", "s5xx"};
      long totalReq = 0;
      long totalBytes = 0;
      List<String[]> rows = new ArrayList<>(hourly.rows());
      rows.sort((a, b) -> hourly.get(a, "hour").compareTo(hourly.get(b, "hour")));
      for (int i = 0; i < rows.size(); i++) {
        String[] r = rows.get(i);
        hours.add(hourly.get(r, "hour"));
        req[i] = DayReport.num(hourly.get(r, "requests"));
        bytes[i] = DayReport.num(hourly.get(r, "bytes"));
        for (int k = 0; k < 4; k++) {
          cls[k][i] = DayReport.num(hourly.get(r, names[k]));
        }
        totalReq += (long) req[i];
        totalBytes += (long) bytes[i];
      }
      l.add(Section.of("traffic", "Requests and bytes per hour (UTC)", String.format(Locale.ROOT,
          "<p class=\"total\"><span id=\"total-requests\" data-v=\"%d\">%,d</span> requests, "
              + "<span id=\"total-bytes\" data-v=\"%d\">%s</span> sent</p>\n", totalReq, totalReq,
          totalBytes, Html.bytes(totalBytes))
          + Svg.bars("chart-requests", "Requests per hour", hours,
              List.of(new Svg.Series("requests", req)), "")
          + Svg.bars("chart-bytes", "Bytes per hour", hours,
              List.of(new Svg.Series("bytes", bytes)), "bytes")));
      List<Svg.Series> status = new ArrayList<>();
      String[] labels = {"2xx", "3xx", "4xx", "5xx"};
      for (int k = 0; k < 4; k++) {
        status.add(new Svg.Series(labels[k], cls[k]));
      }
      l.add(Section.of("status", "Status classes per hour (UTC)",
          Svg.bars("chart-status", "Responses per hour by status class", hours, status, "")));
    }
    l.add(latency(day));
    l.add(tops(day));
    l.add(visitors(day));
    return l;
  }

  private static Section latency(DayReport day) throws IOException {
    String title = "Response time per hour";
    Table t = day.table("access-stats", "latency");
    if (t == null || t.rows().isEmpty() || t.column("p50_ms") < 0) {
      return Section.missing("latency", title, day.output("access-stats") == null
          ? "no access-stats output for " + day.date()
          : "the access logs of " + day.date() + " have no response times (their format has no "
              + "%D, %T or $request_time)");
    }
    List<String[]> rows = new ArrayList<>(t.rows());
    rows.sort((a, b) -> t.get(a, "hour").compareTo(t.get(b, "hour")));
    List<String> hours = new ArrayList<>();
    double[][] v = new double[3][rows.size()];
    String[] cols = {"p50_ms", "p95_ms", "p99_ms"};
    List<List<String>> table = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      hours.add(t.get(r, "hour"));
      for (int k = 0; k < 3; k++) {
        v[k][i] = DayReport.dbl(t.get(r, cols[k]));
      }
      table.add(List.of(t.get(r, "hour"), t.get(r, "count"), t.get(r, "p50_ms"),
          t.get(r, "p95_ms"), t.get(r, "p99_ms"), t.get(r, "max_ms")));
    }
    return Section.of("latency", title, Svg.lines("chart-latency", "Response time per hour",
        hours, List.of(new Svg.Series("p50", v[0]), new Svg.Series("p95", v[1]),
            new Svg.Series("p99", v[2])), "ms")
        + new Html().table("table-latency", List.of("hour", "requests", "p50 ms", "p95 ms",
            "p99 ms", "max ms"), table, new boolean[] {false, true, true, true, true, true}));
  }

  private static Section tops(DayReport day) throws IOException {
    String title = "Top URLs, referrers, user agents and clients";
    Table top = day.table("access-stats", "top");
    if (top == null) {
      return Section.missing("top", title, "no access-stats output for " + day.date());
    }
    Html h = new Html();
    for (String dim : List.of("url", "referrer", "agent")) {
      List<List<String>> rows = new ArrayList<>();
      for (String[] r : top.rows()) {
        if (top.get(r, "dimension").equals(dim) && rows.size() < 20) {
          rows.add(List.of(top.get(r, "rank"), DayReport.text(top.get(r, "value")),
              top.get(r, "hits")));
        }
      }
      h.tag("h3", "", "Top " + dim + "s");
      h.table("table-top-" + dim, List.of("rank", dim, "hits"), rows,
          new boolean[] {true, false, true});
    }
    Table clients = day.table("access-stats", "clients");
    if (clients != null) {
      List<String[]> rows = new ArrayList<>(clients.rows());
      rows.sort((a, b) -> Long.compare(DayReport.num(clients.get(b, "hits")),
          DayReport.num(clients.get(a, "hits"))));
      List<List<String>> t = new ArrayList<>();
      for (String[] r : rows.subList(0, Math.min(20, rows.size()))) {
        t.add(List.of(DayReport.text(clients.get(r, "client")), clients.get(r, "hits"),
            clients.get(r, "bytes")));
      }
      h.tag("h3", "", "Top clients");
      h.table("table-top-client", List.of("client", "hits", "bytes"), t,
          new boolean[] {false, true, true});
    }
    return Section.of("top", title, h.toString());
  }

  private static Section visitors(DayReport day) throws IOException {
    String title = "Unique visitors";
    Table daily = day.table("access-stats", "daily");
    Table week = day.table("uv-rollup", "visitors");
    if ((daily == null || daily.rows().isEmpty()) && week == null) {
      return Section.missing("visitors", title, "no visitor sketches for " + day.date()
          + " (access-stats writes them in daily/; uv-rollup rolls them up)");
    }
    Html h = new Html();
    if (daily != null) {
      List<List<String>> rows = new ArrayList<>();
      for (String[] r : daily.rows()) {
        rows.add(List.of(daily.get(r, "day"), daily.get(r, "requests"),
            daily.get(r, "visitors_estimate"), daily.get(r, "visitors_lower"),
            daily.get(r, "visitors_upper")));
      }
      h.table("table-visitors-day", List.of("day", "requests", "visitors (estimate)", "lower",
          "upper"), rows, new boolean[] {false, true, true, true, true});
    }
    if (week != null) {
      List<List<String>> rows = new ArrayList<>();
      for (String[] r : week.rows()) {
        List<String> row = new ArrayList<>();
        for (String c : week.columns()) {
          row.add(week.get(r, c));
        }
        rows.add(row);
      }
      h.tag("h3", "", "Rolled up");
      h.table("table-visitors-rollup", week.columns(), rows, null);
    }
    return Section.of("visitors", title, h.toString());
  }
}
