package org.colony.driver.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.colony.driver.ColonyKeys;
import org.colony.driver.ExitCode;
import org.colony.driver.InputSet;
import org.colony.driver.JobRunner;
import org.colony.driver.Manifest;
import org.colony.driver.PartitionLock;
import org.colony.driver.StagedOutput;
import org.colony.driver.UsageException;
import org.colony.jobs.JobSpec;

/**
 * Runs a pipeline for one partition (a day, or an hour): waits for or refuses inputs that are not
 * ready, skips outputs that are already complete (unless forced, or with --if-changed when their
 * inputs changed), runs the rest in dependency order, and stops only the dependents of a job that
 * failed. One run of a pipeline per partition at a time (a lock beside the reports).
 */
public final class PipelineRunner {

  /** What to do about work already done, and how long to wait for inputs. */
  public record Flags(boolean force, boolean ifChanged, long waitMillis) {}

  /** One step's outcome. */
  public record StepResult(String id, String status, long millis, String output, String note) {}

  /** A partition's outcome. */
  public record Result(Partition partition, int exitCode, List<StepResult> steps, long millis,
      String message) {
    public long count(String status) {
      return steps.stream().filter(s -> s.status().equals(status)).count();
    }
  }

  /** Thrown to refuse a run whose inputs are not ready (exit 3). */
  static final class NotReady extends Exception {
    private static final long serialVersionUID = 1L;

    NotReady(String message) {
      super(message);
    }
  }

  private final Configuration conf;
  private final PrintStream out;
  private final PrintStream err;

  public PipelineRunner(Configuration conf, PrintStream out, PrintStream err) {
    this.conf = conf;
    this.out = out;
    this.err = err;
  }

  public Result run(Pipeline pipeline, Partition partition, Map<String, String> roots, Flags flags)
      throws IOException, InterruptedException, UsageException {
    long started = System.currentTimeMillis();
    Map<String, String[]> paths = new LinkedHashMap<>();
    for (Pipeline.Step s : pipeline.steps()) {
      paths.put(s.id(), new String[] {partition.expand(s.input(), roots),
          partition.expand(s.output(), roots)});
    }
    Path reports = new Path(roots.get("reports"));
    FileSystem rfs = reports.getFileSystem(conf);
    Path runLock = new Path(reports, "pipeline-" + pipeline.name() + "-"
        + partition.label().replace(' ', 'T'));
    List<StepResult> results = new ArrayList<>();
    try (PartitionLock lock = PartitionLock.acquire(rfs, rfs.makeQualified(runLock),
        pipeline.name() + "-" + partition.label(),
        ColonyKeys.LOCK_STALE_AFTER.getDurationMillis(conf))) {
      List<String> absent;
      try {
        absent = waitForInputs(pipeline, paths, flags.waitMillis());
      } catch (NotReady e) {
        return new Result(partition, ExitCode.NOT_READY, results,
            System.currentTimeMillis() - started, e.getMessage());
      }
      Map<String, String> status = new HashMap<>();
      for (Pipeline.Step s : pipeline.steps()) {
        StepResult r = runStep(s, paths.get(s.id()), status, absent, flags);
        status.put(s.id(), r.status());
        results.add(r);
      }
    } catch (PartitionLock.LockedException e) {
      return new Result(partition, ExitCode.LOCKED, results,
          System.currentTimeMillis() - started, e.getMessage());
    }
    int code = ExitCode.OK;
    if (results.stream().anyMatch(r -> r.status().equals("failed"))) {
      code = ExitCode.JOB_FAILED;
    } else if (results.stream().anyMatch(r -> r.status().equals("locked"))) {
      code = ExitCode.LOCKED;
    }
    return new Result(partition, code, results, System.currentTimeMillis() - started, null);
  }

