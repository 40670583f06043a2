package org.colony.jobs.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.DefaultCodec;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.colony.io.RecordCounters;
import org.colony.io.RejectReason;
import org.colony.io.uploads.PackFiles;
import org.colony.io.uploads.PackedUpload;
import org.colony.jobs.UploadTrees;
import org.colony.jobs.UploadTrees.Facts;
import org.colony.jobs.common.RejectSink;
import org.colony.jobs.common.Tsv;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * uploads-pack and uploads-unpack through LocalJobRunner: pack -> unpack gives back every file
 * byte for byte (checked with java.security and java.nio, not with Colony) with its time, and the
 * same set of paths; index offsets find each record; 10,000 small files make one or two map
 * tasks; large files are listed, not packed; hostile packs restore nothing outside the folder.
 */
class PackJobTest {
  private static final String INDEX = PackReports.INDEX.header();
  private static final String LARGE = PackReports.LARGE.header();

  @TempDir
  Path tmp;

  private Job pack(Path in, Path out, String packBytes, String maxFileSize) throws Exception {
    return UploadTrees.run(new PackSpec(), tmp, out, 0, conf -> {
      conf.set(PackKeys.PACK_BYTES.name(), packBytes);
      if (maxFileSize != null) {
        conf.set(PackKeys.MAX_FILE_SIZE.name(), maxFileSize);
      }
    }, in);
  }

  private Job unpack(Path packs, Path out) throws Exception {
    return UploadTrees.run(new UnpackSpec(), tmp, out, 0, conf -> { }, packs);
  }

  /** Every restored file is the original, bytes and time, and no other file is there. */
  private static void assertRestored(Map<String, Facts> original, Path restored)
      throws Exception {
    Map<String, Facts> back = UploadTrees.walk(restored);
    assertThat(back.keySet()).containsExactlyElementsOf(original.keySet());
    for (Facts f : original.values()) {
      Facts b = back.get(f.path());
      assertThat(b.size()).as(f.path()).isEqualTo(f.size());
      assertThat(b.sha256()).as(f.path()).isEqualTo(f.sha256());
      assertThat(b.mtime()).as("mtime of %s", f.path()).isEqualTo(f.mtime());
    }
    try (Stream<Path> s = Files.walk(restored)) {
      assertThat(s.filter(p -> p.getFileName().toString().endsWith(".crc")))
          .as("no checksum files beside restored files")
          .allMatch(p -> restored.relativize(p).toString().startsWith("_")
              || restored.relativize(p).getFileName().toString().startsWith("._"));
    }
  }

  @Test
  void sampleUploadsPackIntoSeveralPacksAndUnpackByteIdentical() throws Exception {
    Path uploads = Paths.sampleData("uploads");
    Map<String, Facts> original = UploadTrees.walk(uploads);
    Path packs = tmp.resolve("packs");
    Job job = pack(uploads, packs, "8k", null);
    Counters c = job.getCounters();
    assertThat(c.findCounter(PackCounters.FILES_PACKED).getValue()).isEqualTo(original.size());
    assertThat(c.findCounter(PackCounters.BYTES_PACKED).getValue())
        .isEqualTo(original.values().stream().mapToLong(Facts::size).sum());
    assertThat(c.findCounter(PackCounters.PACK_FILES).getValue()).as("8k packs").isGreaterThan(3);
    assertThat(c.findCounter(PackCounters.FILES_LARGE).getValue()).isZero();

    // the index: one row per file, its hash, and the record where the row says
    Configuration conf = new Configuration();
    PackedUpload v = new PackedUpload();
    Map<String, String[]> index = new TreeMap<>();
    for (String row : TsvFiles.rows(packs.resolve("index"), INDEX)) {
      String[] col = row.split("\t", -1);
      String path = new String(Tsv.unescape(col[0]), StandardCharsets.UTF_8);
      assertThat(index.put(path, col)).as("one row for %s", path).isNull();
      Facts f = original.get(path);
      assertThat(f).as(path).isNotNull();
      assertThat(col[3]).isEqualTo(String.valueOf(f.size()));
      assertThat(col[4]).isEqualTo(f.sha256());
      assertThat(col[1]).matches("packs/pack-\\d{5}-\\d{3}\\.seq");
      assertThat(PackFiles.read(conf, new org.apache.hadoop.fs.Path(
          packs.resolve(col[1]).toUri()), Long.parseLong(col[2]), new Text(path), v))
          .as("%s at %s:%s", path, col[1], col[2]).isTrue();
      assertThat(v.sha256Hex()).isEqualTo(f.sha256());
      assertThat(v.owner().toString()).isEqualTo(f.owner());
      assertThat(v.modificationTime()).isEqualTo(f.mtime());
    }
    assertThat(index.keySet()).containsExactlyElementsOf(original.keySet());
    try (Stream<Path> s = Files.list(packs.resolve("packs"))) {
      List<Path> files = s.toList();
      assertThat(files).allMatch(p -> PackFiles.isPack(new org.apache.hadoop.fs.Path(
          p.toUri())), "only pack files, no .crc");
      assertThat(files).allMatch(p -> p.toFile().length() <= 8 * 1024 + 8 * 1024,
          "about the pack size (one record may pass it)");
    }

    Path restored = tmp.resolve("restored");
    Job u = unpack(packs, restored);
    assertRestored(original, restored);
    assertThat(u.getCounters().findCounter(UnpackCounters.FILES_RESTORED).getValue())
        .isEqualTo(original.size());
    assertThat(u.getCounters().findCounter(RecordCounters.RECORDS_REJECTED).getValue()).isZero();
    assertThat(TsvFiles.rows(restored.resolve("_restored"), PackReports.RESTORED.header()))
        .hasSize(original.size());
  }

