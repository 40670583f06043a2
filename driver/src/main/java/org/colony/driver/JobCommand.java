package org.colony.driver;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.hadoop.conf.Configuration;
import org.colony.jobs.JobOption;
import org.colony.jobs.JobSpec;

/**
 * The command line of one job: the options every job takes plus the job's own, each of which sets
 * the configuration key it is tied to. Parsed once into {@link RunOptions}.
 */
final class JobCommand {
  private final JobSpec spec;

  JobCommand(JobSpec spec) {
    this.spec = spec;
  }

  Options options() {
    Options o = new Options();
    o.addOption(Option.builder("i").longOpt("input").hasArg().argName("PATH[,PATH...]")
        .desc("input files, folders or globs (folders are read recursively; names starting "
            + "with _ or . are skipped); repeat or separate with commas").get());
    o.addOption(Option.builder("o").longOpt("output").hasArg().argName("PATH")
        .desc("output folder; must not exist unless --overwrite").get());
    o.addOption(Option.builder().longOpt("reducers").hasArg().argName("auto|N")
        .desc("reducer count (default auto: input bytes / colony.bytes.per.reducer)").get());
    o.addOption(Option.builder().longOpt("overwrite")
        .desc("replace an existing output, once the new one has succeeded").get());
    o.addOption(Option.builder().longOpt("explain")
        .desc("print how many reducers the run would get and why, and stop").get());
    o.addOption(Option.builder().longOpt("metrics-file").hasArg().argName("FILE")
        .desc("write the run's figures there in Prometheus text format (node_exporter's "
            + "textfile collector)").get());
    o.addOption(Option.builder("h").longOpt("help").desc("this help").get());
    for (JobOption jo : spec.options()) {
      Option.Builder b = Option.builder().longOpt(jo.longName()).desc(jo.description()
          + " [" + jo.key().name() + "]");
      if (!jo.isFlag()) {
        b.hasArg().argName(jo.argName());
      }
      o.addOption(b.get());
    }
    return o;
  }

  /**
   * Parses the command's arguments (generic Hadoop options already removed) and puts the job's own
   * options into {@code conf}.
   *
   * @return the run options, or null when help was asked for (and printed)
   */
  RunOptions parse(String[] args, Configuration conf, List<String> commandLine, PrintStream out)
      throws UsageException {
    CommandLine cl;
    try {
      cl = DefaultParser.builder().get().parse(options(), args);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage() + " (see: colony " + spec.name() + " --help)");
    }
    if (cl.hasOption("help")) {
      printHelp(out);
      return null;
    }
    if (!cl.getArgList().isEmpty()) {
      throw new UsageException("unexpected argument '" + cl.getArgList().get(0)
          + "' (see: colony " + spec.name() + " --help)");
    }
    List<String> inputs = new ArrayList<>();
    String[] given = cl.getOptionValues("input");
    if (given != null) {
      for (String g : given) {
        inputs.addAll(splitPaths(g));
      }
    }
    if (inputs.isEmpty()) {
      throw new UsageException("missing --input (see: colony " + spec.name() + " --help)");
    }
    String output = cl.getOptionValue("output");
    if (output == null || output.isBlank()) {
      throw new UsageException("missing --output (see: colony " + spec.name() + " --help)");
    }
    int reducers = parseReducers(cl.getOptionValue("reducers", "auto"));
    for (JobOption jo : spec.options()) {
      if (cl.hasOption(jo.longName())) {
        jo.key().set(conf, jo.isFlag() ? "true" : jo.isRepeatable()
            ? joinLines(jo, cl.getOptionValues(jo.longName()))
            : cl.getOptionValue(jo.longName()));
      }
    }
    return new RunOptions(List.copyOf(inputs), output, reducers, cl.hasOption("overwrite"),
        List.copyOf(commandLine), cl.hasOption("explain"), cl.getOptionValue("metrics-file"));
  }

  /** The values of a repeatable option, one per line. */
  private String joinLines(JobOption jo, String[] values) throws UsageException {
    for (String v : values) {
      if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
        throw new UsageException("--" + jo.longName() + " cannot hold a line break (give it once "
            + "per value; see: colony " + spec.name() + " --help)");
      }
    }
    return String.join("\n", values);
  }

  static int parseReducers(String v) throws UsageException {
    if ("auto".equalsIgnoreCase(v)) {
      return 0;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new UsageException("--reducers takes 'auto' or a whole number >= 1, got '" + v + "'");
  }

  /** Splits a comma-separated path list, keeping commas inside glob braces ({a,b}). */
  static List<String> splitPaths(String s) {
    List<String> l = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == ',' && depth == 0) {
        addTrimmed(l, s.substring(start, i));
        start = i + 1;
      }
    }
    addTrimmed(l, s.substring(start));
    return l;
  }

  private static void addTrimmed(List<String> l, String s) {
    if (!s.isBlank()) {
      l.add(s.trim());
    }
  }

  @SuppressWarnings("deprecation")
  void printHelp(PrintStream out) {
    PrintWriter w = new PrintWriter(out, true);
    HelpFormatter f = new HelpFormatter();
    f.setWidth(100);
    f.printHelp(w, 100, "colony [GENERIC_OPTIONS] " + spec.name()
        + " [GENERIC_OPTIONS] --input PATH --output PATH [options]",
        spec.description() + "\n\n", options(), 2, 4,
        "\nReports under the output: " + String.join(", ",
            spec.reports().stream().map(r -> r.folder() + "/").toList())
        + "; rejected lines in _rejects/; _manifest.json and _SUCCESS when complete.\n"
        + "Generic Hadoop options (-D key=value, -conf FILE, -fs URI, -jt HOST:PORT, -files, "
        + "-libjars, -archives) go before the job's own options.\n", false);
    w.flush();
  }

  static List<String> commandLine(String name, String[] args) {
    List<String> l = new ArrayList<>();
    l.add(name);
    l.addAll(Arrays.asList(args));
    return l;
  }
}
