package org.colony.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapred.LocalJobRunner;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.SimpleLayout;
import org.apache.log4j.WriterAppender;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged compressed input: skipped, counted and listed by default; fatal when asked. */
class CorruptInputTest {
  @TempDir
  Path tmp;
  private Configuration conf;
  private Path in;

  @BeforeEach
  void setUp() throws Exception {
    conf = LocalHadoop.conf(tmp);
    in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.copy(Paths.sampleData("logs/access/dt=2026-11-24/access.log"), in.resolve("good.log"));
    byte[] gz = Files.readAllBytes(Paths.sampleData("logs/access/dt=2026-11-25/access.log.gz"));
    Files.write(in.resolve("truncated.log.gz"), Arrays.copyOf(gz, gz.length / 2));
    Files.write(in.resolve("empty.log.gz"), new byte[0]);
    Files.writeString(in.resolve("garbage.log.gz"), "this is not gzip data\n");
  }

  @Test
  void damagedFilesAreSkippedCountedAndListed() throws Exception {
    Path out = tmp.resolve("out");
    ColonyCli r = ColonyCli.run(conf, "access-stats", "--input", in.toString(), "--output",
        out.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("CORRUPT_FILE=3");

    Map<String, Object> manifest = Manifest.read(FileSystem.getLocal(conf),
        new org.apache.hadoop.fs.Path(out.toUri()));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> corrupt = (List<Map<String, Object>>) manifest.get("corruptFiles");
    assertThat(corrupt).extracting(m -> Path.of((String) m.get("file")).getFileName().toString())
        .containsExactly("empty.log.gz", "garbage.log.gz", "truncated.log.gz");
    assertThat(TsvFiles.rows(out.resolve("_corrupt"), "file\toffset\terror")).hasSize(3);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Number>> counters =
        (Map<String, Map<String, Number>>) manifest.get("counters");
    assertThat(counters.get("org.colony.io.RecordCounters").get("FILES_CORRUPT").longValue())
        .isEqualTo(3);

    // what the truncated file held before the damage was read: more requests than the good file
    @SuppressWarnings("unchecked")
    Map<String, Number> records = (Map<String, Number>) manifest.get("records");
    long goodLines = Files.readAllLines(in.resolve("good.log"),
        java.nio.charset.StandardCharsets.ISO_8859_1).size();
    assertThat(records.get("in").longValue()).isGreaterThan(goodLines + 3);
    assertThat(records.get("in").longValue()).isEqualTo(
        records.get("parsed").longValue() + records.get("rejected").longValue());
  }

  @Test
  void failPolicyStopsTheJobNamingTheFile() throws Exception {
    Files.delete(in.resolve("truncated.log.gz"));
    Files.delete(in.resolve("empty.log.gz"));
    Path out = tmp.resolve("out");
    // In local mode the task's error reaches the user through LocalJobRunner's log (on YARN,
    // through the task diagnostics the driver prints).
    StringWriter log = new StringWriter();
    Logger runner = Logger.getLogger(LocalJobRunner.class);
    Level level = runner.getLevel();
    WriterAppender appender = new WriterAppender(new SimpleLayout(), log);
    runner.addAppender(appender);
    runner.setLevel(Level.WARN);
    ColonyCli r;
    try {
      r = ColonyCli.run(conf, "access-stats", "-D", "colony.input.corrupt=fail", "--input",
          in.toString(), "--output", out.toString());
    } finally {
      runner.removeAppender(appender);
      runner.setLevel(level);
    }
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(r.err).contains("access-stats failed");
    assertThat(log.toString()).contains("damaged compressed input", "garbage.log.gz",
        "colony.input.corrupt=fail");
    assertThat(out).doesNotExist();
  }
}
