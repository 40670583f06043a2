package org.colony.minicluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.colony.minicluster.MiniClusters.colony;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.colony.driver.ExitCode;
import org.colony.driver.Manifest;
import org.colony.testing.LocalHadoop;
import org.colony.testing.TestImages;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * colony thumbnails on MiniDFS + MiniYARN: uploads on HDFS (each format, an EXIF rotation, a
 * transparent PNG, a truncated and a declared-huge PNG, a text file, a name with a tab and a
 * newline) read combined in one map task, run in the AppMaster's YARN container (uber mode, to
 * save a container's start); thumbnails committed from the task's work folder, then published;
 * the same rows and thumbnail files as the embedded run.
 */
class ThumbnailsOnMiniClusterTest {
  private static final String THUMBNAILS = "path\tsize_px\twidth\theight\tbytes\tthumbnail";
  private static final String PROBLEMS = "path\treason\tdetail";
  private static final String HOSTILE = "eve/tab\there new\nline ünïcødé.png";

  @TempDir
  static Path base;
  static MiniClusters clusters;
  static Path uploads;

  @BeforeAll
  static void start() throws Exception {
    uploads = base.resolve("uploads");
    write("alice/cat.jpg", TestImages.encoded("jpeg", 1600, 1200));
    write("alice/portrait.jpg", TestImages.withExifOrientation(TestImages.encoded("jpeg", 900,
        600), 6, false));
    write("bob/logo.png", TestImages.transparentPng(640, 320));
    write("bob/anim.gif", TestImages.encoded("gif", 300, 300));
    write("bob/scan.bmp", TestImages.encoded("bmp", 800, 600));
    byte[] png = TestImages.transparentPng(400, 300);
    write("carol/broken.png", TestImages.truncated(png, png.length - 300));
    write("carol/bomb.png", TestImages.declaredHugePng(60_000, 60_000));
    write("carol/notes.txt", "not an image\n".getBytes(StandardCharsets.UTF_8));
    write(HOSTILE, TestImages.encoded("png", 256, 128));
    clusters = MiniClusters.shared();
    clusters.fs().copyFromLocalFile(new org.apache.hadoop.fs.Path(uploads.toUri()),
        new org.apache.hadoop.fs.Path("/uploads"));
  }

  private static void write(String relative, byte[] b) throws IOException {
    Path p = uploads.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.write(p, b);
  }

  @AfterAll
  static void stop() throws Exception {
    if (clusters != null) {
      clusters.close();
    }
  }

  @Test
  void thumbnailsOnHdfsEqualTheEmbeddedRun() throws Exception {
    FileSystem fs = clusters.fs();
    StringBuilder log = new StringBuilder();
    // one combined split, run in the AppMaster's container (uber): one container JVM, not two
    int code = colony(clusters.conf(), log, "thumbnails", "-D", "colony.input.combine=true",
        "-D", "mapreduce.job.ubertask.enable=true", "--input", "/uploads", "--output",
        "/reports/thumbs");
    assertThat(code).as(log.toString()).isEqualTo(ExitCode.OK);
    assertThat(log).contains("thumbnails succeeded", "map-only job: no reducers", "read combined");
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path("/reports/thumbs");
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(out, "_SUCCESS"))).isTrue();
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(out, "_temporary"))).isFalse();
    assertThat(fs.listStatus(new org.apache.hadoop.fs.Path("/reports"))).hasSize(1);
    Map<String, Object> manifest = Manifest.read(fs, out);
    assertThat((String) manifest.get("hadoopJobId")).startsWith("job_").doesNotContain("local");

    BufferedImage cat = read(fs, "/reports/thumbs/thumbs/512/alice/cat.jpg.jpg");
    assertThat(new int[] {cat.getWidth(), cat.getHeight()}).containsExactly(512, 384);
    BufferedImage portrait = read(fs, "/reports/thumbs/thumbs/512/alice/portrait.jpg.jpg");
    assertThat(new int[] {portrait.getWidth(), portrait.getHeight()}).containsExactly(341, 512);
    BufferedImage logo = read(fs, "/reports/thumbs/thumbs/128/bob/logo.png.png");
    assertThat(logo.getColorModel().hasAlpha()).isTrue();
    BufferedImage hostile = read(fs, "/reports/thumbs/thumbs/128/" + HOSTILE + ".jpg");
    assertThat(new int[] {hostile.getWidth(), hostile.getHeight()}).containsExactly(128, 64);

    Path copy = base.resolve("copy");
    fs.copyToLocalFile(out, new org.apache.hadoop.fs.Path(copy.toUri()));
    Path embedded = base.resolve("embedded");
    StringBuilder local = new StringBuilder();
    int localCode = colony(LocalHadoop.conf(base.resolve("local")), local, "thumbnails",
        "--input", uploads.toString(), "--output", embedded.toString());
    assertThat(localCode).as(local.toString()).isEqualTo(ExitCode.OK);

    List<String> want = sorted(TsvFiles.rows(embedded.resolve("thumbnails"), THUMBNAILS));
    assertThat(want).hasSize(12);
    assertThat(sorted(TsvFiles.rows(copy.resolve("thumbnails"), THUMBNAILS))).isEqualTo(want);
    List<String> problems = sorted(TsvFiles.rows(copy.resolve("problems"), PROBLEMS));
    assertThat(problems).isEqualTo(sorted(TsvFiles.rows(embedded.resolve("problems"),
        PROBLEMS)));
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).startsWith("carol/bomb.png\tREFUSED_TOO_LARGE\t");
    assertThat(problems.get(1)).startsWith("carol/broken.png\tTRUNCATED\t");
    assertThat(thumbFiles(fs, new org.apache.hadoop.fs.Path(out, "thumbs")))
        .hasSize(12).allMatch(f -> Files.exists(embedded.resolve("thumbs").resolve(f)));
  }

  private static BufferedImage read(FileSystem fs, String path) throws IOException {
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(path))) {
      return ImageIO.read(in);
    }
  }

  /** The files under {@code dir}, relative to it. */
  private static List<String> thumbFiles(FileSystem fs, org.apache.hadoop.fs.Path dir)
      throws IOException {
    List<String> files = new ArrayList<>();
    String prefix = fs.makeQualified(dir).toUri().getPath() + "/";
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      files.add(it.next().getPath().toUri().getPath().substring(prefix.length()));
    }
    return files;
  }

  private static List<String> sorted(List<String> rows) {
    List<String> l = new ArrayList<>(rows);
    Collections.sort(l);
    return l;
  }
}
