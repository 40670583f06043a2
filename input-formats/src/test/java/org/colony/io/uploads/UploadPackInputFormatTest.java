package org.colony.io.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.DefaultCodec;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.colony.io.CorruptInputException;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.io.RejectReason;
import org.colony.testing.CountingReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pack files read back: every record exactly once over tiny splits, hostile paths and content that
 * does not match its hash rejected (with the path, never the content), files that are not packs
 * refused before Hadoop instantiates the classes they name, damage skipped or fatal as configured,
 * and one record found from its index offset.
 */
class UploadPackInputFormatTest {
  @TempDir
  Path tmp;

  private final Configuration conf = new Configuration();

  /** What a test wrote: path -> content, in order. */
  private final Map<String, byte[]> written = new LinkedHashMap<>();
  private final Map<String, Long> offsets = new LinkedHashMap<>();

  private Path pack(String name, SequenceFile.CompressionType type, int records, long seed,
      String... hostile) throws IOException {
    Path p = tmp.resolve("packs").resolve(name);
    Files.createDirectories(p.getParent());
    Random r = new Random(seed);
    SequenceFile.Writer.Option compression = type == SequenceFile.CompressionType.NONE
        ? SequenceFile.Writer.compression(type)
        : SequenceFile.Writer.compression(type, new DefaultCodec());
    try (SequenceFile.Writer w = SequenceFile.createWriter(conf,
        SequenceFile.Writer.file(new org.apache.hadoop.fs.Path(p.toUri())),
        SequenceFile.Writer.keyClass(Text.class),
        SequenceFile.Writer.valueClass(PackedUpload.class), compression)) {
      PackedUpload v = new PackedUpload();
      for (int i = 0; i < records + hostile.length; i++) {
        boolean bad = i >= records;
        String key = bad ? hostile[i - records] : name + "/user" + (i % 7) + "/f" + i + ".bin";
        byte[] content = new byte[r.nextInt(3000)];
        r.nextBytes(content);
        // random bytes compress badly: several blocks per file
        v.set(content.length, 1_700_000_000_000L + i, new Text("user" + (i % 7)),
            PackedUpload.digest(content, content.length), content, content.length);
        if (!bad) {
          offsets.put(key, w.getLength());
          written.put(key, content);
        }
        w.append(new Text(key), v);
      }
    }
    return p;
  }

  private record Read(String key, boolean rejected, RejectReason reason, String line) {}

  private List<Read> readAll(Configuration c, CountingReporter counters, long maxSplit)
      throws Exception {
    Job job = Job.getInstance(c);
    FileInputFormat.addInputPath(job, new org.apache.hadoop.fs.Path(tmp.resolve("packs").toUri()));
    FileInputFormat.setInputDirRecursive(job, true);
    if (maxSplit > 0) {
      FileInputFormat.setMaxInputSplitSize(job, maxSplit);
      job.getConfiguration().setLong("fs.local.block.size", maxSplit);
    }
    UploadPackInputFormat format = new UploadPackInputFormat();
    List<InputSplit> splits = format.getSplits(job);
    if (maxSplit > 0) {
      assertThat(splits.size()).as("tiny splits").isGreaterThan(4);
    }
    List<Read> reads = new ArrayList<>();
    for (InputSplit s : splits) {
      TaskAttemptContextImpl ctx = new TaskAttemptContextImpl(job.getConfiguration(),
          new TaskAttemptID(), counters);
      RecordReader<Text, PackedUpload> reader = format.createRecordReader(s, ctx);
      reader.initialize(s, ctx);
      while (reader.nextKeyValue()) {
        PackedUpload v = reader.getCurrentValue();
        String key = reader.getCurrentKey().toString();
        if (v.isRejected()) {
          reads.add(new Read(key, true, v.reject().reason(),
              new String(v.reject().line().copyBytes(), StandardCharsets.UTF_8)));
        } else {
          assertThat(java.util.Arrays.equals(v.content(), 0, v.contentLength(), written.get(key),
              0, written.get(key).length)).as("content of %s", key).isTrue();
          reads.add(new Read(key, false, null, null));
        }
      }
      reader.close();
    }
    return reads;
  }

