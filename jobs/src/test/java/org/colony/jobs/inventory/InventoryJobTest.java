package org.colony.jobs.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.io.RejectReason;
import org.colony.jobs.UploadTrees;
import org.colony.jobs.UploadTrees.Facts;
import org.colony.jobs.common.RejectSink;
import org.colony.jobs.common.Tsv;
import org.colony.testing.Multisets;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * uploads-inventory through LocalJobRunner: on sample-data/uploads against the reviewed expected
 * files (written by the generator from what it wrote) and sizes, hashes and times read here with
 * java.nio; on the real fixtures against their gold CSV; on hostile names.
 */
class InventoryJobTest {
  private static final String FILES = InventoryReports.FILES.header();
  private static final String OWNERS = InventoryReports.OWNERS_REPORT.header();
  private static final String DUPLICATES = InventoryReports.DUPLICATES_REPORT.header();

  @TempDir
  Path tmp;

  private final InventorySpec spec = new InventorySpec();

  @Test
  void sampleUploadsMatchTheReviewedExpectedFilesWithTwoReducersCombinedOrNot()
      throws Exception {
    Path uploads = Paths.sampleData("uploads");
    Path expected = Paths.sampleData("expected/uploads-inventory");
    Map<String, Facts> tree = UploadTrees.walk(uploads);
    assertThat(tree).hasSize(28);
    for (String combine : new String[] {"true", "false"}) {
      Path out = tmp.resolve("out-" + combine);
      Job job = UploadTrees.run(spec, tmp, out, 2,
          conf -> conf.set(InputKeys.COMBINE.name(), combine), uploads);

      List<String> rows = TsvFiles.rows(out.resolve("files"), FILES);
      List<String> withoutTime = new ArrayList<>();
      for (String row : rows) {
        String[] c = row.split("\t", -1);
        assertThat(c).as(row).hasSize(8);
        Facts f = tree.get(new String(Tsv.unescape(c[0]), StandardCharsets.UTF_8));
        assertThat(f).as("a file of the tree: %s", c[0]).isNotNull();
        assertThat(c[2]).isEqualTo(String.valueOf(f.size()));
        assertThat(c[3]).as("mtime of %s", c[0])
            .isEqualTo(Instant.ofEpochMilli(f.mtime()).toString());
        assertThat(c[4]).as("sha256 of %s", c[0]).isEqualTo(f.sha256());
        withoutTime.add(String.join("\t", c[0], c[1], c[2], c[4], c[5], c[6], c[7]));
      }
      Multisets.assertSameMultiset("files/ (combine " + combine + ")", withoutTime,
          TsvFiles.fileRows(expected.resolve("files.tsv"),
              "path\towner\tsize\tsha256\tmedia_type\textension_type\textension_mismatch"));
      Multisets.assertSameMultiset("owners/", TsvFiles.rows(out.resolve("owners"), OWNERS),
          TsvFiles.fileRows(expected.resolve("owners.tsv"), OWNERS));
      Multisets.assertSameMultiset("duplicates/",
          TsvFiles.rows(out.resolve("duplicates"), DUPLICATES),
          TsvFiles.fileRows(expected.resolve("duplicates.tsv"), DUPLICATES));

      Counters c = job.getCounters();
      assertThat(c.findCounter(RecordCounters.RECORDS_IN).getValue()).isEqualTo(28);
      assertThat(c.findCounter(RecordCounters.RECORDS_PARSED).getValue()).isEqualTo(28);
      assertThat(c.findCounter(RecordCounters.BYTES_READ).getValue())
          .isEqualTo(c.findCounter(InventoryCounters.BYTES).getValue())
          .isEqualTo(tree.values().stream().mapToLong(Facts::size).sum());
      assertThat(c.findCounter(InventoryCounters.FILES).getValue()).isEqualTo(28);
      assertThat(c.findCounter(InventoryCounters.EXTENSION_MISMATCHES).getValue()).isEqualTo(4);
      assertThat(c.findCounter(InventoryCounters.DUPLICATE_CONTENTS).getValue()).isEqualTo(4);
      assertThat(c.findCounter(InventoryCounters.DUPLICATE_FILES).getValue()).isEqualTo(6);
      assertThat(c.findCounter(InventoryCounters.BYTES_RECLAIMABLE).getValue())
          .isEqualTo(4708 + 3 * 367 + 613);
      assertThat(out.resolve("files").toFile().list((d, n) -> n.startsWith("part-m-")))
          .as("files/ is written by the map tasks").isNotEmpty();
      assertThat(out.resolve("owners").toFile().list((d, n) -> n.startsWith("part-r-")))
          .as("a part per reducer with rows").isNotEmpty();
    }
  }

  @Test
  void noUploadContentInAnyOutput() throws Exception {
    Path uploads = Paths.sampleData("uploads");
    Path out = tmp.resolve("out");
    UploadTrees.run(spec, tmp, out, 1, conf -> { }, uploads);
    String all = readAll(out);
    for (String s : new String[] {"Shopping list", "oat milk", "document.cookie", "theme",
        "a name with a tab in it", "Curriculum vitae", "1041,59.90"}) {
      assertThat(all).as("content '%s' in the output", s).doesNotContain(s);
    }
  }

