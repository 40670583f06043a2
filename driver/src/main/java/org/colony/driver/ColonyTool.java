package org.colony.driver;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.util.GenericOptionsParser;
import org.apache.hadoop.util.Tool;
import org.colony.driver.pipeline.DailyCommand;
import org.colony.driver.report.ReportCommand;
import org.colony.jobs.JobSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code colony} command: {@code help}, {@code list}, and one command per registered job.
 * Hadoop's generic options work before the command name and between it and the command's options.
 */
public final class ColonyTool extends Configured implements Tool {
  private static final Logger LOG = LoggerFactory.getLogger(ColonyTool.class);

  private final PrintStream out;
  private final PrintStream err;

  public ColonyTool() {
    this(System.out, System.err);
  }

  public ColonyTool(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public int run(String[] args) throws Exception {
    if (args.length == 0) {
      usage(err);
      return ExitCode.USAGE;
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (command) {
      case "help":
      case "-h":
      case "--help":
        if (rest.length > 0 && JobRegistry.find(rest[0]).isPresent()) {
          new JobCommand(JobRegistry.find(rest[0]).get()).printHelp(out);
        } else {
          usage(out);
        }
        return ExitCode.OK;
      case "list":
        list(out);
        return ExitCode.OK;
      case "version":
      case "--version":
        out.println("colony " + Version.colony());
        return ExitCode.OK;
      case "daily":
      case "backfill": {
        Configuration conf = getConf() != null ? getConf() : new Configuration();
        String[] own = new GenericOptionsParser(conf, rest).getRemainingArgs();
        return new DailyCommand(command.equals("backfill")).run(conf, own, out, err);
      }
      case "report": {
        Configuration conf = getConf() != null ? getConf() : new Configuration();
        return ReportCommand.run(conf, new GenericOptionsParser(conf, rest).getRemainingArgs(),
            out, err);
      }
      case "history":
        try {
          Configuration conf = getConf() != null ? getConf() : new Configuration();
          return HistoryCommand.run(conf, new GenericOptionsParser(conf, rest).getRemainingArgs(),
              out);
        } catch (UsageException e) {
          err.println("colony history: " + e.getMessage());
          return ExitCode.USAGE;
        }
      default:
        break;
    }
    Optional<JobSpec> spec = JobRegistry.find(command);
    if (spec.isEmpty()) {
      err.println("colony: unknown command '" + command + "'; run 'colony list' for the commands");
      return ExitCode.USAGE;
    }
    Configuration conf = getConf() != null ? getConf() : new Configuration();
    try {
      String[] own = new GenericOptionsParser(conf, rest).getRemainingArgs();
      return new JobRunner(conf, out, err).runCommand(spec.get(), own);
    } catch (UsageException e) {
      err.println("colony " + command + ": " + e.getMessage());
      return ExitCode.USAGE;
    } catch (PartitionLock.LockedException e) {
      err.println("colony " + command + ": " + e.getMessage());
      return ExitCode.LOCKED;
    } catch (IllegalArgumentException e) {
      err.println("colony " + command + ": " + e.getMessage());
      LOG.debug("bad argument", e);
      return ExitCode.USAGE;
    } catch (AccessControlException | FileNotFoundException e) {
      err.println("colony " + command + ": " + firstLine(e.getMessage()));
      LOG.debug("path error", e);
      return ExitCode.USAGE;
    } catch (IOException e) {
      err.println("colony " + command + " failed: " + firstLine(String.valueOf(e.getMessage())));
      LOG.debug("job error", e);
      return ExitCode.JOB_FAILED;
    }
  }

  private static String firstLine(String s) {
    int nl = s == null ? -1 : s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static void usage(PrintStream p) {
    p.println("Usage: colony [GENERIC_OPTIONS] COMMAND [GENERIC_OPTIONS] [OPTIONS]");
    p.println();
    p.println("Hadoop MapReduce jobs for the batch work of web applications.");
    p.println();
    p.println("Commands:");
    p.println("  help [COMMAND]   this help, or a command's options");
    p.println("  list             the commands with a line each");
    p.println("  version          Colony's version");
    p.println("  daily --date D   one day's pipeline (conf/pipelines/daily.xml); --hour H for hourly");
    p.println("  backfill --from D1 --to D2   the daily pipeline for each day, in order");
    p.println("  report --date D  the day's HTML report from its published outputs");
    p.println("  history JOB [N]  the job's recent runs: predicted vs actual shuffle, reducers,");
    p.println("                   duration, outcome (from colony.history.dir)");
    for (JobSpec s : JobRegistry.all()) {
      p.printf("  %-16s %s%n", s.name(), s.description());
    }
    p.println();
    p.println("Generic options (Hadoop's): -D key=value, -conf FILE, -fs URI, -jt HOST:PORT,");
    p.println("  -files, -libjars, -archives; before the command or right after its name.");
    p.println();
    p.println("Exit codes:");
    p.println(ExitCode.describe());
  }

  static void list(PrintStream p) {
    for (JobSpec s : JobRegistry.all()) {
      p.printf("%-16s %s%n", s.name(), s.description());
    }
  }
}
