package org.colony.jobs.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.io.fs.NioLocalFileSystem;
import org.colony.io.uploads.CombinedUploadInputFormat;
import org.colony.jobs.common.Tsv;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Paths;
import org.colony.testing.TestImages;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * thumbnails through LocalJobRunner over a tree of images made here (each format, an EXIF
 * rotation, transparency, a truncated PNG, a declared-huge PNG, other types, hostile names), and
 * over the real fixtures of ../shared/realdata/uploads/file_type_fixtures.
 */
class ThumbnailsJobTest {
  /** A file name with a tab, a newline, a backslash and non-ASCII letters. */
  static final String HOSTILE = "eve/tab\there new\nline \\ ünïcødé.png";

  @TempDir
  Path tmp;

  private final ThumbnailsSpec spec = new ThumbnailsSpec();

  private Job run(Path in, Path out, Consumer<Configuration> settings) throws Exception {
    return run(in, out, settings, j -> { });
  }

  private Job run(Path in, Path out, Consumer<Configuration> settings, Consumer<Job> after)
      throws Exception {
    Configuration conf = LocalHadoop.conf(tmp);
    settings.accept(conf);
    Job job = Job.getInstance(conf, "thumbnails test");
    job.getConfiguration().setBoolean(FileInputFormat.INPUT_DIR_RECURSIVE, true);
    FileInputFormat.setInputPaths(job, new org.apache.hadoop.fs.Path(in.toUri()));
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(out.toUri()));
    spec.configure(job);
    after.accept(job);
    assertThat(job.waitForCompletion(false)).as("job succeeded").isTrue();
    return job;
  }

  /** Writes the test tree; returns what each image should become (path -> sizes) . */
  static Map<String, int[][]> writeTree(Path root) throws IOException {
    Map<String, int[][]> images = new TreeMap<>();
    write(root, "alice/photos/cat.jpg", TestImages.encoded("jpeg", 640, 480));
    images.put("alice/photos/cat.jpg", new int[][] {{128, 96}, {512, 384}});
    write(root, "alice/photos/rotated.jpg", TestImages.withExifOrientation(
        TestImages.encoded("jpeg", 800, 400), 6, false));
    images.put("alice/photos/rotated.jpg", new int[][] {{64, 128}, {256, 512}});
    write(root, "bob/logo.png", TestImages.transparentPng(300, 200));
    images.put("bob/logo.png", new int[][] {{128, 85}, {300, 200}});
    write(root, "bob/anim.gif", TestImages.encoded("gif", 100, 700));
    images.put("bob/anim.gif", new int[][] {{18, 128}, {73, 512}});
    write(root, "carol/scan.bmp", TestImages.encoded("bmp", 1024, 768));
    images.put("carol/scan.bmp", new int[][] {{128, 96}, {512, 384}});
    write(root, "dave/really-a-png.txt", TestImages.encoded("png", 50, 40));
    images.put("dave/really-a-png.txt", new int[][] {{50, 40}, {50, 40}});
    write(root, "dave/up..dir/sneaky..png", TestImages.encoded("png", 20, 10));
    images.put("dave/up..dir/sneaky..png", new int[][] {{20, 10}, {20, 10}});
    write(root, HOSTILE, TestImages.encoded("png", 256, 256));
    images.put(HOSTILE, new int[][] {{128, 128}, {256, 256}});
    byte[] broken = TestImages.transparentPng(400, 300);
    write(root, "carol/broken.png", TestImages.truncated(broken, broken.length - 300));
    write(root, "carol/bomb.png", TestImages.declaredHugePng(60_000, 60_000));
    write(root, "dave/notes.txt", "not an image\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    write(root, "dave/fake.jpg", "<html>a web page named .jpg</html>".getBytes(
        java.nio.charset.StandardCharsets.UTF_8));
    return images;
  }

  private static void write(Path root, String relative, byte[] b) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.write(p, b);
  }

  /** Every regular file under {@code dir}, relative, with its size. */
  private static Map<String, Long> files(Path dir) throws IOException {
    Map<String, Long> m = new TreeMap<>();
    if (!Files.exists(dir)) {
      return m;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), Files.size(p));
      }
    }
    return m;
  }

  @Test
  void treeOfImagesGetsThumbnailsAndProblemsAreListed() throws Exception {
    Path in = tmp.resolve("uploads");
    Map<String, int[][]> images = writeTree(in);
    Map<String, Long> inputBefore = files(in);
    Path out = tmp.resolve("out");
    Job job = run(in, out, c -> { });

    // thumbnails: the file of every row exists, with the row's dimensions and size
    List<String> rows = TsvFiles.rows(out.resolve("thumbnails"), ThumbnailsSpec.THUMBNAILS
        .header());
    assertThat(rows).hasSize(2 * images.size());
    Map<String, List<int[]>> seen = new HashMap<>();
    Set<String> listedFiles = new HashSet<>();
    for (String row : rows) {
      String[] c = row.split("\t", -1);
      assertThat(c).hasSize(6);
      String path = new String(Tsv.unescape(c[0]), java.nio.charset.StandardCharsets.UTF_8);
      int size = Integer.parseInt(c[1]);
      String thumb = new String(Tsv.unescape(c[5]), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(thumb).startsWith("thumbs/" + size + "/" + path + ".");
      Path file = out.resolve(thumb);
      assertThat(Files.size(file)).as(thumb).isEqualTo(Long.parseLong(c[4]));
      BufferedImage img = ImageIO.read(file.toFile());
      assertThat(img.getWidth()).as(thumb).isEqualTo(Integer.parseInt(c[2]));
      assertThat(img.getHeight()).as(thumb).isEqualTo(Integer.parseInt(c[3]));
      seen.computeIfAbsent(path, k -> new ArrayList<>()).add(new int[] {size, img.getWidth(),
          img.getHeight()});
      listedFiles.add(thumb);
    }
    assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(images.keySet());
    for (Map.Entry<String, int[][]> e : images.entrySet()) {
      List<int[]> got = seen.get(e.getKey());
      got.sort((a, b) -> Integer.compare(a[0], b[0]));
      assertThat(got.get(0)).as(e.getKey()).containsExactly(128, e.getValue()[0][0],
          e.getValue()[0][1]);
      assertThat(got.get(1)).as(e.getKey()).containsExactly(512, e.getValue()[1][0],
          e.getValue()[1][1]);
    }
    assertThat(out.resolve("thumbs/128/bob/logo.png.png")).exists(); // transparent: PNG
    assertThat(out.resolve("thumbs/512/alice/photos/cat.jpg.jpg")).exists();
    assertThat(out.resolve("thumbs/128/" + HOSTILE + ".jpg")).exists();
    assertThat(out.resolve("thumbs/512/dave/up..dir/sneaky..png.jpg")).exists();
    assertThat(rows).anyMatch(r -> r.startsWith("eve/tab\\there new\\nline \\\\ ünïcødé.png\t"));

    // problems: the truncated and the declared-huge PNG, with reasons; other types not listed
    List<String> problems = TsvFiles.rows(out.resolve("problems"), ThumbnailsSpec.PROBLEMS
        .header());
    Map<String, String[]> byPath = new TreeMap<>();
    problems.forEach(p -> byPath.put(p.split("\t")[0], p.split("\t", -1)));
    assertThat(byPath.keySet()).containsExactly("carol/bomb.png", "carol/broken.png");
    assertThat(byPath.get("carol/bomb.png")[1]).isEqualTo("REFUSED_TOO_LARGE");
    assertThat(byPath.get("carol/bomb.png")[2]).contains("60000x60000");
    assertThat(byPath.get("carol/broken.png")[1]).isEqualTo("TRUNCATED");

    Counters c = job.getCounters();
    assertThat(c.findCounter(RecordCounters.RECORDS_IN).getValue()).isEqualTo(12);
    assertThat(c.findCounter(RecordCounters.RECORDS_PARSED).getValue()).isEqualTo(12);
    assertThat(count(c, ThumbnailsCounters.IMAGES)).isEqualTo(10);
    assertThat(count(c, ThumbnailsCounters.SKIPPED_OTHER_TYPE)).isEqualTo(2);
    assertThat(count(c, ThumbnailsCounters.THUMBNAILED)).isEqualTo(8);
    assertThat(count(c, ThumbnailsCounters.THUMBNAILS_WRITTEN)).isEqualTo(16);
    assertThat(count(c, ThumbnailsCounters.REFUSED_TOO_LARGE)).isEqualTo(1);
    assertThat(count(c, ThumbnailsCounters.TRUNCATED)).isEqualTo(1);
    assertThat(count(c, ThumbnailsCounters.CORRUPT) + count(c, ThumbnailsCounters.UNSUPPORTED)
        + count(c, ThumbnailsCounters.REFUSED_PATH)).isZero();
    long thumbBytes = 0;
    for (String f : listedFiles) {
      thumbBytes += Files.size(out.resolve(f));
    }
    assertThat(count(c, ThumbnailsCounters.THUMBNAIL_BYTES)).isEqualTo(thumbBytes);

    // nothing outside the output (LocalJobRunner's own scratch aside), the input untouched,
    // and under the output only the listed thumbnails and the reports
    assertThat(files(in)).isEqualTo(inputBefore);
    assertThat(out.resolve("_temporary")).doesNotExist();
    Set<String> top = new TreeSet<>();
    try (Stream<Path> s = Files.list(tmp)) {
      s.forEach(p -> top.add(p.getFileName().toString()));
    }
    assertThat(top).contains("uploads", "out").isSubsetOf("uploads", "out", "hadoop-tmp");
    Map<String, Long> written = files(out);
    for (String f : written.keySet()) {
      if (isChecksumOf(f, written.keySet())) {
        continue; // the local file system's .NAME.crc beside each file
      }
      if (f.startsWith("thumbs/")) {
        assertThat(listedFiles).as(f).contains(f);
      } else {
        assertThat(f).matches("(thumbnails|problems)/part-m-\\d{5}|_SUCCESS");
      }
    }
  }

  /** A committer whose tasks are never committed: as if every attempt were lost or killed. */
  public static class UncommittedOutputFormat extends TextOutputFormat<NullWritable, Text> {
    @Override
    public synchronized OutputCommitter getOutputCommitter(TaskAttemptContext context)
        throws IOException {
      return new FileOutputCommitter(getOutputPath(context), context) {
        @Override
        public void commitTask(TaskAttemptContext task) throws IOException {
          abortTask(task);
        }
      };
    }
  }

  /**
   * Thumbnails are written into the task's work folder, not the output: when no task commits,
   * the output holds none of them.
   */
  @Test
  void thumbnailsAppearOnlyWhenTheirTaskCommits() throws Exception {
    Path in = tmp.resolve("uploads");
    writeTree(in);
    Path out = tmp.resolve("out");
    Job job = run(in, out, c -> { }, j -> LazyOutputFormat.setOutputFormatClass(j,
        UncommittedOutputFormat.class));
    assertThat(count(job.getCounters(), ThumbnailsCounters.THUMBNAILS_WRITTEN)).isEqualTo(16);
    assertThat(out.resolve("thumbs")).doesNotExist();
    assertThat(out.resolve("thumbnails")).doesNotExist();
    assertThat(files(out).keySet()).allMatch(f -> f.equals("_SUCCESS") || f.equals(
        "._SUCCESS.crc"));
  }

  /**
   * The local file system under the scheme {@code opens-once:}, where the second open of a file
   * fails as if it had been removed since the first.
   */
  public static class OpensOnce extends NioLocalFileSystem.Raw {
    private static final URI NAME = URI.create("opens-once:///");
    private final Set<String> opened = ConcurrentHashMap.newKeySet();

    @Override
    public URI getUri() {
      return NAME;
    }

    @Override
    public FSDataInputStream open(org.apache.hadoop.fs.Path f, int bufferSize)
        throws IOException {
      if (!opened.add(f.toUri().getPath())) {
        throw new FileNotFoundException(f + " (removed since)");
      }
      return super.open(f, bufferSize);
    }
  }

  /** An image gone between its header and its decoding is listed, and the job goes on. */
  @Test
  void anImageRemovedBeforeDecodingIsUnreadable() throws Exception {
    Path in = tmp.resolve("uploads");
    write(in, "a/cat.png", TestImages.encoded("png", 64, 64));
    Path out = tmp.resolve("out");
    Configuration conf = LocalHadoop.conf(tmp);
    conf.set("fs.opens-once.impl", OpensOnce.class.getName());
    Job job = Job.getInstance(conf, "thumbnails test");
    job.getConfiguration().setBoolean(FileInputFormat.INPUT_DIR_RECURSIVE, true);
    FileInputFormat.setInputPaths(job, new org.apache.hadoop.fs.Path("opens-once://"
        + in.toUri().getPath()));
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(out.toUri()));
    spec.configure(job);
    assertThat(job.waitForCompletion(false)).isTrue();
    assertThat(count(job.getCounters(), ThumbnailsCounters.UNREADABLE)).isEqualTo(1);
    assertThat(count(job.getCounters(), ThumbnailsCounters.IMAGES)).isEqualTo(1);
    assertThat(TsvFiles.rows(out.resolve("problems"), ThumbnailsSpec.PROBLEMS.header()))
        .singleElement().asString().startsWith("a/cat.png\tUNREADABLE\t").contains("removed");
    assertThat(out.resolve("thumbs")).doesNotExist();
  }

  @Test
  void combinedInputGivesTheSameRows() throws Exception {
    Path in = tmp.resolve("uploads");
    writeTree(in);
    Job plain = run(in, tmp.resolve("plain"), c -> { });
    Job combined = run(in, tmp.resolve("combined"), c -> c.set(InputKeys.COMBINE.name(),
        "true"));
    assertThat(combined.getInputFormatClass()).isEqualTo(CombinedUploadInputFormat.class);
    for (String report : new String[] {"thumbnails", "problems"}) {
      String header = report.equals("thumbnails") ? ThumbnailsSpec.THUMBNAILS.header()
          : ThumbnailsSpec.PROBLEMS.header();
      assertThat(new TreeSet<>(TsvFiles.rows(tmp.resolve("combined/" + report), header)))
          .isEqualTo(new TreeSet<>(TsvFiles.rows(tmp.resolve("plain/" + report), header)));
    }
    assertThat(files(tmp.resolve("combined/thumbs"))).isEqualTo(files(tmp.resolve(
        "plain/thumbs")));
    assertThat(count(combined.getCounters(), ThumbnailsCounters.THUMBNAILED)).isEqualTo(
        count(plain.getCounters(), ThumbnailsCounters.THUMBNAILED));
  }

  @Test
  void sizesAndPixelLimitAreConfigurable() throws Exception {
    Path in = tmp.resolve("uploads");
    writeTree(in);
    Path out = tmp.resolve("out");
    Job job = run(in, out, c -> {
      ThumbnailsKeys.setSizes(c, 64);
      ThumbnailsKeys.MAX_PIXELS.set(c, "500000"); // the 1024x768 scan is over
    });
    assertThat(out.resolve("thumbs/64/alice/photos/cat.jpg.jpg")).exists();
    assertThat(out.resolve("thumbs/128")).doesNotExist();
    assertThat(count(job.getCounters(), ThumbnailsCounters.REFUSED_TOO_LARGE)).isEqualTo(2);
    assertThat(TsvFiles.rows(out.resolve("problems"), ThumbnailsSpec.PROBLEMS.header()))
        .anyMatch(r -> r.startsWith("carol/scan.bmp\tREFUSED_TOO_LARGE\tdeclares 1024x768"));
  }

  /**
   * The real fixtures of sindresorhus/file-type: no failure; every file whose magic bytes are
   * those of a JPEG, PNG, GIF or BMP is either thumbnailed or listed, and the labelled-corrupt
   * PNG is listed.
   */
  @Test
  void realFixturesEachImageThumbnailedOrListed() throws Exception {
    Path fixtures = Paths.realdata("uploads/file_type_fixtures");
    Set<String> images = new TreeSet<>();
    int files = 0;
    try (Stream<Path> s = Files.list(fixtures)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("_") || name.startsWith(".")) {
          continue; // Hadoop skips them
        }
        files++;
        if (looksLikeImage(p)) {
          images.add(name);
        }
      }
    }
    assertThat(images).contains("fixture.jpg", "fixture.png", "fixture.gif", "fixture.bmp",
        "fixture-corrupt.png");
    Path out = tmp.resolve("out");
    Job job = run(fixtures, out, c -> { });

    Set<String> thumbnailed = new TreeSet<>();
    TsvFiles.rows(out.resolve("thumbnails"), ThumbnailsSpec.THUMBNAILS.header())
        .forEach(r -> thumbnailed.add(r.split("\t")[0]));
    Map<String, String> listed = new TreeMap<>();
    TsvFiles.rows(out.resolve("problems"), ThumbnailsSpec.PROBLEMS.header())
        .forEach(r -> listed.put(r.split("\t")[0], r.split("\t")[1]));
    Set<String> accounted = new TreeSet<>(thumbnailed);
    accounted.addAll(listed.keySet());
    assertThat(accounted).isEqualTo(images);
    assertThat(listed).containsEntry("fixture-corrupt.png", "CORRUPT");
    assertThat(thumbnailed).contains("fixture.jpg", "fixture.png", "fixture.gif", "fixture.bmp",
        "fixture-itxt.png", "fixture.apng");
    Counters c = job.getCounters();
    assertThat(c.findCounter(RecordCounters.RECORDS_IN).getValue()).isEqualTo(files);
    assertThat(count(c, ThumbnailsCounters.IMAGES)).isEqualTo(images.size());
    assertThat(count(c, ThumbnailsCounters.THUMBNAILED)).isEqualTo(thumbnailed.size());
    System.out.printf("realdata file_type_fixtures: %d files, %d images: %d thumbnailed, "
        + "%d refused too large, %d corrupt, %d truncated, %d unsupported; listed %s%n", files,
        images.size(), thumbnailed.size(), count(c, ThumbnailsCounters.REFUSED_TOO_LARGE),
        count(c, ThumbnailsCounters.CORRUPT), count(c, ThumbnailsCounters.TRUNCATED),
        count(c, ThumbnailsCounters.UNSUPPORTED), listed);
  }

  /** JPEG, PNG, GIF or BMP magic, checked here independently of ImageFormat. */
  private static boolean looksLikeImage(Path p) throws IOException {
    byte[] b = new byte[8];
    int n;
    try (InputStream in = Files.newInputStream(p)) {
      n = in.readNBytes(b, 0, 8);
    }
    String ascii = new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    return n >= 3 && ascii.startsWith("\u00FF\u00D8\u00FF")
        || ascii.startsWith("\u0089PNG\r\n\u001A\n") || ascii.startsWith("GIF8")
        || ascii.startsWith("BM") && Files.size(p) > 26;
  }

  /** Whether {@code f} is the checksum file .NAME.crc of a file NAME beside it. */
  private static boolean isChecksumOf(String f, Set<String> all) {
    int slash = f.lastIndexOf('/');
    String name = f.substring(slash + 1);
    return name.startsWith(".") && name.endsWith(".crc")
        && all.contains(f.substring(0, slash + 1) + name.substring(1, name.length() - 4));
  }

  private static long count(Counters c, ThumbnailsCounters name) {
    return c.findCounter(name).getValue();
  }
}