  private static String readAll(Path dir) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        sb.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return sb.toString();
  }

  @Test
  void realFixturesHaveTheirGoldSizesHashesAndTypes() throws Exception {
    Path csv = Paths.realdata("uploads/expected_labels.csv");
    Path root = csv.getParent();
    Path out = tmp.resolve("out");
    UploadTrees.run(spec, tmp, out, 2, conf -> conf.set(InputKeys.COMBINE.name(), "true"), root);
    Map<String, String[]> rows = new HashMap<>();
    for (String row : TsvFiles.rows(out.resolve("files"), FILES)) {
      String[] c = row.split("\t", -1);
      assertThat(rows.put(c[0], c)).as("one row for %s", c[0]).isNull();
    }
    Map<String, Facts> tree = UploadTrees.walk(root);
    assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(tree.keySet());

    var registry = org.apache.tika.mime.MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
    int right = 0;
    for (RealUploadLabelsTest.Row r : RealUploadLabelsTest.labels(csv)) {
      String[] c = rows.get(r.path());
      assertThat(c).as(r.path()).isNotNull();
      assertThat(Long.parseLong(c[2])).as("size of %s", r.path()).isEqualTo(r.size());
      assertThat(c[4]).as("sha256 of %s", r.path()).isEqualTo(r.sha256());
      assertThat(c[1]).isEqualTo(r.path().substring(0, r.path().indexOf('/')));
      if (RealUploadLabelsTest.MATCH.contains(r.path()) && !r.label().equals("none")) {
        var want = registry.normalize(org.apache.tika.mime.MediaType.parse(
            RealUploadLabelsTest.LABELS.get(r.label())));
        var got = registry.normalize(org.apache.tika.mime.MediaType.parse(c[5]));
        assertThat(got.equals(want) || registry.isSpecializationOf(got, want))
            .as("%s: %s, got %s", r.path(), want, got).isTrue();
        right++;
      }
    }
    assertThat(right).isEqualTo(RealUploadLabelsTest.MATCH.size() - 1); // one "none" matches

    // duplicates/ against a grouping of the hashes computed here
    Map<String, List<String>> byHash = new TreeMap<>();
    tree.values().forEach(f -> byHash.computeIfAbsent(f.sha256(), k -> new ArrayList<>())
        .add(f.path()));
    List<String> want = new ArrayList<>();
    byHash.forEach((sha, paths) -> {
      if (paths.size() > 1) {
        paths.sort(null);
        want.add(sha + "\t" + paths.size() + "\t"
            + tree.get(paths.get(0)).size() * (paths.size() - 1) + "\t"
            + String.join(" // ", paths));
      }
    });
    Path dups = out.resolve("duplicates");
    Multisets.assertSameMultiset("duplicates/",
        Files.exists(dups) ? TsvFiles.rows(dups, DUPLICATES) : List.of(), want);
  }

  @Test
  void hostileNamesAreEscapedInEveryReportAndNeverMadeIntoOutputPaths() throws Exception {
    Path root = tmp.resolve("uploads");
    UploadTrees.write(root, "eve/new\nline.txt", "1".getBytes(StandardCharsets.US_ASCII));
    UploadTrees.write(root, "eve/tab\there.txt", "1".getBytes(StandardCharsets.US_ASCII));
    UploadTrees.write(root, "eve/back\\slash.txt", "2".getBytes(StandardCharsets.US_ASCII));
    UploadTrees.write(root, "eve/dots..in..name.txt", "3".getBytes(StandardCharsets.US_ASCII));
    UploadTrees.write(root, "ev\re/cr.txt", "4".getBytes(StandardCharsets.US_ASCII));
    UploadTrees.write(root, "eve/\u0007bell \u00fc \u2603.txt",
        "5".getBytes(StandardCharsets.US_ASCII));
    // a name with a byte that is not UTF-8: Java lists it with U+FFFD and cannot open it by that
    // name, so it is an unreadable upload, counted and quarantined, not a failed task
    Process p = new ProcessBuilder("sh", "-c", "printf 6 > \"$(printf 'eve/caf\\351.txt')\"")
        .directory(root.toFile()).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();

    Path out = tmp.resolve("out");
    Job job = UploadTrees.run(spec, tmp, out, 1, conf -> { }, root);
    List<String> rows = TsvFiles.rows(out.resolve("files"), FILES);
    List<String> paths = new ArrayList<>();
    for (String row : rows) {
      String[] c = row.split("\t", -1);
      assertThat(c).as(row).hasSize(8);
      paths.add(c[0] + " " + c[1]);
    }
    assertThat(paths).containsExactlyInAnyOrder("eve/new\\nline.txt eve", "eve/tab\\there.txt eve",
        "eve/back\\\\slash.txt eve", "eve/dots..in..name.txt eve", "ev\\re/cr.txt ev\\re",
        "eve/\\x07bell \u00fc \u2603.txt eve");
    assertThat(job.getCounters().findCounter(RejectReason.FILE_UNREADABLE).getValue())
        .isEqualTo(1);
    List<String> rejects = TsvFiles.rows(out.resolve(RejectSink.FOLDER),
        RejectSink.REPORT.header());
    assertThat(rejects).singleElement().satisfies(r -> assertThat(r).contains("caf\ufffd.txt",
        "FILE_UNREADABLE"));

    // every byte of every output is valid UTF-8, and the output holds only its own folders
    try (Stream<Path> s = Files.walk(out)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String name = out.relativize(f).toString();
        if (!name.endsWith(".crc")) {
          StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f)));
        }
        assertThat(name).matches("(files|owners|duplicates|_rejects)/\\.?part-[mr]-\\d{5}(\\.crc)?"
            + "|\\.?_SUCCESS(\\.crc)?");
      }
    }
  }
}
