package org.colony.jobs.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.colony.jobs.thumbnails.ImageProblem.Reason;
import org.colony.testing.TestImages;
import org.junit.jupiter.api.Test;

/**
 * Thumbnails of images made in the test, read back with ImageIO: sizes, formats, orientation,
 * transparency, and damaged images refused with the right reason.
 */
class ThumbnailerTest {

  /** A file's bytes as Hadoop's seekable stream; fails with an IOException at {@code failAt}. */
  static final class Bytes extends FSInputStream {
    private final byte[] b;
    private final long failAt;
    private int pos;

    Bytes(byte[] b, long failAt) {
      this.b = b;
      this.failAt = failAt;
    }

    @Override
    public void seek(long p) throws IOException {
      if (p < 0 || p > b.length) {
        throw new EOFException("seek to " + p);
      }
      pos = (int) p;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public boolean seekToNewSource(long targetPos) {
      return false;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] out, int off, int len) throws IOException {
      if (pos + len > failAt) {
        throw new IOException("disk on fire");
      }
      if (pos >= b.length) {
        return -1;
      }
      int n = Math.min(len, b.length - pos);
      System.arraycopy(b, pos, out, off, n);
      pos += n;
      return n;
    }
  }

  static SeekableImageInputStream stream(byte[] b) {
    return new SeekableImageInputStream(new FSDataInputStream(new Bytes(b, Long.MAX_VALUE)),
        b.length);
  }

  private static Thumbnailer.Result thumbnails(byte[] image, int... sizes) throws Exception {
    ImageHeader h = ImageHeaders.read(new ByteArrayInputStream(image), image.length);
    try (SeekableImageInputStream in = stream(image)) {
      return new Thumbnailer(sizes, 50_000_000).thumbnails(h, in);
    }
  }

  private static ImageProblem problem(byte[] image, int... sizes) {
    return catchThrowableOfType(() -> thumbnails(image, sizes), ImageProblem.class);
  }

