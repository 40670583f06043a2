package org.colony.driver.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The day's report as one self-contained HTML page: inline CSS and SVG charts, no script, no
 * font or image from the network; a section whose data is missing says so.
 */
final class ReportPage {
  private static final String CSS = "body{font:14px/1.4 system-ui,sans-serif;margin:0 auto;"
      + "max-width:960px;padding:0 16px;color:#222}h1{font-size:22px}h2{font-size:17px;"
      + "border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}h3{font-size:14px}"
      + "table{border-collapse:collapse;margin:8px 0;font-size:12px}th,td{border:1px solid #ddd;"
      + "padding:2px 6px;text-align:left;max-width:520px;overflow-wrap:anywhere}td.n{text-align:"
      + "right}th{background:#f4f4f4}.missing{color:#777;font-style:italic}svg.chart{width:100%;"
      + "height:auto}nav a{margin-right:10px}.note{color:#777;font-size:12px}";

  private ReportPage() {}

  static List<Section> sections(DayReport day) throws IOException {
    List<Section> l = new ArrayList<>(AccessSections.all(day));
    l.addAll(OtherSections.all(day));
    return l;
  }

  static String render(DayReport day, List<Section> sections, String generated) {
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .tag("title", "", "Colony report " + day.date())
        .raw("<style>").raw(CSS).raw("</style></head><body>\n")
        .tag("h1", "", "Colony report for " + day.date())
        .raw("<p class=\"note\">").text("Generated " + generated + " from "
            + day.outputs().size() + " published output(s).").raw("</p>\n<nav>");
    for (Section s : sections) {
      h.raw("<a href=\"#").text(s.id()).raw("\">").text(s.title()).raw("</a>");
    }
    h.raw("</nav>\n");
    for (Section s : sections) {
      h.raw("<section id=\"").text(s.id()).raw("\">\n").tag("h2", "", s.title());
      if (s.present()) {
        h.raw(s.body());
      } else {
        h.raw("<p class=\"missing\">").text(s.missing()).raw("</p>\n");
      }
      h.raw("</section>\n");
    }
    return h.raw("</body></html>\n").toString();
  }
}