  @Test
  void tenThousandSmallFilesMakeOneOrTwoMapTasksAndAreAllInThePacks() throws Exception {
    Path many = tmp.resolve("many");
    Map<String, String> sha = new TreeMap<>();
    long bytes = 0;
    java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < 10_000; i++) {
      String path = "user" + (i % 100) + "/f" + i + ".txt";
      byte[] b = ("upload number " + i + "\n").repeat(1 + i % 50)
          .getBytes(StandardCharsets.UTF_8);
      UploadTrees.write(many, path, b);
      sha.put(path, java.util.HexFormat.of().formatHex(md.digest(b)));
      bytes += b.length;
    }
    Path packs = tmp.resolve("packs");
    Counters c = pack(many, packs, "0", null).getCounters();
    long tasks = c.findCounter(PackCounters.TASKS).getValue();
    System.out.printf("10,000 small files, %,d bytes: %d map task(s), %d pack file(s), "
        + "%,d bytes packed%n", bytes, tasks, c.findCounter(PackCounters.PACK_FILES).getValue(),
        c.findCounter(PackCounters.PACK_BYTES).getValue());
    // the combined input at the pack size (the local block size, 32 MB): one split, where the
    // plain format would make 10,000
    assertThat(tasks).isBetween(1L, 2L);
    assertThat(c.findCounter(PackCounters.FILES_PACKED).getValue()).isEqualTo(10_000);
    assertThat(c.findCounter(PackCounters.PACK_FILES).getValue()).isEqualTo(tasks);
    assertThat(c.findCounter(PackCounters.PACK_BYTES).getValue()).as("text compresses")
        .isLessThan(bytes / 5);

