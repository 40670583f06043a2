package org.colony.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.util.ToolRunner;
import org.colony.driver.ColonyTool;
import org.colony.driver.ExitCode;
import org.colony.driver.Manifest;
import org.colony.driver.StagedOutput;
import org.colony.testing.Paths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * colony daily on MiniDFS + MiniYARN: a full run, a rerun that does nothing, --force, a failing
 * job that stops only its dependents, a second run of a locked partition, inputs not ready.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DailyPipelineOnMiniClusterTest {
  private static final String DAY = "2026-11-25";
  private static MiniClusters clusters;

  @TempDir
  static Path local;

  @BeforeAll
  static void start() throws Exception {
    clusters = new MiniClusters(DailyPipelineOnMiniClusterTest.class,
        Path.of(System.getProperty("test.build.data", "target/test-data")).toAbsolutePath()
            .resolve("daily"));
    FileSystem fs = clusters.fs();
    for (String source : List.of("access", "app", "syslog")) {
      fs.copyFromLocalFile(hadoop(Paths.sampleData("logs/" + source + "/dt=" + DAY)),
          new org.apache.hadoop.fs.Path("/logs/" + source + "/dt=" + DAY));
    }
    Path bad = local.resolve("bad");
    Files.createDirectories(bad);
    Files.writeString(bad.resolve("bad.log"), "not a log line\n".repeat(50));
    Files.writeString(bad.resolve("_SUCCESS"), "");
    fs.copyFromLocalFile(hadoop(bad), new org.apache.hadoop.fs.Path("/logs/garbage/dt=" + DAY));
  }

  @AfterAll
  static void stop() throws Exception {
    if (clusters != null) {
      clusters.close();
    }
  }

  @AfterEach
  void noHook() {
    StagedOutput.setHook(null);
  }

  private static org.apache.hadoop.fs.Path hadoop(Path p) {
    return new org.apache.hadoop.fs.Path(p.toUri());
  }

  record Run(int exit, String out) {}

  private static Run colony(String... args) throws Exception {
    Configuration conf = clusters.conf();
    conf.setBoolean("mapreduce.job.ubertask.enable", true);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream p = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      int code = ToolRunner.run(conf, new ColonyTool(p, p), args);
      return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }
  }

  private static String pipeline(String name, String jobs) throws Exception {
    Path p = local.resolve(name + ".xml");
    Files.writeString(p, "<pipeline name='" + name + "'>" + jobs + "</pipeline>");
    return p.toUri().toString();
  }

  @Test
  @Order(1)
  void fullRunThenARerunThatDoesNothing() throws Exception {
    long t0 = System.nanoTime();
    Run first = colony("daily", "--date", DAY, "--logs-root", "/logs", "--reports-root",
        "/reports");
    System.out.printf("colony daily on the minicluster: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    assertThat(first.exit()).as(first.out()).isEqualTo(ExitCode.OK);
    // no upload store on this cluster: the optional upload jobs are absent (counted as skipped)
    assertThat(first.out()).contains("5 done, 2 skipped, 0 failed")
        .containsPattern("uploads-inventory +absent").containsPattern("thumbnails +absent");
    FileSystem fs = clusters.fs();
    for (String job : List.of("access-stats", "sessions", "syslog-stats", "exceptions",
        "uv-rollup")) {
      assertThat(fs.exists(new org.apache.hadoop.fs.Path("/reports/" + job + "/dt=" + DAY
          + "/_SUCCESS"))).as(job).isTrue();
    }
    Map<String, String> before = listing(fs, "/reports");
    Run again = colony("daily", "--date", DAY, "--logs-root", "/logs", "--reports-root",
        "/reports");
    assertThat(again.exit()).as(again.out()).isEqualTo(ExitCode.OK);
    assertThat(again.out()).contains("0 done, 7 skipped").doesNotContain("succeeded in");
    assertThat(listing(fs, "/reports")).isEqualTo(before);
  }

  @Test
  @Order(2)
  void forceReplacesTheOutputOnceTheNewOneSucceeded() throws Exception {
    FileSystem fs = clusters.fs();
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path("/reports/access-stats/dt="
        + DAY);
    Object oldRun = Manifest.read(fs, out).get("runId");
    List<String> seen = new ArrayList<>();
    StagedOutput.setHook(step -> {
      // at every publish step the partition is the old output or the new one, or (between the
      // two renames) not there, never a mix: a whole output has _SUCCESS and its manifest
      if (fs.exists(out)) {
        Object run = Manifest.read(fs, out).get("runId");
        assertThat(fs.exists(new org.apache.hadoop.fs.Path(out, "_SUCCESS"))).isTrue();
        seen.add(step + "=" + (run.equals(oldRun) ? "old" : "new"));
      } else {
        seen.add(step + "=absent");
      }
    });
    Run forced = colony("daily", "--date", DAY, "--logs-root", "/logs", "--reports-root",
        "/reports", "--pipeline", pipeline("one", "<job id='access-stats' source='access'/>"),
        "--force");
    assertThat(forced.exit()).as(forced.out()).isEqualTo(ExitCode.OK);
    assertThat(Manifest.read(fs, out).get("runId")).isNotEqualTo(oldRun);
    assertThat(seen).containsExactly("JOURNAL_WRITTEN=old", "OLD_MOVED_ASIDE=absent",
        "NEW_MOVED_IN=new", "OLD_REMOVED=new");
  }

  @Test
  @Order(3)
  void aFailedJobStopsItsDependentsOnly() throws Exception {
    Run r = colony("daily", "--date", DAY, "--logs-root", "/logs", "--reports-root", "/r3",
        "--pipeline", pipeline("mixed", "<job id='bad' job='access-stats' source='garbage'/>"
            + "<job id='after-bad' job='sessions' source='access' depends='bad'/>"
            + "<job id='good' job='access-stats' source='access'/>"));
    assertThat(r.exit()).as(r.out()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(r.out()).contains("1 done, 0 skipped, 1 failed, 1 blocked")
        .containsPattern("bad +failed").containsPattern("after-bad +blocked")
        .containsPattern("good +done");
    FileSystem fs = clusters.fs();
    assertThat(fs.exists(new org.apache.hadoop.fs.Path("/r3/bad/dt=" + DAY))).isFalse();
    assertThat(fs.exists(new org.apache.hadoop.fs.Path("/r3/after-bad/dt=" + DAY))).isFalse();
    assertThat(fs.exists(new org.apache.hadoop.fs.Path("/r3/good/dt=" + DAY + "/_SUCCESS")))
        .isTrue();
  }

  @Test
  @Order(4)
  void inputNotReadyExitsThreeOrIsWaitedFor() throws Exception {
    FileSystem fs = clusters.fs();
    org.apache.hadoop.fs.Path late = new org.apache.hadoop.fs.Path("/logs/late/dt=" + DAY);
    fs.copyFromLocalFile(hadoop(Paths.sampleData("logs/access/dt=" + DAY + "/access.log.gz")),
        new org.apache.hadoop.fs.Path(late, "access.log.gz"));
    String p = pipeline("late", "<job id='ready' job='access-stats' source='access'/>"
        + "<job id='late' job='access-stats' source='late'/>");
    Run r = colony("daily", "--date", DAY, "--logs-root", "/logs", "--reports-root", "/r4",
        "--pipeline", p);
    assertThat(r.exit()).as(r.out()).isEqualTo(ExitCode.NOT_READY);
    assertThat(r.out()).contains("input not ready: /logs/late/dt=" + DAY, "no _SUCCESS",
        "nothing was started");
    assertThat(fs.exists(new org.apache.hadoop.fs.Path("/r4/ready"))).as("nothing started")
        .isFalse();

    Thread flag = new Thread(() -> {
      try {
        Thread.sleep(1500);
        fs.create(new org.apache.hadoop.fs.Path(late, "_SUCCESS")).close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    flag.start();
    Run waited = colony("daily", "-D", "colony.input.wait.poll=200ms", "--date", DAY,
        "--logs-root", "/logs", "--reports-root", "/r4", "--pipeline", p, "--wait", "60s");
    flag.join();
    assertThat(waited.exit()).as(waited.out()).isEqualTo(ExitCode.OK);
    assertThat(waited.out()).contains("waiting for /logs/late/dt=" + DAY, "2 done");
  }

  @Test
  @Order(5)
  void aSecondRunOfALockedPartitionExitsFour() throws Exception {
    CountDownLatch publishing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StagedOutput.setHook(step -> {
      if (step == StagedOutput.Step.JOURNAL_WRITTEN) {
        publishing.countDown();
        try {
          release.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    String p = pipeline("lock", "<job id='access-stats' source='access'/>");
    AtomicInteger firstExit = new AtomicInteger(-1);
    Thread first = new Thread(() -> {
      try {
        firstExit.set(colony("daily", "--date", DAY, "--logs-root", "/logs", "--reports-root",
            "/r5", "--pipeline", p).exit());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    first.start();
    assertThat(publishing.await(180, TimeUnit.SECONDS)).isTrue();
    Run second = colony("daily", "--date", DAY, "--logs-root", "/logs", "--reports-root", "/r5",
        "--pipeline", p);
    release.countDown();
    first.join();
    assertThat(second.exit()).as(second.out()).isEqualTo(ExitCode.LOCKED);
    assertThat(second.out()).contains("locked by another run", "user=");
    assertThat(firstExit.get()).isEqualTo(ExitCode.OK);
  }

  private static Map<String, String> listing(FileSystem fs, String dir) throws Exception {
    Map<String, String> m = new TreeMap<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(new org.apache.hadoop.fs.Path(dir), true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      m.put(f.getPath().toString(), f.getLen() + "@" + f.getModificationTime());
    }
    return m;
  }
}
