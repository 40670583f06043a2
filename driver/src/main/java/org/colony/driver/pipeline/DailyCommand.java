package org.colony.driver.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.colony.driver.ColonyKeys;
import org.colony.driver.ExitCode;
import org.colony.driver.UsageException;
import org.colony.driver.history.RunHistory;
import org.colony.driver.report.ReportCommand;

/**
 * {@code colony daily --date D [--hour H]} and {@code colony backfill --from D1 --to D2}: one
 * pipeline run per partition, for cron and Oozie, with a summary and an exit code that says what
 * happened (see {@link ExitCode}).
 */
public final class DailyCommand {
  private final boolean backfill;

  public DailyCommand(boolean backfill) {
    this.backfill = backfill;
  }

  Options options() {
    Options o = new Options();
    if (backfill) {
      o.addOption(Option.builder().longOpt("from").hasArg().argName("YYYY-MM-DD")
          .desc("first day (required)").get());
      o.addOption(Option.builder().longOpt("to").hasArg().argName("YYYY-MM-DD")
          .desc("last day, included (required)").get());
    } else {
      o.addOption(Option.builder().longOpt("date").hasArg().argName("YYYY-MM-DD")
          .desc("the day to run (required)").get());
      o.addOption(Option.builder().longOpt("hour").hasArg().argName("HH")
          .desc("run the hourly pipeline for this hour of the day (default pipeline: hourly)")
          .get());
    }
    o.addOption(Option.builder().longOpt("pipeline").hasArg().argName("FILE")
        .desc("pipeline definition (default: conf/pipelines/daily.xml, or hourly.xml with "
            + "--hour, as packaged in the job jar)").get());
    o.addOption(Option.builder().longOpt("logs-root").hasArg().argName("PATH")
        .desc("inputs are <logs root>/<source>/dt=YYYY-MM-DD/ [colony.logs.root]").get());
    o.addOption(Option.builder().longOpt("reports-root").hasArg().argName("PATH")
        .desc("outputs are <reports root>/<job>/dt=YYYY-MM-DD/ [colony.reports.root]").get());
    o.addOption(Option.builder().longOpt("uploads-root").hasArg().argName("PATH")
        .desc("the upload store, read whole by the upload jobs; skipped when it is not there "
            + "[colony.uploads.root]").get());
    o.addOption(Option.builder().longOpt("wait").hasArg().argName("DURATION")
        .desc("wait this long (e.g. 90m) for inputs without their done-flag, else exit 3").get());
    o.addOption(Option.builder().longOpt("force")
        .desc("run jobs whose output is already complete; the new output replaces the old "
            + "only once it succeeded").get());
    o.addOption(Option.builder().longOpt("if-changed")
        .desc("rerun complete jobs only when their inputs changed since (their manifest)").get());
    o.addOption(Option.builder("h").longOpt("help").desc("this help").get());
    return o;
  }

