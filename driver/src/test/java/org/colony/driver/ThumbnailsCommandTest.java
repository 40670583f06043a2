package org.colony.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.colony.testing.LocalHadoop;
import org.colony.testing.TestImages;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** colony thumbnails through the command, on LocalJobRunner: publish, manifest, options. */
class ThumbnailsCommandTest {
  private static final String THUMBNAILS = "path\tsize_px\twidth\theight\tbytes\tthumbnail";
  private static final String PROBLEMS = "path\treason\tdetail";

  @TempDir
  Path tmp;
  private Configuration conf;
  private Path uploads;

  @BeforeEach
  void setUp() throws IOException {
    conf = LocalHadoop.conf(tmp);
    uploads = tmp.resolve("uploads");
    write("alice/cat.jpg", TestImages.encoded("jpeg", 640, 480));
    write("alice/portrait.jpg", TestImages.withExifOrientation(TestImages.encoded("jpeg", 300,
        100), 8, true));
    write("bob/logo.png", TestImages.transparentPng(100, 50));
    write("bob/bomb.png", TestImages.declaredHugePng(60_000, 60_000));
    byte[] gif = TestImages.encoded("gif", 400, 400);
    write("bob/cut.gif", TestImages.truncated(gif, 30));
    write("carol/readme.txt", "hello\n".getBytes(StandardCharsets.UTF_8));
  }

  private void write(String relative, byte[] b) throws IOException {
    Path p = uploads.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.write(p, b);
  }

  @Test
  void listedWithHelpForItsOption() throws Exception {
    assertThat(ColonyCli.run(conf, "list").out.lines())
        .anyMatch(l -> l.startsWith("thumbnails ") && l.contains("bombs"));
    ColonyCli help = ColonyCli.run(conf, "thumbnails", "--help");
    assertThat(help.exit).isZero();
    assertThat(help.out).contains("--sizes", "colony.thumbnails.sizes", "upscaled",
        "thumbnails/", "problems/");
  }

  @Test
  void commandPublishesThumbnailsReportsAndManifest() throws Exception {
    Path out = tmp.resolve("reports/thumbs");
    ColonyCli r = ColonyCli.run(conf, "thumbnails", "--input", uploads.toString(), "--output",
        out.toString(), "--sizes", "200,64");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("thumbnails succeeded", "reducers 0", "thumbnails/ problems/");
    assertThat(out.resolve("_SUCCESS")).exists();
    assertThat(out.resolve("_temporary")).doesNotExist();
    try (Stream<Path> s = Files.list(out.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("thumbs");
    }

    BufferedImage cat = ImageIO.read(out.resolve("thumbs/200/alice/cat.jpg.jpg").toFile());
    assertThat(new int[] {cat.getWidth(), cat.getHeight()}).containsExactly(200, 150);
    BufferedImage small = ImageIO.read(out.resolve("thumbs/64/alice/cat.jpg.jpg").toFile());
    assertThat(new int[] {small.getWidth(), small.getHeight()}).containsExactly(64, 48);
    BufferedImage portrait = ImageIO.read(out.resolve("thumbs/200/alice/portrait.jpg.jpg")
        .toFile());
    assertThat(new int[] {portrait.getWidth(), portrait.getHeight()}).containsExactly(67, 200);
    assertThat(out.resolve("thumbs/64/bob/logo.png.png")).exists();

    List<String> rows = TsvFiles.rows(out.resolve("thumbnails"), THUMBNAILS);
    assertThat(rows).hasSize(6).contains(
        "alice/cat.jpg\t200\t200\t150\t" + Files.size(out.resolve("thumbs/200/alice/cat.jpg.jpg"))
            + "\tthumbs/200/alice/cat.jpg.jpg",
        "bob/logo.png\t200\t100\t50\t" + Files.size(out.resolve("thumbs/200/bob/logo.png.png"))
            + "\tthumbs/200/bob/logo.png.png");
    List<String> problems = TsvFiles.rows(out.resolve("problems"), PROBLEMS);
    assertThat(problems).hasSize(2);
    assertThat(problems).anyMatch(p -> p.startsWith("bob/bomb.png\tREFUSED_TOO_LARGE\t"));
    assertThat(problems).anyMatch(p -> p.startsWith("bob/cut.gif\tTRUNCATED\t"));

    Map<String, Object> manifest = Manifest.read(FileSystem.getLocal(conf),
        new org.apache.hadoop.fs.Path(out.toUri()));
    assertThat(manifest.get("job")).isEqualTo("thumbnails");
    assertThat(manifest.get("commandLine").toString()).contains("--sizes", "200,64");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Number>> counters =
        (Map<String, Map<String, Number>>) manifest.get("counters");
    Map<String, Number> t = counters.get("org.colony.jobs.thumbnails.ThumbnailsCounters");
    assertThat(t.get("IMAGES").longValue()).isEqualTo(5);
    assertThat(t.get("THUMBNAILED").longValue()).isEqualTo(3);
    assertThat(t.get("THUMBNAILS_WRITTEN").longValue()).isEqualTo(6);
    assertThat(t.get("SKIPPED_OTHER_TYPE").longValue()).isEqualTo(1);
    assertThat(t.get("REFUSED_TOO_LARGE").longValue()).isEqualTo(1);
    assertThat(t.get("TRUNCATED").longValue()).isEqualTo(1);

    // a rerun into the published output needs --overwrite, then replaces it whole
    ColonyCli again = ColonyCli.run(conf, "thumbnails", "--input", uploads.toString(),
        "--output", out.toString());
    assertThat(again.exit).isEqualTo(ExitCode.USAGE);
    assertThat(again.err).contains("output exists");
    ColonyCli overwrite = ColonyCli.run(conf, "thumbnails", "--input", uploads.toString(),
        "--output", out.toString(), "--overwrite");
    assertThat(overwrite.exit).as(overwrite.toString()).isZero();
    assertThat(out.resolve("thumbs/128/alice/cat.jpg.jpg")).exists();
    assertThat(out.resolve("thumbs/200")).doesNotExist();
  }

  @Test
  void badSizesAreOneLineAndExitTwo() throws Exception {
    Path out = tmp.resolve("out");
    for (String sizes : new String[] {"0", "abc", "128,,512", "4096"}) {
      ColonyCli r = ColonyCli.run(conf, "thumbnails", "--input", uploads.toString(), "--output",
          out.toString(), "--sizes", sizes);
      assertThat(r.exit).as(r.toString()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err.strip().lines().count()).as(r.toString()).isEqualTo(1);
      assertThat(r.err).contains("--sizes").doesNotContain("Exception", "\tat ");
      assertThat(out).doesNotExist();
    }
    ColonyCli limit = ColonyCli.run(conf, "thumbnails", "-D", "colony.thumbnails.max.pixels=-1",
        "--input", uploads.toString(), "--output", out.toString());
    assertThat(limit.exit).as(limit.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(limit.err).contains("colony.thumbnails.max.pixels");
  }
}