    // every file is in the packs, once, with its bytes (read back without Colony's reader)
    Configuration conf = new Configuration();
    Map<String, String> packed = new TreeMap<>();
    try (Stream<Path> s = Files.list(packs.resolve("packs"))) {
      for (Path p : s.toList()) {
        try (SequenceFile.Reader r = new SequenceFile.Reader(conf,
            SequenceFile.Reader.file(new org.apache.hadoop.fs.Path(p.toUri())))) {
          Text key = new Text();
          PackedUpload v = new PackedUpload();
          while (r.next(key, v)) {
            md.update(v.content(), 0, v.contentLength());
            assertThat(packed.put(key.toString(), java.util.HexFormat.of().formatHex(
                md.digest()))).as("once: %s", key).isNull();
          }
        }
      }
    }
    assertThat(packed).isEqualTo(sha);
  }

  @Test
  void filesAboveTheCapAreListedNotPackedAndTheRestComesBack() throws Exception {
    Path uploads = Paths.sampleData("uploads");
    Map<String, Facts> original = UploadTrees.walk(uploads);
    Path packs = tmp.resolve("packs");
    Counters c = pack(uploads, packs, "0", "1k").getCounters();
    Map<String, Facts> small = new TreeMap<>();
    List<String> large = new ArrayList<>();
    original.forEach((p, f) -> {
      if (f.size() > 1024) {
        large.add(p.replace("\t", "\\t") + "\t" + f.owner() + "\t" + f.size() + "\t"
            + java.time.Instant.ofEpochMilli(f.mtime()));
      } else {
        small.put(p, f);
      }
    });
    assertThat(large).hasSize(6);
    assertThat(TsvFiles.rows(packs.resolve("large"), LARGE))
        .containsExactlyInAnyOrderElementsOf(large);
    assertThat(c.findCounter(PackCounters.FILES_LARGE).getValue()).isEqualTo(6);
    assertThat(c.findCounter(RecordCounters.BYTES_READ).getValue()).as("large files not read")
        .isEqualTo(small.values().stream().mapToLong(Facts::size).sum());
    Path restored = tmp.resolve("restored");
    unpack(packs, restored);
    assertRestored(small, restored);
  }

  @Test
  void realFixturesPackAndUnpackByteIdentical() throws Exception {
    Path root = Paths.realdata("uploads");
    Map<String, Facts> original = UploadTrees.walk(root);
    Path packs = tmp.resolve("packs");
    pack(root, packs, "1m", null);
    Path restored = tmp.resolve("restored");
    unpack(packs, restored);
    assertRestored(original, restored);
  }

  @Test
  void aHostilePackRestoresNothingOutsideTheFolderAndSaysSo() throws Exception {
    Path packs = tmp.resolve("packs/packs");
    Files.createDirectories(packs);
    Configuration conf = new Configuration();
    String[] keys = {"alice/ok.txt", "../escaped.txt", "../../escaped-too.txt", "/tmp/absolute.txt",
        "a/../../escaped-3.txt", "_SUCCESS", "_rejects/part-m-00000", ".hidden", "a//b",
        "a\\..\\..\\win.txt", "bob/also-ok.txt", "c:/drive.txt", "eve/new\nline.txt"};
    try (SequenceFile.Writer w = SequenceFile.createWriter(conf,
        SequenceFile.Writer.file(new org.apache.hadoop.fs.Path(packs.resolve("evil.seq")
            .toUri())),
        SequenceFile.Writer.keyClass(Text.class),
        SequenceFile.Writer.valueClass(PackedUpload.class),
        SequenceFile.Writer.compression(SequenceFile.CompressionType.BLOCK, new DefaultCodec()))) {
      for (String k : keys) {
        byte[] b = ("content of " + k).getBytes(StandardCharsets.UTF_8);
        w.append(new Text(k), new PackedUpload().set(b.length, 1_000_000_000_000L, new Text(),
            PackedUpload.digest(b, b.length), b, b.length));
      }
      // a path that is not UTF-8, and content whose hash was forged
      byte[] b = "x".getBytes(StandardCharsets.US_ASCII);
      Text latin1 = new Text();
      latin1.set(new byte[] {'c', 'a', 'f', (byte) 0xE9}, 0, 4);
      w.append(latin1, new PackedUpload().set(1, 0, new Text(), PackedUpload.digest(b, 1), b, 1));
      w.append(new Text("carol/forged.txt"), new PackedUpload().set(1, 0, new Text(),
          PackedUpload.digest("y".getBytes(StandardCharsets.US_ASCII), 1), b, 1));
    }
    Path work = tmp.resolve("work");
    Path restored = work.resolve("restored");
    Files.createDirectories(work);
    Job job = unpack(tmp.resolve("packs"), restored);

    Map<String, Facts> back = UploadTrees.walk(restored);
    assertThat(back.keySet()).containsExactlyInAnyOrder("alice/ok.txt", "bob/also-ok.txt",
        "eve/new\nline.txt");
    try (Stream<Path> s = Files.walk(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("escaped") || n.equals("absolute.txt")
              || n.contains("win.txt") || n.equals("forged.txt"));
    }
    assertThat(Path.of("/tmp/absolute.txt")).doesNotExist();
    Counters c = job.getCounters();
    assertThat(c.findCounter(RejectReason.UNSAFE_PATH).getValue()).isEqualTo(11);
    assertThat(c.findCounter(RejectReason.CONTENT_MISMATCH).getValue()).isEqualTo(1);
    assertThat(c.findCounter(UnpackCounters.FILES_RESTORED).getValue()).isEqualTo(3);
    List<String> rejects = TsvFiles.rows(restored.resolve(RejectSink.FOLDER),
        RejectSink.REPORT.header());
    assertThat(rejects).hasSize(12).anyMatch(r -> r.contains("UNSAFE_PATH\t'..' component: "
        + "../escaped.txt")).anyMatch(r -> r.contains("not UTF-8: caf\\xE9"))
        .anyMatch(r -> r.contains("CONTENT_MISMATCH\tSHA-256 differs: carol/forged.txt"))
        .noneMatch(r -> r.contains("content of"));
    assertThat(Files.readString(restored.resolve("_SUCCESS"))).isEmpty();
  }
}