  private static BufferedImage read(Thumbnailer.Thumbnail t) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(t.bytes()));
  }

  /** Whether two colours are within {@code tolerance} per channel (JPEG is lossy). */
  private static boolean near(int argb, Color c, int tolerance) {
    return Math.abs((argb >> 16 & 0xFF) - c.getRed()) <= tolerance
        && Math.abs((argb >> 8 & 0xFF) - c.getGreen()) <= tolerance
        && Math.abs((argb & 0xFF) - c.getBlue()) <= tolerance;
  }

  /** The colours at the centres of the quadrants: top-left, top-right, bottom-left, -right. */
  private static void assertQuadrants(BufferedImage img, Color... expected) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[][] at = {{w / 4, h / 4}, {3 * w / 4, h / 4}, {w / 4, 3 * h / 4}, {3 * w / 4, 3 * h / 4}};
    for (int i = 0; i < 4; i++) {
      int p = img.getRGB(at[i][0], at[i][1]);
      assertThat(near(p, expected[i], 40)).as("quadrant %d: %08X, want %s", i, p, expected[i])
          .isTrue();
    }
  }

  @Test
  void everyFormatGetsEachSizeWithItsAspectKept() throws Exception {
    Object[][] cases = {
        {"jpeg", 640, 480, new int[][] {{128, 96}, {512, 384}}},
        {"png", 300, 200, new int[][] {{128, 85}, {300, 200}}}, // never upscaled
        {"gif", 100, 700, new int[][] {{18, 128}, {73, 512}}},
        {"bmp", 1024, 768, new int[][] {{128, 96}, {512, 384}}},
    };
    for (Object[] c : cases) {
      String format = (String) c[0];
      Thumbnailer.Result r = thumbnails(TestImages.encoded(format, (int) c[1], (int) c[2]), 128,
          512);
      assertThat(r.width()).isEqualTo(c[1]);
      assertThat(r.height()).isEqualTo(c[2]);
      assertThat(r.warnings()).isEmpty();
      int[][] want = (int[][]) c[3];
      assertThat(r.thumbnails()).hasSize(2);
      for (int i = 0; i < 2; i++) {
        Thumbnailer.Thumbnail t = r.thumbnails().get(i);
        assertThat(t.size()).isEqualTo(i == 0 ? 128 : 512);
        assertThat(t.extension()).as(format).isEqualTo("jpg");
        BufferedImage img = read(t);
        assertThat(new int[] {img.getWidth(), img.getHeight()}).as("%s at %d", format, t.size())
            .containsExactly(want[i]);
        assertThat(new int[] {t.width(), t.height()}).containsExactly(want[i]);
        assertQuadrants(img, TestImages.QUADRANTS);
      }
    }
  }

  @Test
  void aLargeImageIsDecodedSubsampledAndStillLooksRight() throws Exception {
    Thumbnailer.Result r = thumbnails(TestImages.encoded("jpeg", 4000, 3000), 64);
    assertThat(r.width()).isEqualTo(4000);
    BufferedImage img = read(r.thumbnails().get(0));
    assertThat(img.getWidth()).isEqualTo(64);
    assertThat(img.getHeight()).isEqualTo(48);
    assertQuadrants(img, TestImages.QUADRANTS);
  }

  /** Stored as 80x40: red green / blue white. */
  @Test
  void exifOrientationSixIsRotatedClockwise() throws Exception {
    byte[] jpeg = TestImages.withExifOrientation(TestImages.encoded("jpeg", 80, 40), 6, false);
    Thumbnailer.Result r = thumbnails(jpeg, 20, 512);
    assertThat(r.width()).isEqualTo(40);
    assertThat(r.height()).isEqualTo(80);
    BufferedImage full = read(r.thumbnails().get(1));
    assertThat(full.getWidth()).isEqualTo(40);
    assertThat(full.getHeight()).isEqualTo(80);
    // blue red / white green
    assertQuadrants(full, Color.BLUE, Color.RED, Color.WHITE, Color.GREEN);
    BufferedImage small = read(r.thumbnails().get(0));
    assertThat(small.getWidth()).isEqualTo(10);
    assertThat(small.getHeight()).isEqualTo(20);
    assertQuadrants(small, Color.BLUE, Color.RED, Color.WHITE, Color.GREEN);
  }

  @Test
  void exifOrientationEightIsRotatedCounterClockwise() throws Exception {
    byte[] jpeg = TestImages.withExifOrientation(TestImages.encoded("jpeg", 80, 40), 8, true);
    Thumbnailer.Result r = thumbnails(jpeg, 512);
    BufferedImage img = read(r.thumbnails().get(0));
    assertThat(img.getWidth()).isEqualTo(40);
    assertThat(img.getHeight()).isEqualTo(80);
    // green white / red blue
    assertQuadrants(img, Color.GREEN, Color.WHITE, Color.RED, Color.BLUE);
  }

  @Test
  void orientationThreeAndAMirrorKeepTheAxes() throws Exception {
    byte[] jpeg = TestImages.withExifOrientation(TestImages.encoded("jpeg", 80, 40), 3, true);
    BufferedImage img = read(thumbnails(jpeg, 512).thumbnails().get(0));
    assertThat(img.getWidth()).isEqualTo(80);
    assertQuadrants(img, Color.WHITE, Color.BLUE, Color.GREEN, Color.RED);
    jpeg = TestImages.withExifOrientation(TestImages.encoded("jpeg", 80, 40), 2, false);
    img = read(thumbnails(jpeg, 512).thumbnails().get(0));
    assertQuadrants(img, Color.GREEN, Color.RED, Color.WHITE, Color.BLUE);
  }

  @Test
  void transparentImagesGetPngThumbnailsOpaqueOnesJpeg() throws Exception {
    Thumbnailer.Result r = thumbnails(TestImages.transparentPng(400, 200), 100);
    Thumbnailer.Thumbnail t = r.thumbnails().get(0);
    assertThat(t.extension()).isEqualTo("png");
    BufferedImage img = read(t);
    assertThat(img.getColorModel().hasAlpha()).isTrue();
    assertThat(img.getRGB(10, 10)).isEqualTo(0xFFFF0000);
    assertThat(img.getRGB(90, 10) >>> 24).isZero();
    // an alpha channel with every pixel opaque is not transparency
    byte[] opaqueArgb = TestImages.encode(TestImages.quadrants(400, 200,
        BufferedImage.TYPE_INT_ARGB), "png");
    assertThat(thumbnails(opaqueArgb, 100).thumbnails().get(0).extension()).isEqualTo("jpg");
    // 16-bit grey decodes too
    BufferedImage grey = new BufferedImage(300, 100, BufferedImage.TYPE_USHORT_GRAY);
    assertThat(read(thumbnails(TestImages.encode(grey, "png"), 64).thumbnails().get(0))
        .getHeight()).isEqualTo(21);
  }

  @Test
  void truncatedImagesAreTruncated() {
    for (String format : new String[] {"jpeg", "png", "gif", "bmp"}) {
      byte[] b = TestImages.encoded(format, 640, 480);
      if (format.equals("png") || format.equals("gif")) {
        // the pattern compresses to almost nothing: use noise, whose data is long
        BufferedImage noise = new BufferedImage(640, 480, format.equals("gif")
            ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB);
        java.util.Random r = new java.util.Random(42);
        for (int y = 0; y < 480; y++) {
          for (int x = 0; x < 640; x++) {
            noise.setRGB(x, y, r.nextInt());
          }
        }
        b = TestImages.encode(noise, format);
      }
      ImageProblem p = problem(TestImages.truncated(b, b.length / 2), 128);
      assertThat(p).as(format).isNotNull();
      assertThat(p.reason()).as("%s: %s", format, p).isEqualTo(Reason.TRUNCATED);
    }
  }

  @Test
  void damagedDataIsCorrupt() {
    byte[] png = TestImages.transparentPng(400, 300);
    byte[] garbled = png.clone();
    for (int i = 80; i < garbled.length - 20; i++) {
      garbled[i] = (byte) (i * 31);
    }
    ImageProblem p = problem(garbled, 128);
    assertThat(p.reason()).as(p.toString()).isEqualTo(Reason.CORRUPT);
    assertThat(p.detail()).contains("PNG");

    byte[] jpeg = TestImages.encoded("jpeg", 64, 48);
    for (int i = 2; i < jpeg.length - 1; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC4) { // a Huffman table
        Arrays.fill(jpeg, i + 5, i + 21, (byte) 0xFF);
        break;
      }
    }
    p = problem(jpeg, 128);
    assertThat(p.reason()).isEqualTo(Reason.CORRUPT);
    assertThat(p.detail()).containsIgnoringCase("huffman");
  }

  @Test
  void aRecoverableJpegWarningIsKeptWithTheThumbnail() throws Exception {
    byte[] jpeg = TestImages.encoded("jpeg", 640, 480);
    // flip bytes of the entropy-coded data until the decoder warns and goes on
    for (int i = jpeg.length / 2; i < jpeg.length - 10; i += 7) {
      byte[] damaged = jpeg.clone();
      damaged[i] ^= 0x55;
      damaged[i + 1] ^= 0x33;
      Thumbnailer.Result r;
      try {
        r = thumbnails(damaged, 32);
      } catch (ImageProblem p) {
        continue;
      }
      if (!r.warnings().isEmpty()) {
        assertThat(r.thumbnails()).hasSize(1);
        assertThat(r.warnings().get(0)).startsWith("Corrupt JPEG data");
        return;
      }
    }
    throw new AssertionError("no flip made the decoder warn");
  }

  @Test
  void aFileSystemErrorIsNotBlamedOnTheImage() throws Exception {
    byte[] png = TestImages.transparentPng(400, 300);
    ImageHeader h = ImageHeaders.read(new ByteArrayInputStream(png), png.length);
    try (SeekableImageInputStream in = new SeekableImageInputStream(
        new FSDataInputStream(new Bytes(png, 100)), png.length)) {
      Throwable t = catchThrowable(() -> new Thumbnailer(new int[] {64}, 50_000_000)
          .thumbnails(h, in));
      assertThat(t).isInstanceOf(IOException.class).hasMessage("disk on fire");
    }
  }

  @Test
  void theDecoderIsAskedForTheSizeAgain() throws Exception {
    // a header that understates the image (as a reader of another header would) is caught by
    // ImageIO's own view of it
    byte[] png = TestImages.encoded("png", 300, 200);
    ImageHeader lie = new ImageHeader(ImageFormat.PNG, 3, 2);
    try (SeekableImageInputStream in = stream(png)) {
      ImageProblem p = catchThrowableOfType(() -> new Thumbnailer(new int[] {64}, 1000)
          .thumbnails(lie, in), ImageProblem.class);
      assertThat(p.reason()).isEqualTo(Reason.REFUSED_TOO_LARGE);
      assertThat(p.detail()).contains("300x200");
    }
  }

  @Test
  void streamSeeksReadsAndKnowsWhenItRanOut() throws Exception {
    byte[] b = new byte[200_000];
    new java.util.Random(1).nextBytes(b);
    try (SeekableImageInputStream in = stream(b)) {
      byte[] got = new byte[b.length];
      in.readFully(got);
      assertThat(got).isEqualTo(b);
      assertThat(in.hitEnd()).isFalse();
      in.seek(70_000);
      assertThat(in.read()).isEqualTo(b[70_000] & 0xFF);
      in.seek(5);
      byte[] part = new byte[10];
      in.readFully(part);
      assertThat(part).isEqualTo(Arrays.copyOfRange(b, 5, 15));
      in.seek(b.length - 1);
      assertThat(in.read()).isEqualTo(b[b.length - 1] & 0xFF);
      assertThat(in.read()).isEqualTo(-1);
      assertThat(in.hitEnd()).isTrue();
      assertThat(in.length()).isEqualTo(b.length);
      assertThat(in.bytesRead()).isGreaterThanOrEqualTo(b.length);
    }
  }

  @Test
  void describeJoinsTheCausesOnOneLine() {
    Exception e = new IOException("Error reading PNG image data",
        new java.util.zip.ZipException("invalid distance\ntoo far back"));
    assertThat(Thumbnailer.describe(e)).isEqualTo(
        "Error reading PNG image data: invalid distance too far back");
    assertThat(Thumbnailer.describe(new EOFException())).isEqualTo("EOFException");
    assertThat(List.of(Reason.values())).allMatch(r -> r.counter().name().equals(r.name()));
  }
}
