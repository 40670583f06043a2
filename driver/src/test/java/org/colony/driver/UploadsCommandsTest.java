package org.colony.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three uploads commands through the colony command, embedded: published with _SUCCESS and a
 * manifest, options checked, inventory -> pack -> unpack of the sample uploads giving back the
 * same files, and the unpack of a hostile pack failing on its rejects unless allowed.
 */
class UploadsCommandsTest {
  @TempDir
  Path tmp;
  private Configuration conf;

  @BeforeEach
  void setUp() {
    conf = LocalHadoop.conf(tmp);
  }

  @Test
  void inventoryPackAndUnpackOfTheSampleUploads() throws Exception {
    String uploads = Paths.sampleData("uploads").toString();
    Path inventory = tmp.resolve("inventory");
    ColonyCli inv = ColonyCli.run(conf, "uploads-inventory", "-D", "colony.input.combine=true",
        "--input", uploads, "--output", inventory.toString());
    assertThat(inv.exit).as(inv.toString()).isZero();
    assertThat(inv.out).as("no advice to combine an input read combined")
        .contains("read combined").doesNotContain("combined input would");
    assertThat(inv.out).contains("uploads-inventory succeeded", "records  in 28  parsed 28",
        "no pre-run sample", "(files/ owners/ duplicates/)");
    assertThat(inventory.resolve("_SUCCESS")).exists();
    Map<String, Object> manifest = Manifest.read(FileSystem.getLocal(conf),
        new org.apache.hadoop.fs.Path(inventory.toUri()));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Number>> counters =
        (Map<String, Map<String, Number>>) manifest.get("counters");
    Map<String, Number> found = counters.get("org.colony.jobs.inventory.InventoryCounters");
    assertThat(found.get("EXTENSION_MISMATCHES").longValue()).isEqualTo(4);
    assertThat(found.get("DUPLICATE_CONTENTS").longValue()).isEqualTo(4);

    Path packs = tmp.resolve("packs");
    ColonyCli pack = ColonyCli.run(conf, "uploads-pack", "--input", uploads, "--output",
        packs.toString(), "--pack-size", "16k", "--max-file-size", "4k");
    assertThat(pack.exit).as(pack.toString()).isZero();
    assertThat(pack.out).contains("uploads-pack succeeded", "map-only job: no reducers",
        "(index/ large/)");
    assertThat(TsvFiles.rows(packs.resolve("large"), "path\towner\tsize\tmtime")).hasSize(4);
    assertThat(TsvFiles.rows(packs.resolve("index"), "path\tpack\toffset\tsize\tsha256"))
        .hasSize(24);

    Path restored = tmp.resolve("restored");
    ColonyCli unpack = ColonyCli.run(conf, "uploads-unpack", "--input", packs.toString(),
        "--output", restored.toString());
    assertThat(unpack.exit).as(unpack.toString()).isZero();
    assertThat(unpack.out).contains("uploads-unpack succeeded", "records  in 24  parsed 24");
    // the restored folder holds the packed files and, hidden, what the run wrote beside them
    Map<String, String> want = new TreeMap<>();
    for (String row : TsvFiles.rows(packs.resolve("index"), "path\tpack\toffset\tsize\tsha256")) {
      String[] c = row.split("\t");
      want.put(new String(org.colony.jobs.common.Tsv.unescape(c[0]), StandardCharsets.UTF_8),
          c[4]);
    }
    Map<String, String> got = new TreeMap<>();
    try (Stream<Path> s = Files.walk(restored)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = restored.relativize(p).toString();
        if (!rel.startsWith("_") && !rel.startsWith(".")) {
          got.put(rel, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
              .digest(Files.readAllBytes(p))));
        }
      }
    }
    assertThat(got).isEqualTo(want);
    assertThat(restored.resolve("_manifest.json")).exists();
  }

  @Test
  void badOptionsAreOneLineAndExitTwo() throws Exception {
    String uploads = Paths.sampleData("uploads").toString();
    for (String[] args : List.of(
        new String[] {"uploads-pack", "--max-file-size", "1g"},
        new String[] {"uploads-pack", "--codec", "com.example.NoSuchCodec"},
        new String[] {"uploads-inventory", "--duplicate-paths", "0"})) {
      String[] full = new String[args.length + 4];
      System.arraycopy(args, 0, full, 0, args.length);
      full[args.length] = "--input";
      full[args.length + 1] = uploads;
      full[args.length + 2] = "--output";
      full[args.length + 3] = tmp.resolve("out").toString();
      ColonyCli r = ColonyCli.run(conf, full);
      assertThat(r.exit).as(r.toString()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err.strip()).as(r.toString()).doesNotContain("\n").doesNotContain("Exception");
    }
    ColonyCli none = ColonyCli.run(conf, "uploads-unpack", "--input", uploads, "--output",
        tmp.resolve("out").toString());
    assertThat(none.exit).as(none.toString()).isNotZero();
    assertThat(none.err).contains("no pack files");
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
