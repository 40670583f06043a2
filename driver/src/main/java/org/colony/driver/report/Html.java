package org.colony.driver.report;

import java.util.List;
import java.util.Locale;

/** A small HTML builder: escaped text, tables, numbers as people read them. */
final class Html {
  private final StringBuilder sb = new StringBuilder(64 * 1024);

  Html raw(String s) {
    sb.append(s);
    return this;
  }

  Html text(String s) {
    sb.append(escape(s));
    return this;
  }

  Html tag(String name, String attrs, String text) {
    sb.append('<').append(name);
    if (!attrs.isEmpty()) {
      sb.append(' ').append(attrs);
    }
    sb.append('>').append(escape(text)).append("</").append(name).append(">\n");
    return this;
  }

  /**
   * A table with a header row; numeric columns (by index) are right-aligned. Each cell's plain
   * value is in a data-v attribute, so tests read the numbers the page shows.
   */
  Html table(String id, List<String> header, List<List<String>> rows, boolean[] numeric) {
    sb.append("<table id=\"").append(escape(id)).append("\"><thead><tr>");
    for (String h : header) {
      sb.append("<th>").append(escape(h)).append("</th>");
    }
    sb.append("</tr></thead><tbody>\n");
    for (List<String> row : rows) {
      sb.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        boolean num = numeric != null && i < numeric.length && numeric[i];
        String v = row.get(i);
        sb.append(num ? "<td class=\"n\" data-v=\"" : "<td data-v=\"").append(escape(v))
            .append("\">").append(escape(num ? grouped(v) : v)).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody></table>\n");
    return this;
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** 1234567 as 1,234,567; other text unchanged. */
  static String grouped(String v) {
    try {
      return String.format(Locale.ROOT, "%,d", Long.parseLong(v));
    } catch (NumberFormatException e) {
      return v;
    }
  }

  static String bytes(long b) {
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    double v = b;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? b + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
