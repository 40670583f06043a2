package org.colony.driver.report;

import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG, readable without JavaScript: bars, stacked bars and lines over labelled
 * points, with axes, a legend, and each value in a {@code <title>} (shown on hover) and a
 * {@code data-v} attribute.
 */
final class Svg {
  static final String[] COLORS = {"#3b73b9", "#4caf50", "#f0ad4e", "#d9534f", "#8e44ad",
      "#16a085"};
  private static final int W = 900;
  private static final int H = 260;
  private static final int LEFT = 64;
  private static final int BOTTOM = 40;
  private static final int TOP = 16;

  private Svg() {}

  /** A series: its name and one value per label. */
  record Series(String name, double[] values) {}

  /** Bars, one per label; stacked when there are several series. */
  static String bars(String id, String title, List<String> labels, List<Series> series,
      String unit) {
    double max = 0;
    for (int i = 0; i < labels.size(); i++) {
      double sum = 0;
      for (Series s : series) {
        sum += s.values()[i];
      }
      max = Math.max(max, sum);
    }
    StringBuilder sb = open(id, title);
    axes(sb, labels, max, unit);
    double slot = (W - LEFT - 10) / (double) Math.max(1, labels.size());
    for (int i = 0; i < labels.size(); i++) {
      double base = 0;
      for (int k = 0; k < series.size(); k++) {
        double v = series.get(k).values()[i];
        double h = max == 0 ? 0 : v / max * (H - TOP - BOTTOM);
        double y = H - BOTTOM - base - h;
        sb.append(String.format(Locale.ROOT,
            "<rect class=\"bar\" data-series=\"%s\" data-label=\"%s\" data-v=\"%s\" x=\"%.1f\" "
                + "y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title>"
                + "</rect>\n", Html.escape(series.get(k).name()), Html.escape(labels.get(i)),
            num(v), LEFT + i * slot + 1, y, Math.max(1, slot - 2), h, COLORS[k % COLORS.length],
            Html.escape(labels.get(i)), Html.escape(series.get(k).name()), num(v)));
        base += h;
      }
    }
    legend(sb, series);
    return sb.append("</svg>\n").toString();
  }

  /** Lines, one per series. */
  static String lines(String id, String title, List<String> labels, List<Series> series,
      String unit) {
    double max = 0;
    for (Series s : series) {
      for (double v : s.values()) {
        max = Math.max(max, v);
      }
    }
    StringBuilder sb = open(id, title);
    axes(sb, labels, max, unit);
    double slot = (W - LEFT - 10) / (double) Math.max(1, labels.size());
    for (int k = 0; k < series.size(); k++) {
      StringBuilder points = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      for (int i = 0; i < labels.size(); i++) {
        double v = series.get(k).values()[i];
        double x = LEFT + i * slot + slot / 2;
        double y = H - BOTTOM - (max == 0 ? 0 : v / max * (H - TOP - BOTTOM));
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        dots.append(String.format(Locale.ROOT,
            "<circle class=\"point\" data-series=\"%s\" data-label=\"%s\" data-v=\"%s\" "
                + "cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>%s %s: %s %s</title>"
                + "</circle>\n", Html.escape(series.get(k).name()), Html.escape(labels.get(i)),
            num(v), x, y, COLORS[k % COLORS.length], Html.escape(labels.get(i)),
            Html.escape(series.get(k).name()), num(v), Html.escape(unit)));
      }
      sb.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"")
          .append(COLORS[k % COLORS.length]).append("\" points=\"").append(points.toString().trim())
          .append("\"/>\n").append(dots);
    }
    legend(sb, series);
    return sb.append("</svg>\n").toString();
  }

  private static StringBuilder open(String id, String title) {
    StringBuilder sb = new StringBuilder(16 * 1024);
    sb.append("<svg id=\"").append(Html.escape(id)).append("\" class=\"chart\" viewBox=\"0 0 ")
        .append(W).append(' ').append(H + 24).append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(title)).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n")
        .append("<title>").append(Html.escape(title)).append("</title>\n");
    return sb;
  }

  private static void axes(StringBuilder sb, List<String> labels, double max, String unit) {
    sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
        + "stroke=\"#888\"/>\n", LEFT, H - BOTTOM, W - 10, H - BOTTOM));
    for (int t = 0; t <= 4; t++) {
      double v = max * t / 4;
      double y = H - BOTTOM - (H - TOP - BOTTOM) * t / 4.0;
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
          + "stroke=\"#eee\"/><text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">"
          + "%s</text>\n", LEFT, y, W - 10, y, LEFT - 4, y + 3, Html.escape(tick(v, unit))));
    }
    double slot = (W - LEFT - 10) / (double) Math.max(1, labels.size());
    int every = Math.max(1, (int) Math.ceil(labels.size() / 12.0));
    for (int i = 0; i < labels.size(); i += every) {
      sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" "
          + "text-anchor=\"middle\">%s</text>\n", LEFT + i * slot + slot / 2, H - BOTTOM + 14,
          Html.escape(shortLabel(labels.get(i)))));
    }
  }

  private static void legend(StringBuilder sb, List<Series> series) {
    int x = LEFT;
    for (int k = 0; k < series.size() && series.size() > 1; k++) {
      sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" "
          + "fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>\n", x, H + 8,
          COLORS[k % COLORS.length], x + 14, H + 17, Html.escape(series.get(k).name())));
      x += 24 + 7 * series.get(k).name().length();
    }
  }

  /** "2026-11-25T13" as "13h"; other labels unchanged. */
  private static String shortLabel(String l) {
    return l.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}") ? l.substring(11) + "h" : l;
  }

  private static String tick(double v, String unit) {
    if (unit.equals("bytes")) {
      return Html.bytes((long) v);
    }
    return (v >= 10 || v == 0 ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.2f", v)) + (unit.isEmpty() ? "" : " " + unit);
  }

  static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
  }
}
