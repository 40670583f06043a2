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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ToolRunner;
import org.colony.driver.ColonyTool;
import org.colony.driver.ExitCode;
import org.colony.driver.Manifest;
import org.colony.driver.StagedOutput;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Paths;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * colony daily --force killed at each step of publishing (a JVM halted there, as by kill -9):
 * the partition is whole before, and whole after the next run, which completes the publish.
 */
class PublishKillTest {
  private static final String DAY = "2026-11-25";

  @TempDir
  Path tmp;

  private Configuration conf() {
    return LocalHadoop.conf(tmp);
  }

  private String[] daily(String... extra) {
    List<String> a = new ArrayList<>(List.of("daily", "--date", DAY, "--logs-root",
        tmp.resolve("logs").toString(), "--reports-root", tmp.resolve("reports").toString()));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  private int inProcess(String... args) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (PrintStream p = new PrintStream(b, true, StandardCharsets.UTF_8)) {
      int code = ToolRunner.run(conf(), new ColonyTool(p, p), args);
      assertThat(code).as(b.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
      return code;
    }
  }

  /** Whether the output is whole: its manifest lists exactly its files; returns its run id. */
  private String whole(Path out) throws Exception {
    assertThat(out.resolve("_SUCCESS")).exists();
    Map<String, Object> m = Manifest.read(FileSystem.getLocal(conf()),
        new org.apache.hadoop.fs.Path(out.toUri()));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> listed = (List<Map<String, Object>>) m.get("outputFiles");
    List<String> files;
    try (Stream<Path> s = Files.walk(out)) {
      files = s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString())
          .filter(p -> !p.startsWith(".") && !p.contains("/.") && !p.equals("_SUCCESS")
              && !p.equals("_manifest.json")).sorted().toList();
    }
    assertThat(files).containsExactlyElementsOf(
        listed.stream().map(f -> (String) f.get("path")).sorted().toList());
    return (String) m.get("runId");
  }

  @ParameterizedTest
  @EnumSource(StagedOutput.Step.class)
  void killedAtEveryPublishStepTheNextRunLeavesTheNewWholeOutput(StagedOutput.Step step)
      throws Exception {
    Path in = tmp.resolve("logs/access/dt=" + DAY);
    Files.createDirectories(in);
    Files.copy(Paths.sampleData("logs/access/dt=" + DAY + "/access.log.gz"),
        in.resolve("access.log.gz"));
    Files.writeString(in.resolve("_SUCCESS"), "");
    String pipeline = tmp.resolve("one.xml").toUri().toString();
    Files.writeString(tmp.resolve("one.xml"),
        "<pipeline name='one'><job id='access-stats' source='access'/></pipeline>");
    Path out = tmp.resolve("reports/access-stats/dt=" + DAY);

    inProcess(daily("--pipeline", pipeline));
    String oldRun = whole(out);

    Process p = new ProcessBuilder(command(step, pipeline)).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(log).isEqualTo(137);
    assertThat(log).contains("halting after publish step " + step);

    switch (step) {
      case JOURNAL_WRITTEN -> assertThat(whole(out)).isEqualTo(oldRun);
      case OLD_MOVED_ASIDE -> assertThat(out).doesNotExist();
      default -> assertThat(whole(out)).isNotEqualTo(oldRun);
    }

    inProcess(daily("--pipeline", pipeline));
    String after = whole(out);
    assertThat(after).as("the killed run's complete output is published").isNotEqualTo(oldRun);
    try (Stream<Path> s = Files.list(out.getParent())) {
      assertThat(s.map(x -> x.getFileName().toString()))
          .as("no staging, previous or journal left").containsExactly("dt=" + DAY);
    }
  }

  private List<String> command(StagedOutput.Step step, String pipeline) {
    List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-Dcolony.test.halt.at=" + step, "-cp",
        System.getProperty("java.class.path"), "org.colony.driver.Colony", "daily",
        "-D", "colony.history.dir=" + tmp.resolve("hadoop-tmp/history"),
        "-D", "hadoop.tmp.dir=" + tmp.resolve("hadoop-tmp")));
    String[] args = daily("--pipeline", pipeline, "--force");
    c.addAll(List.of(args).subList(1, args.length));
    return c;
  }
}
