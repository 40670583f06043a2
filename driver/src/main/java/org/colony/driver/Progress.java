package org.colony.driver;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress of a running job on standard error: on a terminal one line updated in place; else
 * (cron, Oozie, a log file) a plain line every interval.
 */
final class Progress {
  private final String label;
  private final boolean mapOnly;
  private final boolean terminal;
  private final long intervalMs;
  private final PrintStream out;
  private long lastPrinted;
  private int lastLength;

  Progress(String label, boolean mapOnly, boolean terminal, long intervalMs, PrintStream out) {
    this.label = label;
    this.mapOnly = mapOnly;
    this.terminal = terminal;
    this.intervalMs = intervalMs;
    this.out = out;
  }

  void update(float map, float reduce, long elapsedMs) {
    String line = String.format(Locale.ROOT, "%s  map %3d%%  reduce %3d%%  %s%s", label,
        Math.round(map * 100), Math.round(reduce * 100), elapsed(elapsedMs),
        eta(map, reduce, elapsedMs));
    if (terminal) {
      StringBuilder sb = new StringBuilder("\r").append(line);
      for (int i = line.length(); i < lastLength; i++) {
        sb.append(' ');
      }
      lastLength = line.length();
      out.print(sb);
      out.flush();
    } else if (elapsedMs - lastPrinted >= intervalMs) {
      lastPrinted = elapsedMs;
      out.println(line);
    }
  }

  /** Ends the in-place line. */
  void done() {
    if (terminal && lastLength > 0) {
      out.println();
    }
  }

  /**
   * The time left, from the progress so far (maps and reduces weighed equally; map-only jobs
   * report no reduce progress), once there is enough progress to extrapolate.
   */
  String eta(float map, float reduce, long elapsedMs) {
    double done = mapOnly ? map : (map + reduce) / 2.0;
    if (done < 0.05 || done >= 1.0 || elapsedMs < 2000) {
      return "";
    }
    return "  ~" + elapsed((long) (elapsedMs * (1 - done) / done)) + " left";
  }

  static String elapsed(long ms) {
    long s = ms / 1000;
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