  public int run(Configuration conf, String[] args, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    String name = backfill ? "backfill" : "daily";
    try {
      CommandLine cl;
      try {
        cl = DefaultParser.builder().get().parse(options(), args);
      } catch (ParseException e) {
        throw new UsageException(e.getMessage() + " (see: colony " + name + " --help)");
      }
      if (cl.hasOption("help")) {
        help(out, name);
        return ExitCode.OK;
      }
      if (!cl.getArgList().isEmpty()) {
        throw new UsageException("unexpected argument '" + cl.getArgList().get(0) + "'");
      }
      Integer hour = hour(cl.getOptionValue("hour"));
      Pipeline pipeline = load(conf, cl.getOptionValue("pipeline"), hour != null);
      Map<String, String> roots = new LinkedHashMap<>();
      roots.put("logs", cl.getOptionValue("logs-root", ColonyKeys.LOGS_ROOT.get(conf)));
      roots.put("reports", cl.getOptionValue("reports-root", ColonyKeys.REPORTS_ROOT.get(conf)));
      roots.put("uploads", cl.getOptionValue("uploads-root", ColonyKeys.UPLOADS_ROOT.get(conf)));
      conf.set(ColonyKeys.WAIT_POLL.name(), ColonyKeys.WAIT_POLL.get(conf));
      long wait = 0;
      if (cl.hasOption("wait")) {
        Configuration c = new Configuration(false);
        c.set("w", cl.getOptionValue("wait"));
        try {
          wait = c.getTimeDuration("w", 0, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (NumberFormatException e) {
          throw new UsageException("--wait takes a duration such as 90s, 30m or 2h, got '"
              + cl.getOptionValue("wait") + "'");
        }
      }
      PipelineRunner.Flags flags = new PipelineRunner.Flags(cl.hasOption("force"),
          cl.hasOption("if-changed"), wait);
      List<LocalDate> days = days(cl);
      PipelineRunner runner = new PipelineRunner(conf, out, err);
      List<PipelineRunner.Result> results = new ArrayList<>();
      for (LocalDate day : days) {
        PipelineRunner.Result r = runner.run(pipeline, new Partition(day, hour), roots, flags);
        results.add(r);
        summary(out, err, pipeline, r);
      }
      if (backfill) {
        backfillTable(out, results);
      }
      Path history = RunHistory.of(conf, FileSystem.get(conf)).root();
      for (PipelineRunner.Result r : results) {
        if (r.message() == null && r.partition().hour() == null) {
          Path reports = new Path(roots.get("reports"));
          Path existing = ReportCommand.defaultTarget(reports, r.partition().date());
          if (r.count("done") + r.count("failed") == 0
              && existing.getFileSystem(conf).exists(existing)) {
            // Nothing ran: the page on disk already shows these outputs. A rerun leaves
            // the reports folder exactly as it was.
            out.printf("%nreport: %s (unchanged)", existing);
            continue;
          }
          Path page = ReportCommand.write(conf, reports, r.partition().date(), null);
          out.printf("%nreport: %s", page);
        }
      }
      out.printf("%noutputs under %s; run reports in %s%n", roots.get("reports"), history);
      int code = ExitCode.OK;
      for (PipelineRunner.Result r : results) {
        if (r.exitCode() != ExitCode.OK && (code == ExitCode.OK || r.exitCode() == 1)) {
          code = r.exitCode();
        }
      }
      return code;
    } catch (UsageException e) {
      err.println("colony " + name + ": " + e.getMessage());
      return ExitCode.USAGE;
    }
  }

  private List<LocalDate> days(CommandLine cl) throws UsageException {
    List<LocalDate> days = new ArrayList<>();
    if (!backfill) {
      days.add(date(cl.getOptionValue("date"), "--date"));
      return days;
    }
    LocalDate from = date(cl.getOptionValue("from"), "--from");
    LocalDate to = date(cl.getOptionValue("to"), "--to");
    if (to.isBefore(from)) {
      throw new UsageException("--to " + to + " is before --from " + from);
    }
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }

  private static LocalDate date(String v, String option) throws UsageException {
    if (v == null) {
      throw new UsageException("missing " + option + " YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new UsageException(option + " takes a date YYYY-MM-DD, got '" + v + "'");
    }
  }

  private static Integer hour(String v) throws UsageException {
    if (v == null) {
      return null;
    }
    try {
      int h = Integer.parseInt(v);
      if (h >= 0 && h <= 23) {
        return h;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new UsageException("--hour takes 0-23, got '" + v + "'");
  }

  /** The pipeline: a file (local or any Hadoop file system), else the packaged default. */
  static Pipeline load(Configuration conf, String file, boolean hourly)
      throws IOException, UsageException {
    if (file == null) {
      String resource = hourly ? "pipelines/hourly.xml" : "pipelines/daily.xml";
      try (InputStream in = DailyCommand.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new UsageException("no " + resource + " on the classpath; use --pipeline FILE");
        }
        return Pipeline.read(in, resource, hourly);
      }
    }
    Path p = new Path(file);
    FileSystem fs = p.getFileSystem(conf);
    if (!fs.exists(p)) {
      throw new UsageException("pipeline not found: " + file);
    }
    try (InputStream in = fs.open(p)) {
      return Pipeline.read(in, file, hourly);
    }
  }

  private static void summary(PrintStream out, PrintStream err, Pipeline pipeline,
      PipelineRunner.Result r) {
    if (r.message() != null) {
      err.println("colony " + pipeline.name() + " " + r.partition().label() + ": " + r.message());
      return;
    }
    out.printf(Locale.ROOT, "%n%s %s: %d done, %d skipped, %d failed, %d blocked in %.1f s%n",
        pipeline.name(), r.partition().label(), r.count("done"),
        r.count("skipped") + r.count("unchanged") + r.count("absent"), r.count("failed"),
        r.count("blocked"), r.millis() / 1000.0);
    out.printf("  %-18s %-10s %8s  %s%n", "job", "status", "time", "output");
    for (PipelineRunner.StepResult s : r.steps()) {
      out.printf(Locale.ROOT, "  %-18s %-10s %7.1fs  %s%s%n", s.id(), s.status(),
          s.millis() / 1000.0, s.output(), s.note().isEmpty() ? "" : "  (" + s.note() + ")");
    }
  }

  private static void backfillTable(PrintStream out, List<PipelineRunner.Result> results) {
    out.printf("%nbackfill: %d day(s)%n", results.size());
    out.printf("  %-12s %5s %8s %7s %8s  %s%n", "day", "ran", "skipped", "failed", "time",
        "exit");
    for (PipelineRunner.Result r : results) {
      out.printf(Locale.ROOT, "  %-12s %5d %8d %7d %7.1fs  %d%s%n", r.partition().label(),
          r.count("done"), r.count("skipped") + r.count("unchanged") + r.count("absent"),
          r.count("failed") + r.count("blocked"), r.millis() / 1000.0, r.exitCode(),
          r.message() == null ? "" : "  " + r.message());
    }
  }

  @SuppressWarnings("deprecation")
  private void help(PrintStream out, String name) {
    PrintWriter w = new PrintWriter(out, true);
    new HelpFormatter().printHelp(w, 100, "colony [GENERIC_OPTIONS] " + name + " "
        + (backfill ? "--from YYYY-MM-DD --to YYYY-MM-DD" : "--date YYYY-MM-DD [--hour HH]")
        + " [options]", (backfill ? "Runs the daily pipeline for each day in order, past "
        + "failed days; prints a table; exits non-zero if any day failed."
        : "Runs one day's (or hour's) pipeline: the jobs of the pipeline definition over "
        + "<logs root>/<source>/dt=DAY/, writing <reports root>/<job>/dt=DAY/. Complete outputs "
        + "are skipped; a failed job stops its dependents only.") + "\n\n", options(), 2, 4,
        "\nExit codes: 0 all done or skipped, 1 a job failed, 2 usage or path error, "
        + "3 input not ready, 4 partition locked by another run.\n", false);
    w.flush();
  }
}