  @Test
  void everyRecordOnceOverTinySplitsWithHostilePathsRejected() throws Exception {
    pack("a.seq", SequenceFile.CompressionType.BLOCK, 300, 1, "../../etc/passwd", "/abs/x",
        "_SUCCESS", "ok/../../x");
    pack("b.seq", SequenceFile.CompressionType.NONE, 200, 2, "a//b");
    Files.writeString(tmp.resolve("packs/index.tsv"), "not a pack: ignored\n");
    Configuration c = new Configuration(conf);
    c.setInt("io.seqfile.compress.blocksize", 20_000);
    CountingReporter counters = new CountingReporter();
    List<Read> reads = readAll(c, counters, 64 * 1024);

    List<String> good = reads.stream().filter(r -> !r.rejected()).map(Read::key).toList();
    assertThat(good).containsExactlyInAnyOrderElementsOf(written.keySet());
    List<Read> bad = reads.stream().filter(Read::rejected).toList();
    assertThat(bad).extracting(Read::reason).containsOnly(RejectReason.UNSAFE_PATH).hasSize(5);
    assertThat(bad).extracting(Read::line).containsExactlyInAnyOrder(
        "'..' component: ../../etc/passwd", "absolute path: /abs/x",
        "hidden component: _SUCCESS", "'..' component: ok/../../x", "empty component: a//b");
    assertThat(counters.get(RecordCounters.RECORDS_IN)).isEqualTo(505);
    assertThat(counters.get(RecordCounters.RECORDS_PARSED)).isEqualTo(500);
    assertThat(counters.get(RejectReason.UNSAFE_PATH)).isEqualTo(5);
    assertThat(counters.get(RecordCounters.BYTES_READ)).isEqualTo(
        written.values().stream().mapToLong(b -> b.length).sum());
  }

  @Test
  void contentThatDoesNotMatchItsRecordedHashIsRejected() throws Exception {
    Path p = tmp.resolve("packs/bad.seq");
    Files.createDirectories(p.getParent());
    try (SequenceFile.Writer w = SequenceFile.createWriter(conf,
        SequenceFile.Writer.file(new org.apache.hadoop.fs.Path(p.toUri())),
        SequenceFile.Writer.keyClass(Text.class),
        SequenceFile.Writer.valueClass(PackedUpload.class))) {
      byte[] content = "secret content".getBytes(StandardCharsets.UTF_8);
      byte[] sha = PackedUpload.digest("other".getBytes(StandardCharsets.UTF_8), 5);
      w.append(new Text("alice/a.txt"), new PackedUpload().set(content.length, 0, new Text(),
          sha, content, content.length));
      w.append(new Text("alice/b.txt"), new PackedUpload().set(99, 0, new Text(),
          PackedUpload.digest(content, content.length), content, content.length));
    }
    CountingReporter counters = new CountingReporter();
    List<Read> reads = readAll(conf, counters, 0);
    assertThat(reads).extracting(Read::reason).containsOnly(RejectReason.CONTENT_MISMATCH);
    assertThat(reads).extracting(Read::line).containsExactly("SHA-256 differs: alice/a.txt",
        "size 99 but 14 bytes: alice/b.txt");
    assertThat(counters.get(RejectReason.CONTENT_MISMATCH)).isEqualTo(2);
  }

  /** Set if Hadoop ever loads this class: a pack must not make the reader instantiate it. */
  static boolean loaded;

  /** A Writable whose static initializer marks that it ran. */
  public static final class Trap extends BytesWritable {
    static {
      loaded = true;
    }
  }

  @Test
  void aSequenceFileOfOtherClassesIsRefusedBeforeItsClassesAreLoaded() throws Exception {
    Path p = tmp.resolve("packs/evil.seq");
    Files.createDirectories(p.getParent());
    // the header names the classes; write it with a neutral value class, then rename it in the
    // file's bytes, so that this test does not load the trap itself
    try (SequenceFile.Writer w = SequenceFile.createWriter(conf,
        SequenceFile.Writer.file(new org.apache.hadoop.fs.Path(p.toUri())),
        SequenceFile.Writer.keyClass(Text.class),
        SequenceFile.Writer.valueClass(BytesWritable.class))) {
      w.append(new Text("x"), new BytesWritable(new byte[] {1, 2, 3}));
    }
    byte[] b = Files.readAllBytes(p);
    String header = new String(b, StandardCharsets.ISO_8859_1);
    String from = BytesWritable.class.getName();
    String to = Trap.class.getName();
    int at = header.indexOf(from);
    byte[] evil = new byte[b.length - from.length() + to.length()];
    System.arraycopy(b, 0, evil, 0, at - 1);
    evil[at - 1] = (byte) to.length();
    System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, evil, at, to.length());
    System.arraycopy(b, at + from.length(), evil, at + to.length(), b.length - at - from.length());
    Files.write(p, evil);
    Files.delete(tmp.resolve("packs/.evil.seq.crc"));

