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
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.colony.io.Codecs;
import org.colony.io.InputKeys;
import org.colony.jobs.JobSpec;
import org.colony.jobs.common.RejectSink;
import org.colony.jobs.common.TsvTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job the way every Colony job runs: resolve and size the input, choose reducers, write to
 * a staging folder, watch progress, check the record accounting and the reject fraction, publish
 * atomically with {@code _SUCCESS} and {@code _manifest.json}, and summarise.
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
   * Runs {@code spec} with {@code options}.
   *
   * @return {@link ExitCode#OK} or {@link ExitCode#JOB_FAILED}
   * @throws UsageException for a problem the user can fix; nothing was started
   */
  public int run(JobSpec spec, RunOptions options)
      throws IOException, UsageException, InterruptedException {
    long started = System.currentTimeMillis();
    String runId = spec.name() + "-" + RUN_ID_TIME.format(Instant.ofEpochMilli(started)) + "-"
        + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));

    InputSet inputs = InputSet.resolve(conf, options.inputs());
    Path outputPath = new Path(options.output());
    FileSystem fs = outputPath.getFileSystem(conf);
    outputPath = fs.makeQualified(outputPath);
    checkNoOverlap(inputs, outputPath);
    StagedOutput staged = new StagedOutput(fs, outputPath, runId);
    staged.prepare(options.overwrite());

    SizingDecision decision = new ReducerSizer(conf).decide(inputs.bytes(), options.reducers());
    Job job = createJob(spec, inputs, staged.staging(), decision);
    out.printf("%s: %d file(s), %s -> %s%n", spec.name(), inputs.files(),
        ReducerSizer.human(inputs.bytes()), outputPath);
    out.printf("  reducers: %s%n", decision);
    if (InputKeys.useCombined(job.getConfiguration())) {
      out.printf("  input:    many small files, read combined (%s)%n", InputKeys.COMBINE.name());
    }

    Thread killer = new Thread(() -> killAndClean(job, staged), "colony-interrupt");
    Runtime.getRuntime().addShutdownHook(killer);
    boolean published = false;
    try {
      boolean ok = watch(spec.name(), job, started);
      if (!ok) {
        err.printf("%s failed: %s%n", spec.name(), failureInfo(job));
        return ExitCode.JOB_FAILED;
      }
      Counters counters = job.getCounters();
      RecordCounts counts = RecordCounts.of(counters);
      if (!counts.balanced()) {
        err.printf("%s failed: records do not add up: in %d != parsed %d + rejected %d%n",
            spec.name(), counts.in(), counts.parsed(), counts.rejected());
        return ExitCode.JOB_FAILED;
      }
      double maxFraction = ColonyKeys.REJECTS_MAX_FRACTION.getDouble(conf);
      if (counts.rejectedFraction() > maxFraction) {
        err.printf("%s failed: %d of %d records rejected (%.2f%%), more than %s %s; %s%n",
            spec.name(), counts.rejected(), counts.in(), 100 * counts.rejectedFraction(),
            ColonyKeys.REJECTS_MAX_FRACTION.name(), maxFraction,
            sampleReject(fs, staged.staging()));
        return ExitCode.JOB_FAILED;
      }
      spec.afterSuccess(job, fs, staged.staging());
      writeMissingReports(spec, fs, staged.staging());
      long finished = System.currentTimeMillis();
      manifest(spec, options, runId, job, inputs, decision, counts, counters, started, finished,
          outputPath, fs, staged.staging()).write(fs, staged.staging());
      staged.markComplete();
      staged.publish();
      published = true;
      summary(spec, counts, decision, outputPath, finished - started);
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

  private Job createJob(JobSpec spec, InputSet inputs, Path staging, SizingDecision decision)
      throws IOException {
    Job job = Job.getInstance(conf, "colony " + spec.name());
    Configuration jc = job.getConfiguration();
    jc.setBoolean(FileInputFormat.INPUT_DIR_RECURSIVE, true);
    jc.setBoolean(FileOutputCommitter.SUCCESSFUL_JOB_OUTPUT_DIR_MARKER, false);
    Codecs.register(jc);
    boolean combined = InputKeys.combine(jc, inputs.files(), inputs.bytes());
    InputKeys.COMBINE.set(jc, String.valueOf(combined));
    String codec = ColonyKeys.MAP_OUTPUT_CODEC.get(jc);
    if (jc.get(MRJobConfig.MAP_OUTPUT_COMPRESS) == null && !"none".equalsIgnoreCase(codec)) {
      jc.setBoolean(MRJobConfig.MAP_OUTPUT_COMPRESS, true);
      jc.set(MRJobConfig.MAP_OUTPUT_COMPRESS_CODEC, codec);
    }
    FileInputFormat.setInputPaths(job, inputs.paths().toArray(new Path[0]));
    FileOutputFormat.setOutputPath(job, staging);
    job.setNumReduceTasks(decision.reducers());
    spec.configure(job);
    return job;
  }

  private boolean watch(String name, Job job, long started)
      throws IOException, InterruptedException {
    try {
      job.submit();
    } catch (ClassNotFoundException e) {
      throw new IOException("a class of the job is missing from the classpath: " + e.getMessage(), e);
    }
    LOG.info("submitted {} as {}", name, job.getJobID());
    Progress progress = new Progress(name, System.console() != null,
        ColonyKeys.PROGRESS_INTERVAL.getLong(conf), err);
    long poll = Math.max(100, Math.min(1000,
        conf.getLong(Job.COMPLETION_POLL_INTERVAL_KEY, 1000)));
    while (!job.isComplete()) {
      progress.update(job.mapProgress(), job.reduceProgress(),
          System.currentTimeMillis() - started);
      Thread.sleep(poll);
    }
    progress.update(job.mapProgress(), job.reduceProgress(), System.currentTimeMillis() - started);
    progress.done();
    return job.isSuccessful();
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

  private static void writeMissingReports(JobSpec spec, FileSystem fs, Path staging)
      throws IOException {
    for (JobSpec.Report r : spec.reports()) {
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

  private Manifest manifest(JobSpec spec, RunOptions options, String runId, Job job,
      InputSet inputs, SizingDecision decision, RecordCounts counts, Counters counters,
      long started, long finished, Path output, FileSystem fs, Path staging) throws IOException {
    return new Manifest()
        .put("job", spec.name())
        .put("runId", runId)
        .put("colonyVersion", Version.colony())
        .put("hadoopJobId", String.valueOf(job.getJobID()))
        .put("commandLine", options.commandLine())
        .put("started", Instant.ofEpochMilli(started).toString())
        .put("finished", Instant.ofEpochMilli(finished).toString())
        .put("durationMs", finished - started)
        .put("output", output.toString())
        .put("inputs", Manifest.inputs(inputs))
        .put("inputBytes", inputs.bytes())
        .put("inputCombined", InputKeys.useCombined(job.getConfiguration()))
        .put("records", Manifest.records(counts))
        .put("reducers", Manifest.decision(decision))
        .put("corruptFiles", Manifest.corruptFiles(fs, staging))
        .put("outputFiles", Manifest.files(fs, staging))
        .put("counters", Manifest.counters(counters));
  }

  private void summary(JobSpec spec, RecordCounts c, SizingDecision d, Path output, long ms) {
    out.printf("%s succeeded in %.1f s%n", spec.name(), ms / 1000.0);
    out.printf("  records  in %d  parsed %d  rejected %d (%.2f%%)%s%n", c.in(), c.parsed(),
        c.rejected(), 100 * c.rejectedFraction(),
        c.rejected() > 0 ? "  by reason " + c.byReason() : "");
    out.printf("  reducers %d%n", d.reducers());
    StringBuilder folders = new StringBuilder();
    spec.reports().forEach(r -> folders.append(' ').append(r.folder()).append('/'));
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
}
