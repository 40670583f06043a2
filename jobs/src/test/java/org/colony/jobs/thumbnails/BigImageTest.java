package org.colony.jobs.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.colony.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 40-megapixel images (7744 x 5164; 120 MB as decoded RGB) are thumbnailed by a JVM with a 64 MB
 * heap: decoding is subsampled, so the full image is never held.
 */
class BigImageTest {
  private static final int W = 7744;
  private static final int H = 5164;
  private static final long HEAP = 64L << 20;

  @TempDir
  Path dir;

  /** A gradient with a checker of 8-pixel squares: detail everywhere, so no decoder shortcut. */
  private static BufferedImage photo() {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
    byte[] d = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int i = 3 * (y * W + x);
        d[i] = (byte) (x * 255 / W);
        d[i + 1] = (byte) (y * 255 / H);
        d[i + 2] = (byte) (((x >> 3) + (y >> 3) & 1) * 200);
      }
    }
    return img;
  }

  @Test
  void fortyMegapixelJpegAndPngWithSixtyFourMegabyteHeap() throws Exception {
    BufferedImage photo = photo();
    Path jpeg = dir.resolve("big.jpg");
    Path png = dir.resolve("big.png");
    Files.write(jpeg, TestImages.encode(photo, "jpeg"));
    Files.write(png, TestImages.encode(photo, "png"));
    photo = null;

    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx" + (HEAP >> 20) + "m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
        "-cp", System.getProperty("java.class.path"), BigImageMain.class.getName(),
        jpeg.toString(), png.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    for (String name : new String[] {"big.jpg", "big.png"}) {
      assertThat(out).contains("thumbnail " + name + " 128 128x85 ",
          "thumbnail " + name + " 512 512x341 ");
    }
    long peak = Long.parseLong(out.replaceAll("(?s).*peakHeap (\\d+).*", "$1"));
    System.out.printf("40 MP JPEG (%.1f MB) and PNG (%.1f MB) thumbnailed with -Xmx64m: "
        + "peak heap %.1f MB%n%s", Files.size(jpeg) / 1e6, Files.size(png) / 1e6, peak / 1e6,
        out);
    assertThat(peak).isLessThan(HEAP);
  }
}
