package org.colony.driver;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.colony.driver.history.RunHistory;
import org.colony.driver.sizing.ReducerPlanner;
import org.colony.io.Codecs;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.jobs.JobSpec;
import org.colony.jobs.common.RejectSink;
import org.colony.jobs.common.ReducerStats;
import org.colony.jobs.common.TsvTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job the way every Colony job runs: resolve and size the input, plan the reducers,
 * write to a staging folder, watch progress, check the record accounting and the reject fraction,
 * publish atomically with {@code _SUCCESS} and {@code _manifest.json}, record the run in the
 * history (whatever its outcome), advise, and summarise.
 */
public final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Configuration conf;
  private final PrintStream out;
  private final PrintStream err;

  public JobRunner(Configuration conf, PrintStream out, PrintStream err) {
    this.conf = conf;
    this.out = out;
    this.err = err;
  }

  /**
   * Parses a job's own command line (what follows {@code colony JOB}; generic options already
   * applied) into the configuration and runs it.
   */
  public int runCommand(JobSpec spec, String[] args)
      throws IOException, UsageException, InterruptedException, PartitionLock.LockedException {
    RunOptions options = new JobCommand(spec).parse(args, conf,
        JobCommand.commandLine(spec.name(), args), out);
    return options == null ? ExitCode.OK : run(spec, options);
  }

  /**
   * Runs {@code spec} with {@code options}.
   *
   * @return {@link ExitCode#OK} or {@link ExitCode#JOB_FAILED}
   * @throws UsageException for a problem the user can fix; nothing was started
   * @throws PartitionLock.LockedException when another run holds the output partition
   */
  public int run(JobSpec spec, RunOptions options)
      throws IOException, UsageException, InterruptedException, PartitionLock.LockedException {
    long started = System.currentTimeMillis();
    String runId = spec.name() + "-" + RUN_ID_TIME.format(Instant.ofEpochMilli(started)) + "-"
        + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));

    InputSet inputs = InputSet.resolve(conf, options.inputs());
    Path outputPath = new Path(options.output());
    FileSystem fs = outputPath.getFileSystem(conf);
    outputPath = fs.makeQualified(outputPath);
    checkNoOverlap(inputs, outputPath);
    if (options.explain()) {
      return plan(spec, options, inputs, outputPath, fs, runId, started);
    }
    try (PartitionLock lock = PartitionLock.acquire(fs, outputPath, runId,
        ColonyKeys.LOCK_STALE_AFTER.getDurationMillis(conf))) {
      String recovered = StagedOutput.recover(fs, outputPath);
      if (recovered != null) {
        out.printf("%s: recovered %s: %s%n", spec.name(), outputPath, recovered);
      }
      return plan(spec, options, inputs, outputPath, fs, runId, started);
    }
  }

  private int plan(JobSpec spec, RunOptions options, InputSet inputs, Path outputPath,
      FileSystem fs, String runId, long started)
      throws IOException, UsageException, InterruptedException {
    StagedOutput staged = new StagedOutput(fs, outputPath, runId);
    if (!options.explain()) {
      staged.prepare(options.overwrite());
    }
    RunHistory history = RunHistory.of(conf, fs);

    Job job = createJob(conf, spec, inputs, staged.staging());
    SizingDecision decision = new ReducerPlanner(job.getConfiguration()).plan(spec, job, inputs,
        options.reducers(), history.recent(spec.name(), ColonyKeys.HISTORY_RUNS.getInt(conf)),
        new Path(outputPath.getParent(), "." + outputPath.getName() + ".colony-sample-" + runId));
    job.setNumReduceTasks(decision.reducers());
    out.printf("%s: %d file(s), %s -> %s%n", spec.name(), inputs.files(),
        human(inputs.bytes()), outputPath);
    if (InputKeys.useCombined(job.getConfiguration())) {
      out.printf("  input: many small files, read combined (%s)%n", InputKeys.COMBINE.name());
    }
    out.printf("  reducers: %s%n%s", decision, decision.explain());
    if (options.explain()) {
      return ExitCode.OK;
    }

    RunReport report = new RunReport(spec, runId, options, inputs, decision, outputPath, started);
    Thread killer = new Thread(() -> killAndClean(job, staged), "colony-interrupt");
    Runtime.getRuntime().addShutdownHook(killer);
    boolean published = false;
    try {
      Phases phases = watch(spec.name(), job, started, spec.mapOnly(job.getConfiguration()));
      report.job(job, phases);
      if (!job.isSuccessful()) {
        return fail(report, history, options, spec.name() + " failed: " + failureInfo(job));
      }
      Counters counters = job.getCounters();
      RecordCounts counts = RecordCounts.of(counters);
      report.counts(counts, counters);
      if (!counts.balanced()) {
        return fail(report, history, options, String.format("%s failed: records do not add "
            + "up: in %d != parsed %d + rejected %d", spec.name(), counts.in(), counts.parsed(),
            counts.rejected()));
      }
      double maxFraction = ColonyKeys.REJECTS_MAX_FRACTION.getDouble(conf);
      if (counts.rejectedFraction() > maxFraction) {
        return fail(report, history, options, String.format(Locale.ROOT,
            "%s failed: %d of %d records rejected (%.2f%%), more than %s %s; %s", spec.name(),
            counts.rejected(), counts.in(), 100 * counts.rejectedFraction(),
            ColonyKeys.REJECTS_MAX_FRACTION.name(), maxFraction,
            sampleReject(fs, staged.staging())));
      }
      spec.afterSuccess(job, fs, staged.staging());
      writeMissingReports(spec, job.getConfiguration(), fs, staged.staging());
      report.reducerStats(reducerStats(fs, staged.staging()));
      report.advice(Advisor.advise(report.map(), fs.getDefaultBlockSize(outputPath)));
      report.outputs(fs, staged.staging());
      report.finish("succeeded", null);
      Map<String, Object> doc = report.map();
      new Manifest(doc).write(fs, staged.staging());
      staged.markComplete();
      staged.publish();
      published = true;
      record(history, options, doc);
      summary(spec, job.getConfiguration(), counts, decision, outputPath, report);
      return ExitCode.OK;
    } finally {
      if (!published) {
        staged.abort();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(killer);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook is running
      }
    }
  }

  private int fail(RunReport report, RunHistory history, RunOptions options, String message)
      throws IOException {
    err.println(message);
    report.finish("failed", message);
    record(history, options, report.map());
    return ExitCode.JOB_FAILED;
  }

  /** Writes the run to the history and the metrics file; neither may fail the run. */
  private void record(RunHistory history, RunOptions options, Map<String, Object> doc) {
    try {
      Path p = history.write(doc);
      LOG.info("run report: {}", p);
    } catch (IOException e) {
      err.println("warning: could not write the run report to " + history.root() + ": " + e);
    }
    if (options.metricsFile() != null) {
      try {
        PrometheusMetrics.write(java.nio.file.Path.of(options.metricsFile()), doc);
      } catch (IOException e) {
        err.println("warning: could not write metrics to " + options.metricsFile() + ": " + e);
      }
    }
  }

  /** A job configured as every Colony run configures it, before its reducer count is known. */
  static Job createJob(Configuration conf, JobSpec spec, InputSet inputs, Path staging)
      throws IOException {
    Job job = Job.getInstance(conf, "colony " + spec.name());
    Configuration jc = job.getConfiguration();
    jc.setBoolean(FileInputFormat.INPUT_DIR_RECURSIVE, true);
    jc.setBoolean(FileOutputCommitter.SUCCESSFUL_JOB_OUTPUT_DIR_MARKER, false);
    Codecs.register(jc);
    InputKeys.COMBINE.set(jc, String.valueOf(InputKeys.combine(jc, inputs.files(),
        inputs.bytes())));
    String codec = ColonyKeys.MAP_OUTPUT_CODEC.get(jc);
    if (jc.get(MRJobConfig.MAP_OUTPUT_COMPRESS) == null && !"none".equalsIgnoreCase(codec)) {
      jc.setBoolean(MRJobConfig.MAP_OUTPUT_COMPRESS, true);
      jc.set(MRJobConfig.MAP_OUTPUT_COMPRESS_CODEC, codec);
    }
    FileInputFormat.setInputPaths(job, inputs.paths().toArray(new Path[0]));
    FileOutputFormat.setOutputPath(job, staging);
    spec.configure(job);
    ReducerStats.declare(job);
    return job;
  }

  private Phases watch(String name, Job job, long started, boolean mapOnly)
      throws IOException, InterruptedException {
    try {
      job.submit();
    } catch (ClassNotFoundException e) {
      throw new IOException("a class of the job is missing from the classpath: " + e.getMessage(),
          e);
    }
    LOG.info("submitted {} as {}", name, job.getJobID());
    Progress progress = new Progress(name, mapOnly, System.console() != null,
        ColonyKeys.PROGRESS_INTERVAL.getLong(conf), err);
    Phases phases = new Phases(started);
    long poll = Math.max(100, Math.min(1000,
        conf.getLong(Job.COMPLETION_POLL_INTERVAL_KEY, 1000)));
    boolean complete;
    do {
      complete = job.isComplete();
      float map = job.mapProgress();
      float reduce = job.reduceProgress();
      long now = System.currentTimeMillis();
      phases.observe(map, reduce, now);
      progress.update(map, reduce, now - started);
      if (!complete) {
        Thread.sleep(poll);
      }
    } while (!complete);
    progress.done();
    phases.finish(System.currentTimeMillis(), mapOnly);
    return phases;
  }

  /** Why a job failed: its failure info, else the first failed task attempt's diagnostics. */
  private static String failureInfo(Job job) {
    try {
      String info = job.getStatus().getFailureInfo();
      if (info != null && !info.isBlank() && !info.equals("NA")) {
        return info;
      }
      for (TaskCompletionEvent e : job.getTaskCompletionEvents(0, 100)) {
        if (e.getStatus() == TaskCompletionEvent.Status.FAILED
            || e.getStatus() == TaskCompletionEvent.Status.TIPFAILED) {
          String[] diagnostics = job.getTaskDiagnostics(e.getTaskAttemptId());
          if (diagnostics != null && diagnostics.length > 0) {
            return e.getTaskAttemptId() + ": " + firstLine(diagnostics[0]);
          }
        }
      }
      return job.getStatus().getState().toString();
    } catch (IOException | InterruptedException e) {
      return e.toString();
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The first quarantined line, as "e.g. FILE at byte OFFSET (REASON)", for failure messages. */
  static String sampleReject(FileSystem fs, Path output) {
    try {
      List<String[]> rows = TsvTables.rows(fs, new Path(output, RejectSink.FOLDER), 1);
      if (!rows.isEmpty()) {
        String[] cols = rows.get(0);
        return "e.g. " + cols[0] + " at byte " + cols[1] + " (" + cols[2] + ")";
      }
    } catch (IOException e) {
      LOG.debug("no reject sample", e);
    }
    return "no sample was quarantined";
  }

  /** Reads and removes the reducers' {@link ReducerStats}: they are the run report's. */
  private static List<String[]> reducerStats(FileSystem fs, Path staging) throws IOException {
    Path dir = new Path(staging, ReducerStats.REPORT.folder());
    List<String[]> rows = TsvTables.rows(fs, dir, Integer.MAX_VALUE);
    fs.delete(dir, true);
    return rows;
  }

  private static void writeMissingReports(JobSpec spec, Configuration jobConf, FileSystem fs,
      Path staging) throws IOException {
    for (JobSpec.Report r : spec.reports(jobConf)) {
      Path folder = new Path(staging, r.folder());
      if (!fs.exists(folder)) {
        try (OutputStream o = fs.create(new Path(folder, "part-r-00000"), false)) {
          o.write((r.header() + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }

  private static void checkNoOverlap(InputSet inputs, Path output) throws UsageException {
    String o = output.toUri().getPath();
    for (Path p : inputs.paths()) {
      String i = p.toUri().getPath();
      if (o.equals(i) || o.startsWith(i + "/") || i.startsWith(o + "/")) {
        throw new UsageException("output " + output + " overlaps input " + p);
      }
    }
  }

  private void summary(JobSpec spec, Configuration jobConf, RecordCounts c, SizingDecision d,
      Path output, RunReport report) {
    out.printf("%s succeeded in %.1f s%n", spec.name(), report.durationMs() / 1000.0);
    out.printf("  records  in %d  parsed %d  rejected %d (%.2f%%)%s%n", c.in(), c.parsed(),
        c.rejected(), 100 * c.rejectedFraction(),
        c.rejected() > 0 ? "  by reason " + c.byReason() : "");
    long predicted = d.getLong("predictedShuffleBytes");
    out.printf("  reducers %d%s%n", d.reducers(), predicted < 0 ? ""
        : String.format("  shuffle %s (predicted %s)", human(report.shuffleBytes()),
            human(predicted)));
    for (Map<String, String> a : report.adviceList()) {
      out.printf("  advice   %s%n", a.get("message"));
    }
    StringBuilder folders = new StringBuilder();
    spec.reports(jobConf).forEach(r -> folders.append(' ').append(r.folder()).append('/'));
    if (c.rejectsWritten() > 0) {
      folders.append(' ').append(RejectSink.FOLDER).append('/');
    }
    out.printf("  output   %s  (%s)%n", output, folders.toString().trim());
  }

  private void killAndClean(Job job, StagedOutput staged) {
    try {
      if (!job.isComplete()) {
        err.println("\ninterrupted: killing " + job.getJobID());
        job.killJob();
      }
    } catch (Exception e) {
      // best effort while the JVM exits
    }
    staged.abort();
  }

  static String human(long bytes) {
    return org.apache.hadoop.util.StringUtils.byteDesc(bytes);
  }

  static long counter(Counters counters, Enum<?> name) {
    return counters == null ? 0 : counters.findCounter(name).getValue();
  }

  static final Enum<?> SHUFFLE_COUNTER = TaskCounter.MAP_OUTPUT_MATERIALIZED_BYTES;
  static final Enum<?> READ_COUNTER = RecordCounters.BYTES_READ;
}
