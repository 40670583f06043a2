package org.colony.io.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.io.RejectReason;
import org.colony.io.uploads.UploadReading.Read;
import org.colony.io.uploads.UploadReading.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadInputFormatTest {
  @TempDir
  Path tmp;
  private Path root;
  /** relative path -> SHA-256 computed here with java.nio, independently of the reader */
  private final Map<String, String> expected = new TreeMap<>();

  @BeforeEach
  void tree() throws Exception {
    root = tmp.resolve("uploads");
    write("alice/avatar.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    write("alice/docs/cv.pdf", "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII));
    write("bob/photos/2026/beach.jpg", new byte[70_000]);
    write("bob/empty.txt", new byte[0]);
    write("readme.txt", "top level, no owner".getBytes(StandardCharsets.US_ASCII));
    write("carol/we\tird\nname .txt", "hostile name".getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(root.resolve("_tmp"));
    Files.writeString(root.resolve("_tmp/skipped"), "hidden: not an upload");
    Files.writeString(root.resolve("alice/.partial"), "hidden: not an upload");
  }

  private void write(String relative, byte[] content) throws Exception {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
    try (InputStream in = Files.newInputStream(p)) {
      expected.put(relative, UploadReading.sha256(in));
    }
  }

  @Test
  void everyFileOnceWithOwnerMetadataAndStreamedContent() throws Exception {
    for (var format : List.of(new UploadInputFormat(), new CombinedUploadInputFormat())) {
      Result r = UploadReading.readAll(new Configuration(), format, root);
      Map<String, String> got = r.reads().stream()
          .collect(Collectors.toMap(Read::relative, Read::sha256));
      assertThat(got).as(format.getClass().getSimpleName()).isEqualTo(expected);
      for (Read read : r.reads()) {
        Path p = root.resolve(read.relative());
        assertThat(read.key()).isEqualTo(read.relative());
        assertThat(read.size()).isEqualTo(Files.size(p));
        assertThat(read.mtime()).isEqualTo(Files.getLastModifiedTime(p).toMillis());
      }
      Map<String, String> owners = r.reads().stream()
          .collect(Collectors.toMap(Read::relative, Read::owner));
      assertThat(owners).containsEntry("alice/avatar.png", "alice")
          .containsEntry("alice/docs/cv.pdf", "alice")
          .containsEntry("bob/photos/2026/beach.jpg", "bob")
          .containsEntry("readme.txt", "")
          .containsEntry("carol/we\tird\nname .txt", "carol");
      assertThat(r.counters().get(RecordCounters.FILES_READ)).isEqualTo(expected.size());
      assertThat(r.counters().get(RecordCounters.RECORDS_PARSED)).isEqualTo(expected.size());
      assertThat(r.counters().get(RecordCounters.BYTES_READ)).isEqualTo(70_000 + 8 + 19 + 19 + 12);
      if (format instanceof CombinedUploadInputFormat) {
        assertThat(r.splits()).isEqualTo(1);
      } else {
        assertThat(r.splits()).isEqualTo(expected.size());
      }
    }
  }

  @Test
  void ownerDepthTwo() throws Exception {
    Configuration conf = new Configuration();
    conf.setInt(UploadKeys.OWNER_DEPTH.name(), 2);
    Map<String, String> owners = UploadReading.readAll(conf, new UploadInputFormat(), root)
        .reads().stream().collect(Collectors.toMap(Read::relative, Read::owner));
    assertThat(owners).containsEntry("alice/docs/cv.pdf", "docs")
        .containsEntry("bob/photos/2026/beach.jpg", "photos")
        .containsEntry("alice/avatar.png", "");
  }

  @Test
  void thousandsOfSmallFilesMakeAHandfulOfCombinedSplits() throws Exception {
    Path many = tmp.resolve("many");
    for (int i = 0; i < 2000; i++) {
      Path p = many.resolve("user" + (i % 40) + "/file-" + i + ".txt");
      Files.createDirectories(p.getParent());
      Files.writeString(p, "upload number " + i);
    }
    Configuration conf = new Configuration();
    conf.set(InputKeys.COMBINE_SPLIT_BYTES.name(), "16k");
    Result r = UploadReading.readAll(conf, new CombinedUploadInputFormat(), many);
    assertThat(r.reads()).hasSize(2000);
    assertThat(r.reads().stream().map(Read::relative).distinct().count()).isEqualTo(2000);
    assertThat(r.splits()).isBetween(2, 4);
  }

  @Test
  void aLocalNameThatIsNotUtf8IsAnUnreadableRejectNotDropped() throws Exception {
    // Java decodes the byte 0xE9 to U+FFFD and cannot open the file by that name; Hadoop's own
    // local listing would drop it silently
    Process p = new ProcessBuilder("sh", "-c", "printf 'x' > \"$(printf 'bob/caf\\351.txt')\"")
        .directory(root.toFile()).start();
    assertThat(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    for (var format : List.of(new UploadInputFormat(), new CombinedUploadInputFormat())) {
      Result r = UploadReading.readAll(new Configuration(), format, root);
      Map<String, String> got = r.reads().stream()
          .collect(Collectors.toMap(Read::relative, Read::sha256));
      assertThat(got).as(format.getClass().getSimpleName())
          .containsAllEntriesOf(expected)
          .containsEntry("bob/caf\ufffd.txt", "REJECT FILE_UNREADABLE")
          .hasSize(expected.size() + 1);
      assertThat(r.counters().get(RejectReason.FILE_UNREADABLE)).isEqualTo(1);
      assertThat(r.counters().get(RecordCounters.RECORDS_IN)).isEqualTo(expected.size() + 1);
    }
  }

  @Test
  void aFileGoneSinceListingIsRejectedNotFatal() throws Exception {
    Configuration conf = new Configuration();
    org.apache.hadoop.mapreduce.Job job = org.apache.hadoop.mapreduce.Job.getInstance(conf);
    org.apache.hadoop.mapreduce.lib.input.FileInputFormat.addInputPath(job,
        new org.apache.hadoop.fs.Path(root.toUri()));
    job.getConfiguration().setBoolean(
        org.apache.hadoop.mapreduce.lib.input.FileInputFormat.INPUT_DIR_RECURSIVE, true);
    var splits = new UploadInputFormat().getSplits(job);
    Files.delete(root.resolve("readme.txt"));
    int rejected = 0;
    for (var split : splits) {
      var ctx = new org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl(
          job.getConfiguration(), new org.apache.hadoop.mapreduce.TaskAttemptID(),
          new org.colony.testing.CountingReporter());
      var reader = new UploadInputFormat().createRecordReader(split, ctx);
      reader.initialize(split, ctx);
      assertThat(reader.nextKeyValue()).isTrue();
      UploadFile f = reader.getCurrentValue();
      if (f.isRejected()) {
        rejected++;
        assertThat(f.reject().reason()).isEqualTo(RejectReason.FILE_UNREADABLE);
        assertThat(f.reject().file()).endsWith("readme.txt");
      }
      assertThat(reader.nextKeyValue()).isFalse();
      reader.close();
    }
    assertThat(rejected).isEqualTo(1);
  }
}
