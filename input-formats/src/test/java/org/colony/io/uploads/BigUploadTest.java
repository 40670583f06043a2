package org.colony.io.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 3 GB upload streams through a JVM with a 64 MB heap. */
class BigUploadTest {
  private static final long SIZE = 3L << 30;

  @TempDir
  Path dir;

  @Test
  void threeGigabyteFileWithSixtyFourMegabyteHeap() throws Exception {
    Path root = dir.resolve("uploads/alice");
    Files.createDirectories(root);
    Path big = root.resolve("backup.tar");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(SIZE); // sparse: no 3 GB on disk
      for (long at : new long[] {0, 1L << 30, (2L << 30) + 12345, SIZE - 64}) {
        f.seek(at);
        f.write(("marker at " + at).getBytes(StandardCharsets.US_ASCII));
      }
    }
    String expected = sha256(big);

    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        BigUploadMain.class.getName(), dir.resolve("uploads").toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("sha256 " + expected + " size " + SIZE);
    long peak = Long.parseLong(out.replaceAll("(?s).*peakHeap (\\d+).*", "$1"));
    System.out.printf("3 GB upload streamed with -Xmx64m: peak heap %.1f MB%n", peak / 1e6);
    assertThat(peak).isLessThan(64L << 20);
  }

  /** SHA-256 with java.nio, independently of Hadoop and the reader. */
  private static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    ByteBuffer buf = ByteBuffer.allocate(1 << 20);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (ch.read(buf.clear()) >= 0) {
        md.update(buf.flip());
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
