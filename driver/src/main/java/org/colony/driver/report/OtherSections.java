package org.colony.driver.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.colony.jobs.common.TsvTables.Table;

/** Sections shown as the jobs' own tables: sessions, syslog, exceptions, uploads, and the runs. */
final class OtherSections {
  private static final int MAX_CELL = 160;

  private OtherSections() {}

  static List<Section> all(DayReport day) throws IOException {
    List<Section> l = new ArrayList<>();
    l.add(table(day, "sessions", "summary", "sessions", "Sessions", null, 10));
    l.add(table(day, "syslog-stats", "top", "syslog", "Top syslog messages, warning and worse",
        null, 20));
    l.add(table(day, "exceptions", "signatures", "exceptions", "Top exceptions", "count", 20));
    l.add(uploads(day));
    l.add(runs(day));
    return l;
  }

  /**
   * A job's report folder as a table: every column, the first {@code max} rows (by
   * {@code sortBy}, descending, when given).
   */
  static Section table(DayReport day, String job, String folder, String id, String title,
      String sortBy, int max) throws IOException {
    Table t = day.table(job, folder);
    if (t == null) {
      return Section.missing(id, title, "no " + job + " output for " + day.date());
    }
    return Section.of(id, title, render(t, "table-" + id, sortBy, max));
  }

  private static String render(Table t, String id, String sortBy, int max) {
    List<String[]> rows = new ArrayList<>(t.rows());
    if (sortBy != null && t.column(sortBy) >= 0) {
      rows.sort((a, b) -> Long.compare(DayReport.num(t.get(b, sortBy)),
          DayReport.num(t.get(a, sortBy))));
    }
    boolean[] numeric = new boolean[t.columns().size()];
    List<List<String>> out = new ArrayList<>();
    for (String[] r : rows.subList(0, Math.min(max, rows.size()))) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < t.columns().size(); c++) {
        String v = DayReport.text(t.get(r, t.columns().get(c)));
        row.add(v.length() > MAX_CELL ? v.substring(0, MAX_CELL) + "..." : v);
      }
      out.add(row);
    }
    for (int c = 0; c < numeric.length; c++) {
      final int col = c;
      numeric[c] = !out.isEmpty() && out.stream().allMatch(r -> r.get(col).matches("-?\\d+"));
    }
    String more = rows.size() > max ? "<p class=\"note\">" + max + " of " + rows.size()
        + " rows</p>\n" : "";
    return new Html().table(id, t.columns(), out, numeric) + more;
  }

  private static Section uploads(DayReport day) throws IOException {
    String title = "Uploads";
    Table owners = day.table("uploads-inventory", "owners");
    Table files = day.table("uploads-inventory", "files");
    Table dups = day.table("uploads-inventory", "duplicates");
    Table thumbs = day.table("thumbnails", "thumbnails");
    Table problems = day.table("thumbnails", "problems");
    if (owners == null && thumbs == null) {
      return Section.missing("uploads", title, "no uploads-inventory or thumbnails output for "
          + day.date());
    }
    Html h = new Html();
    if (files != null) {
      // new on the day: modified (uploaded) on it, UTC; mtime is ISO-8601 UTC
      String prefix = day.date() + "T";
      long fresh = files.rows().stream().filter(r -> files.get(r, "mtime").startsWith(prefix))
          .count();
      h.raw("<p class=\"total\"><span id=\"upload-files\" data-v=\"" + files.rows().size() + "\">"
          + Html.grouped(String.valueOf(files.rows().size())) + "</span> files inventoried, "
          + "<span id=\"upload-new\" data-v=\"" + fresh + "\">" + Html.grouped(String.valueOf(fresh))
          + "</span> of them new on " + day.date() + "</p>\n");
    }
    if (owners != null) {
      h.tag("h3", "", "Bytes per owner");
      h.raw(render(owners, "table-owners", "bytes", 20));
    }
    if (dups != null) {
      h.tag("h3", "", "Duplicates");
      h.raw(render(dups, "table-duplicates", "bytes_reclaimable", 20));
    }
    if (thumbs != null) {
      h.raw("<p class=\"total\"><span id=\"thumbnails-made\" data-v=\"" + thumbs.rows().size()
          + "\">" + thumbs.rows().size() + "</span> thumbnails made</p>\n");
    }
    if (problems != null) {
      h.tag("h3", "", "Images refused or damaged");
      h.raw(render(problems, "table-image-problems", null, 20));
    }
    return Section.of("uploads", title, h.toString());
  }

  @SuppressWarnings("unchecked")
  private static Section runs(DayReport day) {
    String title = "Runs";
    if (day.outputs().isEmpty()) {
      return Section.missing("runs", title, "no published output for " + day.date());
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> advice = new ArrayList<>();
    for (DayReport.Output o : day.outputs()) {
      Map<String, Object> m = o.manifest();
      Map<String, Object> rec = (Map<String, Object>) m.getOrDefault("records", Map.of());
      Map<String, Object> red = (Map<String, Object>) m.getOrDefault("reducers", Map.of());
      List<Object> steps = (List<Object>) red.getOrDefault("steps", List.of());
      String why = steps.isEmpty() ? String.valueOf(red.getOrDefault("rule", ""))
          : String.valueOf(steps.get(Math.max(0, steps.size() - 2)));
      rows.add(List.of(o.id(), o.job(), s(rec.get("in")), s(rec.get("parsed")),
          s(rec.get("rejected")), s(red.get("count")), why,
          String.format(java.util.Locale.ROOT, "%.1f s",
              DayReport.num(s(m.get("durationMs"))) / 1000.0)));
      for (Map<String, Object> a : (List<Map<String, Object>>) m.getOrDefault("advice",
          List.of())) {
        advice.add(o.id() + ": " + a.get("message"));
      }
    }
    Html h = new Html().table("table-runs", List.of("output", "job", "records in", "parsed",
        "rejected", "reducers", "why", "time"), rows,
        new boolean[] {false, false, true, true, true, true, false, false});
    if (!advice.isEmpty()) {
      h.tag("h3", "", "Advice");
      h.raw("<ul id=\"advice\">\n");
      advice.forEach(a -> h.raw("<li>").text(a).raw("</li>\n"));
      h.raw("</ul>\n");
    }
    return Section.of("runs", title, h.toString());
  }

  private static String s(Object o) {
    return o == null ? "" : String.valueOf(o);
  }
}
