package org.colony.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** colony exceptions through the command's entry point, on LocalJobRunner. */
class ExceptionsCommandTest {
  static final String HOURLY = "hour\tsignature_id\tcount";
  static final String SIGNATURES = "signature_id\texception\troot_cause\tframes\tcount"
      + "\tfirst_seen\tlast_seen\texample_file\texample_offset\tmessage";
  static final String EXAMPLES = "signature_id\texample";

  @TempDir
  Path tmp;
  private Configuration conf;
  private String app;

  @BeforeEach
  void setUp() {
    conf = LocalHadoop.conf(tmp);
    app = Paths.sampleData("logs/app").toString();
  }

  @Test
  void listAndHelpNameTheJobItsOptionsAndReports() throws Exception {
    ColonyCli list = ColonyCli.run(conf, "list");
    assertThat(list.out.lines()).anyMatch(l -> l.startsWith("exceptions ")
        && l.contains("signature"));
    ColonyCli help = ColonyCli.run(conf, "exceptions", "--help");
    assertThat(help.exit).isZero();
    assertThat(help.out).contains("--frames", "--package", "colony.exceptions.frames",
        "colony.exceptions.package", "hourly/", "signatures/", "examples/");
  }

  @Test
  void runPublishesTheReportsThatAgreeWithEachOtherAndRefusesToOverwrite() throws Exception {
    Path out = tmp.resolve("reports/exceptions/all");
    ColonyCli r = ColonyCli.run(conf, "exceptions", "--input", app, "--output", out.toString(),
        "--package", "com.example.shop", "--frames", "2", "--reducers", "2");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("exceptions succeeded", "rejected 0", "reducers 2",
        "hourly/ signatures/ examples/");
    assertThat(out.resolve("_SUCCESS")).exists();
    Map<String, Object> manifest = Manifest.read(FileSystem.getLocal(conf),
        new org.apache.hadoop.fs.Path(out.toUri()));
    assertThat(manifest.get("job")).isEqualTo("exceptions");
    assertThat(manifest.get("commandLine").toString()).contains("--package", "com.example.shop");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Number>> counters =
        (Map<String, Map<String, Number>>) manifest.get("counters");
    Map<String, Number> own = counters.get("org.colony.jobs.exceptions.ExceptionsCounters");
    // the sample's ground truth: 34 + 68 events with an exception (sample-data/README.md)
    assertThat(own.get("EVENTS_WITH_EXCEPTION").longValue()).isEqualTo(102);
    assertThat(own.get("EVENTS").longValue()).isEqualTo(3026 + 3031);

    List<String> sigs = TsvFiles.rows(out.resolve("signatures"), SIGNATURES);
    assertThat(sigs).hasSize(own.get("SIGNATURES").intValue());
    Map<String, Long> bySignature = new HashMap<>();
    for (String row : sigs) {
      String[] c = row.split("\t", -1);
      assertThat(c).hasSize(10);
      assertThat(c[0]).matches("[0-9a-f]{16}");
      if (!c[3].equals("-")) {
        assertThat(c[3].split(";")).hasSizeLessThanOrEqualTo(2)
            .allMatch(f -> f.startsWith("com.example.shop."));
      }
      assertThat(c[5].compareTo(c[6])).isLessThanOrEqualTo(0);
      assertThat(c[7]).contains("logs/app/dt=2026-11-2");
      bySignature.put(c[0], Long.parseLong(c[4]));
    }
    assertThat(bySignature.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(102);
    Map<String, Long> hourly = new HashMap<>();
    for (String row : TsvFiles.rows(out.resolve("hourly"), HOURLY)) {
      String[] c = row.split("\t");
      assertThat(c[0]).matches("2026-11-2[45]T\\d\\d");
      hourly.merge(c[1], Long.parseLong(c[2]), Long::sum);
    }
    assertThat(hourly).isEqualTo(bySignature);
    Set<String> exampleIds = new TreeSet<>();
    for (String row : TsvFiles.rows(out.resolve("examples"), EXAMPLES)) {
      String[] c = row.split("\t");
      assertThat(exampleIds.add(c[0])).isTrue();
      assertThat(c[1]).contains("\\n", "Exception").startsWith("2026-11-2");
    }
    assertThat(exampleIds).isEqualTo(new TreeSet<>(bySignature.keySet()));

    ColonyCli again = ColonyCli.run(conf, "exceptions", "--input", app, "--output",
        out.toString());
    assertThat(again.exit).isEqualTo(ExitCode.USAGE);
    assertThat(again.err).contains("output exists").contains("--overwrite");
  }

  @Test
  void badOptionsAreOneLineAndExitTwo() throws Exception {
    Path out = tmp.resolve("out");
    for (String[] opt : List.of(new String[] {"--frames", "-1"}, new String[] {"--frames", "x"},
        new String[] {"--frames", "99"}, new String[] {"--package", "com..example"})) {
      ColonyCli r = ColonyCli.run(conf, "exceptions", "--input", app, "--output",
          out.toString(), opt[0], opt[1]);
      assertThat(r.exit).as(r.toString()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err.strip().lines().count()).as(r.toString()).isEqualTo(1);
      assertThat(r.err).contains("colony.exceptions.").doesNotContain("Exception:", "\tat ");
      assertThat(out).doesNotExist();
    }
  }
}
