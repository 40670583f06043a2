package org.colony.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.mapreduce.Cluster;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.JobStatus;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.TaskReport;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapred.TIPStatus;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.colony.driver.Manifest;
import org.colony.driver.StagedOutput;
import org.colony.driver.history.RunHistory;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Colony on a real pseudo-distributed Hadoop (bin/pseudo-cluster: NameNode, two DataNodes,
 * ResourceManager, NodeManager, JobHistoryServer, each its own JVM), run as users run it:
 * {@code hadoop jar colony-VERSION-job.jar daily ...} in its own process (Hadoop's RunJar on the
 * cluster's classpath), and bin/colony. A clean run, then three faults, each compared byte for byte
 * with the clean run (every output file but {@code _manifest.json}): a map task attempt that fails,
 * the driver killed after each step of publishing, a DataNode killed while the job runs.
 *
 * <p>Run with {@code mvn verify -Ppseudo-cluster} (minicluster-tests' profile); ports
 * {@code pseudo.port.base} (19000) to +99.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PseudoClusterIT {
  private static final String DAY = "2026-11-25";
  /** The jobs of the daily pipeline as shipped, on sample-data/logs with no upload store. */
  private static final List<String> DAILY_JOBS = List.of("access-stats", "sessions",
      "syslog-stats", "exceptions", "uv-rollup");
  /** The jobs of the fault runs: a pipeline of two, to keep the profile's time modest. */
  private static final List<String> JOBS = List.of("access-stats", "sessions");
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);
  private static final Map<String, String> NO_ENV = Map.of();

  private static PseudoCluster cluster;
  private static Path work;
  private static String jobJar;
  /** The pipeline of the fault runs (JOBS), a local file. */
  private static String faultPipeline;
  /** The clean run's output files (relative path under the job's partition -> bytes), by job. */
  private static final Map<String, Map<String, byte[]>> clean = new TreeMap<>();
  private static final Map<String, Object> cleanRunIds = new TreeMap<>();
  private static final Map<String, String> figures = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    Path target = Path.of(System.getProperty("test.build.data", "target/test-data"))
        .toAbsolutePath().getParent();
    work = target.resolve("pseudo-cluster-it");
    FileUtil.fullyDelete(work.toFile());
    Path home = Path.of(System.getProperty("pseudo.home",
        target.resolve("pseudo-cluster").toString()));
    int portBase = Integer.getInteger("pseudo.port.base", 19000);
    jobJar = JobJarTest.jobJar().toString();
    Files.createDirectories(work);
    Path pipeline = work.resolve("faults.xml");
    Files.writeString(pipeline, "<pipeline name='faults'>"
        + "<job id='access-stats' source='access'/><job id='sessions' source='access'/>"
        + "</pipeline>");
    faultPipeline = pipeline.toUri().toString();
    cluster = PseudoCluster.start(home, work, portBase, 2);
    figures.put("cluster start (2 DataNodes)", seconds(cluster.startMillis));

    PseudoCluster.Run put = cluster.client("put-logs", NO_ENV, Duration.ofMinutes(5),
        "hadoop", "fs", "-put", Paths.sampleData("logs").toString(), "/logs")
        .expect(0, "hadoop fs -put");
    figures.put("hadoop fs -put sample-data/logs", seconds(put.millis()));
    assertThat(cluster.fs().getFileStatus(new org.apache.hadoop.fs.Path("/logs/access/dt=" + DAY
        + "/access.log.gz")).getReplication()).isEqualTo((short) 2);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster == null) {
      return;
    }
    try {
      cluster.close();
      figures.put("cluster stop", seconds(cluster.stopMillis));
      PseudoCluster.Run status = cluster.script(Duration.ofMinutes(1), "status");
      assertThat(status.exit()).as(status.output()).isEqualTo(3);
      assertThat(status.output()).contains("nothing runs");
    } finally {
      System.out.println("pseudo-cluster figures:");
      figures.forEach((k, v) -> System.out.printf("  %-44s %s%n", k, v));
    }
  }

  @Test
  @Order(1)
  void cleanDailyRunOnYarn() throws Exception {
    Map<String, String[]> appsBefore = applications();
    PseudoCluster.Run run = daily("daily-clean", NO_ENV, "/reports/clean");
    run.expect(0, "colony daily");
    figures.put("clean daily (" + DAILY_JOBS.size() + " jobs)", seconds(run.millis()));
    // no upload store: the optional upload jobs are absent (counted as skipped)
    assertThat(run.output()).contains(DAILY_JOBS.size() + " done, 2 skipped, 0 failed")
        .containsPattern("uploads-inventory +absent").containsPattern("thumbnails +absent")
        .contains("run reports in hdfs://");
    assertSucceeded(newApplications(appsBefore), DAILY_JOBS);
    // the cluster's yarn command lists the same applications
    Map<String, String[]> apps = applications();
    Map<String, String[]> listed = applicationsOfYarnCommand();
    assertThat(listed.keySet()).as("yarn application -list").isEqualTo(apps.keySet());
    apps.forEach((id, f) -> assertThat(listed.get(id)).as(id).containsExactly(f));

    FileSystem fs = cluster.fs();
    for (String job : DAILY_JOBS) {
      org.apache.hadoop.fs.Path out = partition("/reports/clean", job);
      assertThat(fs.exists(new org.apache.hadoop.fs.Path(out, "_SUCCESS"))).as(job).isTrue();
      Map<String, Object> manifest = Manifest.read(fs, out);
      cleanRunIds.put(job, manifest.get("runId"));
      clean.put(job, files(fs, out));
      // the run report is in the history on HDFS (colony.history.dir's default)
      org.apache.hadoop.fs.Path history = new org.apache.hadoop.fs.Path("/user/"
          + System.getProperty("user.name") + "/.colony/history");
      assertThat(fs.exists(new org.apache.hadoop.fs.Path(history, job + "/"
          + manifest.get("runId") + ".json"))).as("%s's run report", job).isTrue();
      assertThat(new RunHistory(fs, history).recent(job, 1)).singleElement()
          .satisfies(r -> assertThat(r).containsEntry("runId", manifest.get("runId"))
              .containsEntry("outcome", "succeeded")
              .containsEntry("hadoopJobId", manifest.get("hadoopJobId")));
    }
    assertThat(clean.get("access-stats")).containsKeys("_SUCCESS", "hourly/part-r-00000",
        "urls/part-r-00000", "clients/part-r-00000", "top/part-r-00000", "_rejects/part-m-00000");
    assertThat(clean.get("sessions")).containsKeys("_SUCCESS", "sessions/part-r-00000",
        "summary/part-r-00000", "_rejects/part-m-00000");

    // the reports are the reviewed expected ones of sample-data
    Path got = work.resolve("clean-access-stats");
    FileUtil.fullyDelete(got.toFile());
    fs.copyToLocalFile(partition("/reports/clean", "access-stats"),
        new org.apache.hadoop.fs.Path(got.toUri()));
    Path expected = Paths.sampleData("expected/access-stats/dt=" + DAY);
    for (String[] r : new String[][] {
        {"hourly", "hour\trequests\tbytes\ts2xx\ts3xx\ts4xx\ts5xx"},
        {"urls", "path\thits\tbytes\ts4xx\ts5xx"},
        {"clients", "client\thits\tbytes"},
        {"top", "dimension\trank\tvalue\thits"}}) {
      assertThat(TsvFiles.rows(got.resolve(r[0]), r[1])).as(r[0])
          .containsExactlyInAnyOrderElementsOf(
              TsvFiles.fileRows(expected.resolve(r[0] + ".tsv"), r[1]));
    }
  }

  @Test
  @Order(2)
  void aMapAttemptThatFailsIsRetriedAndTheOutputIsTheSame() throws Exception {
    Map<String, String[]> appsBefore = applications();
    PseudoCluster.Run run = daily("daily-failing-map", NO_ENV, "/reports/failing-map",
        "-D", "colony.test.fail.map.attempts=1", "-D", "colony.test.fail.map.after.records=500",
        "--pipeline", faultPipeline);
    run.expect(0, "colony daily with a failing map attempt");
    figures.put("fault 1: failing map attempt (2 jobs)", seconds(run.millis()) + ", "
        + "output identical");
    assertSucceeded(newApplications(appsBefore), JOBS);
    FileSystem fs = cluster.fs();
    Cluster yarn = new Cluster(cluster.conf());
    try {
      for (String job : JOBS) {
        org.apache.hadoop.fs.Path out = partition("/reports/failing-map", job);
        assertSameAsClean(job, out);
        Map<String, Object> manifest = Manifest.read(fs, out);
        assertThat(counter(manifest, "org.apache.hadoop.mapreduce.JobCounter", "NUM_FAILED_MAPS"))
            .as("%s: failed map attempts", job).isEqualTo(1);
        Job j = yarn.getJob(JobID.forName((String) manifest.get("hadoopJobId")));
        List<String> events = new ArrayList<>();
        TaskCompletionEvent failed = null;
        for (TaskCompletionEvent e : j.getTaskCompletionEvents(0, 100)) {
          if (e.isMapTask()) {
            events.add(e.getTaskAttemptId().getId() + "=" + e.getStatus());
            if (e.getStatus() == TaskCompletionEvent.Status.FAILED) {
              failed = e;
            }
          }
        }
        assertThat(events).as(job).containsExactlyInAnyOrder("0=FAILED", "1=SUCCEEDED");
        assertThat(String.join("\n", j.getTaskDiagnostics(failed.getTaskAttemptId())))
            .contains("test fault", "after 500 records");
      }
    } finally {
      yarn.close();
    }
  }

  /**
   * The driver halted (as by kill -9) after each step of publishing, four runs of
   * {@code daily --force} at once, each in a reports root of its own that holds a copy of the
   * clean run's outputs: right after the kill the partition holds the old complete output or the
   * new one (or, between the two renames, nothing, both hidden beside it); the next run completes
   * the publish.
   */
  @Test
  @Order(3)
  void theDriverKilledWhilePublishingLeavesAWholePartitionAndTheNextRunCompletesIt()
      throws Exception {
    FileSystem fs = cluster.fs();
    Map<StagedOutput.Step, Process> killed = new EnumMap<>(StagedOutput.Step.class);
    Map<StagedOutput.Step, PseudoCluster.Run> killedRuns = new EnumMap<>(StagedOutput.Step.class);
    Map<String, String[]> appsBefore = applications();
    long t0 = System.nanoTime();
    for (StagedOutput.Step step : StagedOutput.Step.values()) {
      for (String job : JOBS) {
        FileUtil.copy(fs, partition("/reports/clean", job), fs,
            partition(killedRoot(step), job), false, cluster.conf());
      }
      killed.put(step, cluster.clientAsync("daily-killed-at-" + step,
          Map.of("HADOOP_CLIENT_OPTS", "-Dcolony.test.halt.at=" + step + " -Djava.io.tmpdir="
              + work.resolve("tmp")), dailyCommand(killedRoot(step), "--force", "--pipeline",
              faultPipeline)));
    }
    for (StagedOutput.Step step : StagedOutput.Step.values()) {
      killedRuns.put(step, cluster.finish("daily-killed-at-" + step, killed.get(step),
          RUN_TIMEOUT, t0));
    }
    long killedMillis = (System.nanoTime() - t0) / 1_000_000;
    assertSucceeded(newApplications(appsBefore),
        Collections.nCopies(killed.size(), "access-stats"));

    for (StagedOutput.Step step : StagedOutput.Step.values()) {
      PseudoCluster.Run run = killedRuns.get(step);
      assertThat(run.exit()).as(run.output()).isEqualTo(137);
      assertThat(run.output()).contains("halting after publish step " + step);
      org.apache.hadoop.fs.Path out = partition(killedRoot(step), "access-stats");
      // what a reader sees right after the kill: a whole output, old or new, or (between the
      // two renames) none, with both outputs complete and hidden beside it
      if (step == StagedOutput.Step.OLD_MOVED_ASIDE) {
        assertThat(fs.exists(out)).as(step + ": the partition").isFalse();
      } else {
        assertSameAsClean("access-stats", out);
        Object runId = Manifest.read(fs, out).get("runId");
        if (step == StagedOutput.Step.JOURNAL_WRITTEN) {
          assertThat(runId).as(step + ": the old output")
              .isEqualTo(cleanRunIds.get("access-stats"));
        } else {
          assertThat(runId).as(step + ": the new output")
              .isNotEqualTo(cleanRunIds.get("access-stats"));
        }
      }
      assertThat(names(out.getParent())).as(step + ": beside the partition")
          .allMatch(n -> n.equals("dt=" + DAY) || n.startsWith(".dt=" + DAY + ".colony-"))
          .contains(".dt=" + DAY + ".colony-publish");
      assertThat(Manifest.read(fs, partition(killedRoot(step), "sessions")).get("runId"))
          .as(step + ": the other job's output").isEqualTo(cleanRunIds.get("sessions"));
    }

    // the next runs, at once (bin/colony, which submits with hadoop jar when a client is
    // configured)
    Map<StagedOutput.Step, Process> next = new EnumMap<>(StagedOutput.Step.class);
    long t1 = System.nanoTime();
    for (StagedOutput.Step step : StagedOutput.Step.values()) {
      next.put(step, cluster.clientAsync("colony-daily-after-kill-at-" + step, NO_ENV,
          Paths.root().resolve("bin/colony").toString(), "daily", "--date", DAY, "--logs-root",
          "/logs", "--reports-root", killedRoot(step), "--pipeline", faultPipeline));
    }
    for (StagedOutput.Step step : StagedOutput.Step.values()) {
      PseudoCluster.Run run = cluster.finish("colony-daily-after-kill-at-" + step, next.get(step),
          RUN_TIMEOUT, t1);
      run.expect(0, "bin/colony daily after the kill at " + step);
      assertThat(run.output()).contains("recovered", "0 done, 2 skipped",
          "run reports in hdfs://");
      org.apache.hadoop.fs.Path out = partition(killedRoot(step), "access-stats");
      assertSameAsClean("access-stats", out);
      assertThat(Manifest.read(fs, out).get("runId")).as(step + ": the killed run's output")
          .isNotEqualTo(cleanRunIds.get("access-stats"));
      for (String job : JOBS) {
        assertThat(names(partition(killedRoot(step), job).getParent()))
            .as(step + ": no staging, previous, journal or lock left").containsExactly("dt=" + DAY);
      }
    }
    figures.put("fault 3: driver killed at each publish step", "4 killed runs at once "
        + seconds(killedMillis) + ", the 4 next runs at once "
        + seconds((System.nanoTime() - t1) / 1_000_000) + ", output identical");
  }

  @Test
  @Order(4)
  void aDataNodeKilledWhileTheJobRunsChangesNothing() throws Exception {
    Map<String, String[]> appsBefore = applications();
    String name = "daily-datanode-killed";
    long t0 = System.nanoTime();
    Process p = cluster.clientAsync(name, NO_ENV, dailyCommand("/reports/datanode-killed",
        "--pipeline", faultPipeline));
    ProcessHandle dn2 = cluster.daemon("datanode-2");
    String seen;
    Cluster yarn = new Cluster(cluster.conf());
    try {
      seen = awaitMapPhase(yarn, p);
    } finally {
      yarn.close();
    }
    dn2.destroyForcibly();
    assertThat(dn2.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
    PseudoCluster.Run run = cluster.finish(name, p, RUN_TIMEOUT, t0);
    run.expect(0, "colony daily with a DataNode killed");
    figures.put("fault 2: DataNode killed (" + seen + ")", seconds(run.millis())
        + ", output identical");
    assertSucceeded(newApplications(appsBefore), JOBS);
    for (String job : JOBS) {
      assertSameAsClean(job, partition("/reports/datanode-killed", job));
    }
    PseudoCluster.Run status = cluster.script(Duration.ofMinutes(1), "status");
    assertThat(status.exit()).as(status.output()).isEqualTo(1);
    assertThat(status.output()).containsPattern("datanode-2 +DEAD")
        .containsPattern("datanode-1 +running");
  }

  /** Waits until a map task of the first job runs; returns what it saw. */
  private static String awaitMapPhase(Cluster yarn, Process client) throws Exception {
    long deadline = System.currentTimeMillis() + RUN_TIMEOUT.toMillis();
    while (System.currentTimeMillis() < deadline) {
      if (!client.isAlive()) {
        throw new AssertionError("colony daily ended before its map phase was seen");
      }
      for (JobStatus s : yarn.getAllJobStatuses()) {
        if (s.getState() != JobStatus.State.RUNNING) {
          continue;
        }
        Job job = yarn.getJob(s.getJobID());
        if (job == null) {
          continue;
        }
        for (TaskReport r : job.getTaskReports(TaskType.MAP)) {
          if (r.getCurrentStatus() == TIPStatus.RUNNING
              || r.getCurrentStatus() == TIPStatus.COMPLETE) {
            return String.format("%s map %s, %.0f%%", s.getJobName(),
                r.getCurrentStatus().toString().toLowerCase(), 100 * r.getProgress());
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no map task ran within " + RUN_TIMEOUT);
  }

  private static String[] dailyCommand(String reportsRoot, String... extra) {
    List<String> c = new ArrayList<>(List.of("hadoop", "jar", jobJar, "daily"));
    c.addAll(List.of(extra).subList(0, leadingGeneric(extra)));
    c.addAll(List.of("--date", DAY, "--logs-root", "/logs", "--reports-root", reportsRoot));
    c.addAll(List.of(extra).subList(leadingGeneric(extra), extra.length));
    return c.toArray(new String[0]);
  }

  /** How many of {@code extra} are generic options (-D key=value pairs), which go first. */
  private static int leadingGeneric(String[] extra) {
    int i = 0;
    while (i + 1 < extra.length && extra[i].equals("-D")) {
      i += 2;
    }
    return i;
  }

  private static PseudoCluster.Run daily(String name, Map<String, String> env,
      String reportsRoot, String... extra) throws Exception {
    return cluster.client(name, env, RUN_TIMEOUT, dailyCommand(reportsRoot, extra));
  }

  private static String killedRoot(StagedOutput.Step step) {
    return "/reports/killed-at-" + step.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The names in a folder of HDFS. */
  private static List<String> names(org.apache.hadoop.fs.Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    for (FileStatus s : cluster.fs().listStatus(dir)) {
      names.add(s.getPath().getName());
    }
    return names;
  }

  private static org.apache.hadoop.fs.Path partition(String root, String job) {
    return new org.apache.hadoop.fs.Path(root + "/" + job + "/dt=" + DAY);
  }

  private static void assertSameAsClean(String job, org.apache.hadoop.fs.Path out)
      throws IOException {
    Map<String, byte[]> got = files(cluster.fs(), out);
    Map<String, byte[]> want = clean.get(job);
    assertThat(want).as("the clean run's %s output", job).isNotNull();
    assertThat(got.keySet()).as("files of %s", out).containsExactlyElementsOf(want.keySet());
    for (Map.Entry<String, byte[]> e : want.entrySet()) {
      assertThat(got.get(e.getKey())).as("%s/%s", out, e.getKey()).isEqualTo(e.getValue());
    }
  }

  /** Every file under {@code dir} but the manifest, by relative path. */
  private static Map<String, byte[]> files(FileSystem fs, org.apache.hadoop.fs.Path dir)
      throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    String base = fs.makeQualified(dir).toUri().getPath() + "/";
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      String rel = f.getPath().toUri().getPath().substring(base.length());
      if (rel.equals("_manifest.json")) {
        continue;
      }
      try (InputStream in = fs.open(f.getPath())) {
        m.put(rel, in.readAllBytes());
      }
    }
    return m;
  }

  /** The cluster's applications (id -> name, state, final status), from the ResourceManager. */
  private static Map<String, String[]> applications() throws Exception {
    Map<String, String[]> apps = new TreeMap<>();
    for (ApplicationReport r : cluster.yarn().getApplications()) {
      apps.put(r.getApplicationId().toString(), new String[] {r.getName(),
          r.getYarnApplicationState().toString(), r.getFinalApplicationStatus().toString()});
    }
    return apps;
  }

  /** The same, as {@code yarn application -list -appStates ALL} prints them. */
  private static Map<String, String[]> applicationsOfYarnCommand() throws Exception {
    PseudoCluster.Run r = cluster.client("yarn-applications", NO_ENV, Duration.ofMinutes(3),
        "yarn", "application", "-list", "-appStates", "ALL").expect(0, "yarn application");
    Map<String, String[]> apps = new TreeMap<>();
    for (String line : r.output().split("\n")) {
      String[] f = line.split("\t");
      if (f.length >= 7 && f[0].trim().startsWith("application_")) {
        apps.put(f[0].trim(), new String[] {f[1].trim(), f[5].trim(), f[6].trim()});
      }
    }
    return apps;
  }

  private static Map<String, String[]> newApplications(Map<String, String[]> before)
      throws Exception {
    Map<String, String[]> now = applications();
    now.keySet().removeAll(before.keySet());
    return now;
  }

  /** The new applications are one per job, each FINISHED and SUCCEEDED. */
  private static void assertSucceeded(Map<String, String[]> apps, List<String> jobs) {
    List<String> seen = new ArrayList<>();
    apps.forEach((id, f) -> seen.add(f[0] + " " + f[1] + " " + f[2]));
    assertThat(seen).as("new YARN applications").containsExactlyInAnyOrderElementsOf(
        jobs.stream().map(j -> "colony " + j + " FINISHED SUCCEEDED").toList());
  }

  @SuppressWarnings("unchecked")
  private static long counter(Map<String, Object> manifest, String group, String name) {
    Map<String, Map<String, Object>> counters =
        (Map<String, Map<String, Object>>) manifest.get("counters");
    Object v = counters.getOrDefault(group, Map.of()).get(name);
    return v instanceof Number n ? n.longValue() : 0;
  }

  private static String seconds(long millis) {
    return String.format("%.1f s", millis / 1000.0);
  }
}
