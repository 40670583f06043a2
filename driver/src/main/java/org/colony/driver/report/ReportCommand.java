package org.colony.driver.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.colony.driver.ColonyKeys;
import org.colony.driver.ExitCode;
import org.colony.driver.UsageException;

/**
 * {@code colony report --date D [--reports-root R] [--output FILE]}: renders the day's page from
 * its published outputs, by default to {@code <reports root>/report/dt=D/index.html}, written to a
 * temporary file first and renamed into place.
 */
public final class ReportCommand {
  private ReportCommand() {}

  public static int run(Configuration conf, String[] args, PrintStream out, PrintStream err)
      throws IOException {
    try {
      String date = null;
      String reports = ColonyKeys.REPORTS_ROOT.get(conf);
      String output = null;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("-h") || a.equals("--help")) {
          out.println("Usage: colony report --date YYYY-MM-DD [--reports-root PATH] "
              + "[--output FILE]\n\nRenders one self-contained HTML page of the day's published "
              + "outputs (default: <reports root>/report/dt=DAY/index.html).");
          return ExitCode.OK;
        }
        if (i + 1 >= args.length) {
          throw new UsageException("missing value after " + a);
        }
        switch (a) {
          case "--date" -> date = args[++i];
          case "--reports-root" -> reports = args[++i];
          case "--output" -> output = args[++i];
          default -> throw new UsageException("unknown option " + a
              + " (see: colony report --help)");
        }
      }
      if (date == null) {
        throw new UsageException("missing --date YYYY-MM-DD");
      }
      LocalDate day;
      try {
        day = LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        throw new UsageException("--date takes YYYY-MM-DD, got '" + date + "'");
      }
      Path written = write(conf, new Path(reports), day,
          output == null ? null : new Path(output));
      out.println("report: " + written);
      return ExitCode.OK;
    } catch (UsageException e) {
      err.println("colony report: " + e.getMessage());
      return ExitCode.USAGE;
    }
  }

  /** Where the day's page goes unless told otherwise. */
  public static Path defaultTarget(Path reports, LocalDate day) {
    return new Path(reports, "report/dt=" + day + "/index.html");
  }

  /** Renders the day's page; returns where it was written. */
  public static Path write(Configuration conf, Path reports, LocalDate day, Path output)
      throws IOException {
    FileSystem rfs = reports.getFileSystem(conf);
    DayReport report = new DayReport(rfs, rfs.makeQualified(reports), day);
    List<Section> sections = ReportPage.sections(report);
    String html = ReportPage.render(report, sections, Instant.now().toString());
    Path target = output != null ? output : defaultTarget(reports, day);
    FileSystem fs = target.getFileSystem(conf);
    target = fs.makeQualified(target);
    Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
    fs.mkdirs(target.getParent());
    try (OutputStream o = fs.create(tmp, true)) {
      o.write(html.getBytes(StandardCharsets.UTF_8));
    }
    if (fs.exists(target)) {
      fs.delete(target, false);
    }
    if (!fs.rename(tmp, target)) {
      throw new IOException("cannot move " + tmp + " to " + target);
    }
    return target;
  }
}