    CountingReporter counters = new CountingReporter();
    List<Read> reads = readAll(conf, counters, 0);
    assertThat(reads).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RejectReason.CORRUPT_FILE);
      assertThat(r.line()).contains("not of paths -> packed uploads");
    });
    assertThat(counters.get(RecordCounters.FILES_CORRUPT)).isEqualTo(1);
    assertThat(loaded).as("the trap class was never loaded").isFalse();

    Configuration fail = new Configuration(conf);
    fail.set(InputKeys.CORRUPT.name(), "fail");
    assertThatThrownBy(() -> readAll(fail, new CountingReporter(), 0))
        .isInstanceOf(CorruptInputException.class).hasMessageContaining("evil.seq");
    assertThat(loaded).isFalse();
  }

  @Test
  void aTruncatedPackYieldsWhatPrecedesTheDamageThenACorruptFileReject() throws Exception {
    Configuration c = new Configuration(conf);
    c.setInt("io.seqfile.compress.blocksize", 20_000);
    conf.setInt("io.seqfile.compress.blocksize", 20_000);
    Path p = pack("t.seq", SequenceFile.CompressionType.BLOCK, 100, 3);
    byte[] b = Files.readAllBytes(p);
    Files.write(p, java.util.Arrays.copyOf(b, b.length * 2 / 3));
    Files.delete(tmp.resolve("packs/.t.seq.crc"));
    CountingReporter counters = new CountingReporter();
    List<Read> reads = readAll(c, counters, 0);
    long good = reads.stream().filter(r -> !r.rejected()).count();
    assertThat(good).isBetween(30L, 80L);
    assertThat(reads.get(reads.size() - 1).reason()).isEqualTo(RejectReason.CORRUPT_FILE);
    assertThat(counters.get(RecordCounters.FILES_CORRUPT)).isEqualTo(1);
  }

  @Test
  void noPacksInTheInputIsAnError() throws Exception {
    Files.createDirectories(tmp.resolve("packs"));
    Files.writeString(tmp.resolve("packs/part-m-00000"), "path\tpack\n");
    assertThatThrownBy(() -> readAll(conf, new CountingReporter(), 0))
        .isInstanceOf(IOException.class).hasMessageContaining("no pack files");
  }

  @Test
  void eachRecordIsFoundAtItsIndexOffset() throws Exception {
    conf.setInt("io.seqfile.compress.blocksize", 10_000);
    Path block = pack("block.seq", SequenceFile.CompressionType.BLOCK, 150, 4);
    Map<String, Long> blockOffsets = new LinkedHashMap<>(offsets);
    offsets.clear();
    Path plain = pack("plain.seq", SequenceFile.CompressionType.NONE, 150, 5);
    FileSystem.getLocal(conf);
    PackedUpload v = new PackedUpload();
    assertThat(blockOffsets.values().stream().distinct().count()).as("several blocks")
        .isGreaterThan(10);
    for (var e : blockOffsets.entrySet()) {
      assertThat(PackFiles.read(conf, new org.apache.hadoop.fs.Path(block.toUri()), e.getValue(),
          new Text(e.getKey()), v)).as(e.getKey()).isTrue();
      assertThat(java.util.Arrays.copyOf(v.content(), v.contentLength()))
          .isEqualTo(written.get(e.getKey()));
    }
    for (var e : offsets.entrySet()) {
      assertThat(PackFiles.read(conf, new org.apache.hadoop.fs.Path(plain.toUri()), e.getValue(),
          new Text(e.getKey()), v)).as(e.getKey()).isTrue();
      assertThat(java.util.Arrays.copyOf(v.content(), v.contentLength()))
          .isEqualTo(written.get(e.getKey()));
    }
    // an offset that is not the record's block does not find it
    var first = blockOffsets.entrySet().iterator().next();
    long last = blockOffsets.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(PackFiles.read(conf, new org.apache.hadoop.fs.Path(block.toUri()), last,
        new Text(first.getKey()), v)).isFalse();
  }
}
