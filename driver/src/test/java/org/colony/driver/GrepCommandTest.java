package org.colony.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** colony grep through the command's entry point, on LocalJobRunner. */
class GrepCommandTest {
  static final String MATCHES = "file\toffset\tpattern\trecord";
  static final String COUNTS = "pattern\tmatches";

  @TempDir
  Path tmp;
  private Configuration conf;
  private String access;

  @BeforeEach
  void setUp() {
    conf = LocalHadoop.conf(tmp);
    access = Paths.sampleData("logs/access").toString();
  }

  private Map<String, Object> manifest(Path out) throws Exception {
    return Manifest.read(FileSystem.getLocal(conf), new org.apache.hadoop.fs.Path(out.toUri()));
  }

  @Test
  void listAndHelpNameTheJobItsOptionsAndReports() throws Exception {
    assertThat(ColonyCli.run(conf, "list").out.lines())
        .anyMatch(l -> l.startsWith("grep ") && l.contains("pattern"));
    ColonyCli help = ColonyCli.run(conf, "grep", "--help");
    assertThat(help.exit).isZero();
    assertThat(help.out).contains("--pattern", "--fixed", "--format", "--count",
        "colony.grep.patterns", "colony.grep.count", "matches/", "counts/");
  }

  @Test
  void repeatedPatternsWithCountsTakeAReducePhase() throws Exception {
    Path out = tmp.resolve("grep/counted");
    ColonyCli r = ColonyCli.run(conf, "grep", "--input", access, "--output", out.toString(),
        "--format", "access", "--pattern", "\" 404 ", "--pattern", "(?i)GOOGLEBOT", "--count");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("grep succeeded", "rejected 15", "matches/ counts/");
    List<String> counts = TsvFiles.rows(out.resolve("counts"), COUNTS);
    assertThat(counts).extracting(l -> l.split("\t")[0])
        .containsExactlyInAnyOrder("\" 404 ", "(?i)GOOGLEBOT");
    long total = counts.stream().mapToLong(l -> Long.parseLong(l.split("\t")[1])).sum();
    List<String> matches = TsvFiles.rows(out.resolve("matches"), MATCHES);
    assertThat(matches).hasSize((int) total).isNotEmpty();
    assertThat(matches).allSatisfy(m -> {
      String[] c = m.split("\t", -1);
      assertThat(c[2]).isIn("\" 404 ", "(?i)GOOGLEBOT");
      assertThat(c[2].equals("\" 404 ") ? c[3].contains("\" 404 ")
          : c[3].toLowerCase().contains("googlebot")).as(m).isTrue();
    });
    assertThat(manifest(out).get("reducers").toString()).contains("count=1");
    assertThat(out.resolve("_rejects")).isDirectory();
  }

  @Test
  void withoutCountItIsMapOnlyAndWritesMatchesOnly() throws Exception {
    Path out = tmp.resolve("grep/matches");
    ColonyCli r = ColonyCli.run(conf, "grep", "--input", access, "--output", out.toString(),
        "--fixed", "--pattern", "/wp-login.php", "--reducers", "3");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("grep succeeded", "map-only", "(matches/)")
        .doesNotContain("counts/");
    assertThat(out.resolve("counts")).doesNotExist();
    assertThat(TsvFiles.rows(out.resolve("matches"), MATCHES)).isNotEmpty()
        .allMatch(m -> m.split("\t")[3].contains("/wp-login.php"));
    Map<String, Object> manifest = manifest(out);
    assertThat(manifest.get("reducers").toString()).contains("count=0", "map-only");
  }

  @Test
  void badPatternsAndOptionsAreOneLineAndExitTwo() throws Exception {
    Path out = tmp.resolve("out");
    Map<List<String>, String> cases = Map.of(
        List.of(), "at least one --pattern",
        List.of("--pattern", "x(y"), "--pattern 'x(y' is no regex",
        List.of("--pattern", "a", "--format", "json"), "--format takes lines, access",
        List.of("--pattern", "a\nb"), "--pattern cannot hold a line break");
    for (Map.Entry<List<String>, String> c : cases.entrySet()) {
      List<String> args = new java.util.ArrayList<>(List.of("grep", "--input", access,
          "--output", out.toString()));
      args.addAll(c.getKey());
      ColonyCli r = ColonyCli.run(conf, args.toArray(new String[0]));
      assertThat(r.exit).as(r.toString()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err.strip().lines().count()).as(r.toString()).isEqualTo(1);
      assertThat(r.err).contains(c.getValue()).doesNotContain("\tat ");
      assertThat(out).doesNotExist();
    }
  }
}
