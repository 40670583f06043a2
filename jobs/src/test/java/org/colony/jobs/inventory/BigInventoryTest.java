package org.colony.jobs.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.colony.jobs.UploadTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2 GB upload inventoried by the whole job (LocalJobRunner: map, shuffle, reduce) in a JVM with
 * a 64 MB heap: its SHA-256 as java.security computes it, and the peak heap printed.
 */
class BigInventoryTest {
  private static final long SIZE = 2L << 30;

  @TempDir
  Path dir;

  @Test
  void twoGigabyteUploadWithSixtyFourMegabyteHeap() throws Exception {
    Path root = dir.resolve("uploads/alice");
    Files.createDirectories(root);
    Path big = root.resolve("backup.png");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(SIZE); // sparse: no 2 GB on disk
      f.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
      for (long at : new long[] {1L << 30, SIZE - 64}) {
        f.seek(at);
        f.write(("marker at " + at).getBytes(StandardCharsets.US_ASCII));
      }
    }
    String expected = UploadTrees.sha256(big);

    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        BigInventoryMain.class.getName(), dir.resolve("uploads").toString(),
        dir.resolve("scratch").toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("row alice/backup.png\talice\t" + SIZE + "\t");
    assertThat(out).contains("\t" + expected + "\timage/png\timage/png\tfalse");
    long peak = Long.parseLong(out.replaceAll("(?s).*peakHeap (\\d+).*", "$1"));
    System.out.printf("2 GB upload inventoried (whole job) with -Xmx64m: peak heap %.1f MB%n",
        peak / 1e6);
    assertThat(peak).isLessThan(64L << 20);
  }
}
