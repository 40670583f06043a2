package org.colony.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built artifacts as users run them: the job jar through Hadoop's own launcher
 * ({@code hadoop jar} is {@code org.apache.hadoop.util.RunJar}), and bin/colony in embedded mode.
 */
class JobJarTest {
  private static final String HOURLY = "hour\trequests\tbytes\ts2xx\ts3xx\ts4xx\ts5xx";

  @TempDir
  Path tmp;

  static Path jobJar() throws IOException {
    try (Stream<Path> s = Files.list(Paths.root().resolve("driver/target"))) {
      return s.filter(p -> p.getFileName().toString().matches("colony-.*-job\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no job jar in driver/target: run mvn package"));
    }
  }

  @Test
  void jobJarHoldsColonyAndRelocatedLibrariesButNoHadoop() throws IOException {
    try (JarFile jar = new JarFile(jobJar().toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("org.colony.driver.Colony");
      List<String> names = jar.stream().map(JarEntry::getName).toList();
      assertThat(names).contains("org/colony/driver/Colony.class",
          "org/colony/jobs/access/AccessStatsMapper.class",
          "org/colony/io/access/AccessLogParser.class", "colony-default.xml");
      assertThat(names).anyMatch(n -> n.startsWith("org/colony/shaded/commons/cli/"));
      assertThat(names).anyMatch(n -> n.startsWith("org/colony/shaded/jackson/databind/"));
      assertThat(names).filteredOn(n -> n.endsWith(".class"))
          .allMatch(n -> n.startsWith("org/colony/") || n.startsWith("META-INF/versions/"),
              "every class is Colony's or relocated under org/colony/shaded");
      assertThat(names).noneMatch(n -> n.startsWith("org/apache/hadoop/"));
    }
  }

  @Test
  void hadoopJarConventionRunsACommand() throws Exception {
    Path out = tmp.resolve("out");
    String cp = Paths.root().resolve("conf/local") + File.pathSeparator
        + Paths.root().resolve("driver/target/lib") + File.separator + "*";
    Process p = new ProcessBuilder(java(), "-Dcolony.local.dir=" + tmp.resolve("local"), "-cp",
        cp, "org.apache.hadoop.util.RunJar", jobJar().toString(), "access-stats", "--input",
        Paths.sampleData("logs/access/dt=2026-11-24").toString(), "--output", out.toString())
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(out.resolve("_SUCCESS")).exists();
    assertThat(TsvFiles.rows(out.resolve("hourly"), HOURLY)).containsExactlyInAnyOrderElementsOf(
        TsvFiles.fileRows(Paths.sampleData("expected/access-stats/dt=2026-11-24/hourly.tsv"),
            HOURLY));
  }

  @Test
  void binColonyRunsEmbeddedAndReportsUsageErrors() throws Exception {
    Path out = tmp.resolve("embedded");
    Result ok = colony("access-stats", "--input", Paths.sampleData("logs/access").toString(),
        "--output", out.toString());
    assertThat(ok.exit).as(ok.output).isZero();
    assertThat(ok.output).contains("access-stats succeeded", "output   file:" + out);
    assertThat(out.resolve("_manifest.json")).exists();

    Result again = colony("access-stats", "--input", Paths.sampleData("logs/access").toString(),
        "--output", out.toString());
    assertThat(again.exit).isEqualTo(2);
    assertThat(again.output.strip()).startsWith("colony access-stats: output exists")
        .doesNotContain("Exception");

    Result list = colony("list");
    assertThat(list.exit).isZero();
    assertThat(list.output).contains("access-stats");
  }

  private record Result(int exit, String output) {}

  private Result colony(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.root().resolve("bin/colony").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("COLONY_MODE", "embedded");
    pb.environment().put("COLONY_LOCAL_DIR", tmp.resolve("local").toString());
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), log);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