  private StepResult runStep(Pipeline.Step s, String[] io, Map<String, String> status,
      List<String> absent, Flags flags) throws IOException, InterruptedException {
    long t0 = System.currentTimeMillis();
    String output = io[1];
    for (String d : s.depends()) {
      String ds = status.get(d);
      if (ds.equals("failed") || ds.equals("blocked") || ds.equals("locked")) {
        return new StepResult(s.id(), "blocked", 0, output, d + " " + ds);
      }
    }
    if (absent.contains(s.id())) {
      return new StepResult(s.id(), "absent", 0, output, "optional input not there: " + io[0]);
    }
    Path out = new Path(output);
    FileSystem fs = out.getFileSystem(conf);
    out = fs.makeQualified(out);
    boolean complete;
    try (PartitionLock lock = PartitionLock.acquire(fs, out, "check",
        ColonyKeys.LOCK_STALE_AFTER.getDurationMillis(conf))) {
      String recovered = StagedOutput.recover(fs, out);
      if (recovered != null) {
        this.out.printf("%s: recovered %s: %s%n", s.id(), out, recovered);
      }
      complete = fs.exists(new Path(out, StagedOutput.SUCCESS));
    } catch (PartitionLock.LockedException e) {
      err.println(s.id() + ": " + e.getMessage());
      return new StepResult(s.id(), "locked", 0, output, e.getMessage());
    }
    if (complete && !flags.force()) {
      if (!flags.ifChanged()) {
        return new StepResult(s.id(), "skipped", 0, output, "already complete");
      }
      String before = String.valueOf(Manifest.read(fs, out).get("inputFingerprint"));
      String now;
      try {
        now = InputSet.resolve(conf, List.of(io[0])).fingerprint();
      } catch (UsageException e) {
        return new StepResult(s.id(), "failed", 0, output, e.getMessage());
      }
      if (before.equals(now)) {
        return new StepResult(s.id(), "unchanged", 0, output, "inputs unchanged since the run");
      }
    }
    JobSpec spec = org.colony.driver.JobRegistry.find(s.job()).orElseThrow();
    List<String> args = new ArrayList<>(List.of("--input", io[0], "--output", output));
    if (complete) {
      args.add("--overwrite");
    }
    args.addAll(s.options());
    this.out.printf("%n== %s (%s)%n", s.id(), s.job());
    int code;
    try {
      code = new JobRunner(new Configuration(conf), this.out, err).runCommand(spec,
          args.toArray(new String[0]));
    } catch (UsageException e) {
      err.println(s.id() + ": " + e.getMessage());
      return new StepResult(s.id(), "failed", System.currentTimeMillis() - t0, output,
          e.getMessage());
    } catch (PartitionLock.LockedException e) {
      err.println(s.id() + ": " + e.getMessage());
      return new StepResult(s.id(), "locked", System.currentTimeMillis() - t0, output,
          e.getMessage());
    } catch (IOException | RuntimeException e) {
      err.println(s.id() + " failed: " + e);
      return new StepResult(s.id(), "failed", System.currentTimeMillis() - t0, output,
          String.valueOf(e.getMessage()));
    }
    return new StepResult(s.id(), code == ExitCode.OK ? "done" : "failed",
        System.currentTimeMillis() - t0, output, code == ExitCode.OK ? "" : "exit " + code);
  }

  /**
   * Waits until every input read from the logs is ready, up to {@code waitMillis}.
   *
   * @return the ids of optional steps whose input is not there
   * @throws NotReady naming the inputs that are still not ready
   */
  private List<String> waitForInputs(Pipeline pipeline, Map<String, String[]> paths,
      long waitMillis) throws IOException, InterruptedException, NotReady {
    long deadline = System.currentTimeMillis() + waitMillis;
    long poll = Math.max(10, ColonyKeys.WAIT_POLL.getDurationMillis(conf));
    while (true) {
      List<String> missing = new ArrayList<>();
      List<String> absent = new ArrayList<>();
      for (Pipeline.Step s : pipeline.steps()) {
        String in = paths.get(s.id())[0];
        boolean notReady = s.readsUploads() ? !exists(in) : s.readsLogs() && !ready(in);
        if (notReady) {
          (s.optional() ? absent : missing).add(s.optional() ? s.id() : in);
        }
      }
      if (missing.isEmpty()) {
        return absent;
      }
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        String flag = ColonyKeys.DONE_FLAG.get(conf);
        throw new NotReady("input not ready: " + String.join(", ", missing)
            + (flag.isEmpty() ? " (no such folder)" : " (no " + flag + ")")
            + (waitMillis > 0 ? String.format(Locale.ROOT, " after waiting %d s", waitMillis / 1000)
                : "; --wait DURATION waits for it") + "; nothing was started");
      }
      out.printf("waiting for %s (%d s left)%n", String.join(", ", missing), left / 1000);
      Thread.sleep(Math.min(poll, left));
    }
  }

  /** Whether an input (a folder, or a glob) exists. */
  boolean exists(String input) throws IOException {
    Path p = new Path(input);
    FileStatus[] matches = p.getFileSystem(conf).globStatus(p);
    return matches != null && matches.length > 0;
  }

  /** Whether an input (a folder, or a glob of folders) exists and has its done-flag. */
  boolean ready(String input) throws IOException {
    Path p = new Path(input);
    FileSystem fs = p.getFileSystem(conf);
    FileStatus[] matches = fs.globStatus(p);
    if (matches == null || matches.length == 0) {
      return false;
    }
    String flag = ColonyKeys.DONE_FLAG.get(conf);
    if (flag.isEmpty()) {
      return true;
    }
    for (FileStatus m : matches) {
      if (m.isDirectory() && !fs.exists(new Path(m.getPath(), flag))) {
        return false;
      }
    }
    return true;
  }
}
