package org.colony.jobs.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.colony.jobs.thumbnails.ImageProblem.Reason;
import org.colony.testing.TestImages;
import org.junit.jupiter.api.Test;

/** Dimensions from hand-made headers of each format, damaged headers, bombs, other types. */
class ImageHeadersTest {

  private static ImageHeader header(byte[] b) throws Exception {
    return ImageHeaders.read(new ByteArrayInputStream(b), b.length);
  }

  private static ImageProblem problem(byte[] b) {
    return catchThrowableOfType(() -> header(b), ImageProblem.class);
  }

  private static byte[] bytes(int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      o.writeBytes(p);
    }
    return o.toByteArray();
  }

  // --- PNG

  private static byte[] png(long w, long h, String... chunksBeforeIdat) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.writeBytes(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'));
    TestImages.chunk(o, "IHDR", concat(be32(w), be32(h), bytes(8, 2, 0, 0, 0)));
    for (String c : chunksBeforeIdat) {
      TestImages.chunk(o, c, "some text".getBytes(StandardCharsets.US_ASCII));
    }
    TestImages.chunk(o, "IDAT", bytes(0x78, 0x9C));
    return o.toByteArray();
  }

  private static byte[] be32(long v) {
    return bytes((int) (v >>> 24) & 0xFF, (int) (v >>> 16) & 0xFF, (int) (v >>> 8) & 0xFF,
        (int) v & 0xFF);
  }

  @Test
  void pngDimensionsComeFromIhdr() throws Exception {
    ImageHeader h = header(png(640, 480, "tEXt", "pHYs"));
    assertThat(h).isEqualTo(new ImageHeader(ImageFormat.PNG, 640, 480, 640 * 480, 1));
  }

  @Test
  void pngWithoutIhdrFirstOrWithoutImageDataIsCorrupt() {
    byte[] noIhdr = png(10, 10);
    noIhdr[12] = 'X';
    assertThat(problem(noIhdr).reason()).isEqualTo(Reason.CORRUPT);
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.writeBytes(TestImages.truncated(png(10, 10), 33)); // signature and IHDR
    TestImages.chunk(o, "IEND", new byte[0]);
    assertThat(problem(o.toByteArray()).detail()).contains("IEND");
    assertThat(problem(png(0, 10)).reason()).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void pngChunkLengthOverTwoGigabytesIsCorrupt() {
    byte[] b = png(10, 10, "tEXt");
    b[33] = (byte) 0xAA; // the tEXt chunk's length, as in file-type's fixture-corrupt.png
    ImageProblem p = problem(b);
    assertThat(p.reason()).isEqualTo(Reason.CORRUPT);
    assertThat(p.detail()).contains("byte 33");
  }

  @Test
  void pngCutAnywhereBeforeImageDataIsTruncated() {
    byte[] b = png(640, 480, "tEXt");
    for (int n : new int[] {8, 12, 20, 29, 33, 40, b.length - 15}) {
      assertThat(problem(TestImages.truncated(b, n)).reason()).as("cut at %d", n)
          .isEqualTo(Reason.TRUNCATED);
    }
  }

  @Test
  void pngTextChunkInflatingPastTheLimitIsRefused() throws Exception {
    byte[] bomb = TestImages.pngWithTextBomb(64);
    assertThat(bomb.length).isLessThan(100_000);
    ImageProblem p = problem(bomb);
    assertThat(p.reason()).isEqualTo(Reason.REFUSED_TOO_LARGE);
    assertThat(p.detail()).contains("zTXt");
    // under the limit it is an ordinary image
    assertThat(header(TestImages.pngWithTextBomb(1))).isEqualTo(
        new ImageHeader(ImageFormat.PNG, 2, 2));
  }

  // --- JPEG

  private static byte[] segment(int marker, byte[] payload) {
    int len = payload.length + 2;
    return concat(bytes(0xFF, marker, len >>> 8, len & 0xFF), payload);
  }

  private static byte[] sof(int marker, int w, int h) {
    return segment(marker, bytes(8, h >>> 8, h & 0xFF, w >>> 8, w & 0xFF, 3, 1, 0x22, 0, 2,
        0x11, 1, 3, 0x11, 1));
  }

  private static final byte[] SOI = bytes(0xFF, 0xD8);
  private static final byte[] APP0 = segment(0xE0,
      concat("JFIF\0".getBytes(StandardCharsets.US_ASCII), bytes(1, 1, 0, 0, 1, 0, 1, 0, 0)));
  private static final byte[] DQT = segment(0xDB, new byte[65]);

  @Test
  void jpegDimensionsComeFromTheFrameHeader() throws Exception {
    ImageHeader h = header(concat(SOI, APP0, DQT, sof(0xC0, 400, 300), bytes(0xFF, 0xDA)));
    assertThat(h).isEqualTo(new ImageHeader(ImageFormat.JPEG, 400, 300));
    // progressive (SOF2), fill bytes before a marker, a DHT (C4, not a frame) before the frame
    byte[] dht = segment(0xC4, new byte[20]);
    h = header(concat(SOI, bytes(0xFF, 0xFF), APP0, dht, sof(0xC2, 7744, 5164)));
    assertThat(h).isEqualTo(new ImageHeader(ImageFormat.JPEG, 7744, 5164));
  }

  @Test
  void jpegOrientationComesFromTheExifSegmentBeforeTheFrame() throws Exception {
    byte[] jpeg = concat(SOI, APP0, sof(0xC0, 40, 20));
    assertThat(header(TestImages.withExifOrientation(jpeg, 6, true)).orientation()).isEqualTo(6);
    assertThat(header(TestImages.withExifOrientation(jpeg, 8, false)).orientation())
        .isEqualTo(8);
    assertThat(header(jpeg).orientation()).isEqualTo(1);
    // an XMP APP1 segment is not EXIF
    byte[] xmp = segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x/>".getBytes(
        StandardCharsets.US_ASCII));
    assertThat(header(concat(SOI, xmp, sof(0xC0, 40, 20))).orientation()).isEqualTo(1);
  }

  @Test
  void damagedJpegHeadersAreCorruptOrTruncated() {
    assertThat(problem(concat(SOI, APP0, bytes(0x12, 0x34))).detail())
        .contains("0x12").contains("marker");
    assertThat(problem(concat(SOI, APP0, bytes(0xFF, 0xDA, 0, 2))).detail()).contains("0xDA");
    assertThat(problem(concat(SOI, segment(0xE0, new byte[0]), bytes(0xFF, 0xE0, 0, 1)))
        .reason()).isEqualTo(Reason.CORRUPT);
    assertThat(problem(concat(SOI, sof(0xC0, 0, 10))).reason()).isEqualTo(Reason.CORRUPT);
    assertThat(problem(concat(SOI, sof(0xC0, 10, 0))).reason()).isEqualTo(Reason.UNSUPPORTED);
    byte[] full = concat(SOI, APP0, DQT, sof(0xC0, 400, 300));
    for (int n : new int[] {3, 4, 10, 25, full.length - 13}) { // the last inside the dimensions
      assertThat(problem(TestImages.truncated(full, n)).reason()).as("cut at %d", n)
          .isEqualTo(Reason.TRUNCATED);
    }
  }

  // --- GIF

  private static byte[] gif(int screenW, int screenH, int w, int h) {
    return concat("GIF89a".getBytes(StandardCharsets.US_ASCII),
        bytes(screenW & 0xFF, screenW >>> 8, screenH & 0xFF, screenH >>> 8, 0x81, 0, 0),
        new byte[12], // global colour table of 4 entries
        bytes(0x21, 0xF9, 4, 1, 0, 0, 0, 0), // graphic control extension
        bytes(0x21, 0xFE, 3, 'h', 'i', '!', 2, 'x', 'y', 0), // comment, two sub-blocks
        bytes(0x2C, 0, 0, 0, 0, w & 0xFF, w >>> 8, h & 0xFF, h >>> 8, 0));
  }

  @Test
  void gifDimensionsComeFromTheFirstImageDescriptor() throws Exception {
    assertThat(header(gif(320, 200, 300, 150)))
        .isEqualTo(new ImageHeader(ImageFormat.GIF, 300, 150, 320 * 200, 1));
    // a logical screen far larger than its frame counts as what it declares
    ImageHeader h = header(gif(65535, 65535, 10, 10));
    assertThat(h.width()).isEqualTo(10);
    assertThat(h.declaredPixels()).isEqualTo(65535L * 65535);
    byte[] g = gif(320, 200, 300, 150);
    assertThat(problem(TestImages.truncated(g, 20)).reason()).isEqualTo(Reason.TRUNCATED);
    g[g.length - 10] = 0x3B; // trailer where the descriptor was
    assertThat(problem(g).detail()).contains("before any image");
  }

  // --- BMP

  private static byte[] le16(int v) {
    return bytes(v & 0xFF, v >>> 8 & 0xFF);
  }

  private static byte[] le32(long v) {
    return bytes((int) v & 0xFF, (int) (v >>> 8) & 0xFF, (int) (v >>> 16) & 0xFF,
        (int) (v >>> 24) & 0xFF);
  }

  private static byte[] bmp(int w, int h, int bpp, int compression, long imageSize,
      int fileSize) {
    return concat(bytes('B', 'M'), le32(fileSize), le32(0), le32(54), le32(40), le32(w),
        le32(h), le16(1), le16(bpp), le32(compression), le32(imageSize), new byte[16]);
  }

  @Test
  void bmpDimensionsComeFromTheDibHeader() throws Exception {
    assertThat(header(bmp(1024, 768, 24, 0, 0, 0)))
        .isEqualTo(new ImageHeader(ImageFormat.BMP, 1024, 768));
    // negative height: rows stored top-down
    assertThat(header(bmp(1024, -768, 24, 0, 0, 0)).height()).isEqualTo(768);
    // OS/2 1.x core header: 16-bit unsigned dimensions
    byte[] core = concat(bytes('B', 'M'), le32(0), le32(0), le32(26), le32(12), le16(40000),
        le16(300), le16(1), le16(24));
    assertThat(header(core)).isEqualTo(new ImageHeader(ImageFormat.BMP, 40000, 300));
  }

  @Test
  void bmpHeadersTheDecoderWouldTrustAreRefused() {
    assertThat(problem(bmp(0, 10, 24, 0, 0, 0)).reason()).isEqualTo(Reason.CORRUPT);
    assertThat(problem(bmp(10, 10, 7, 0, 0, 0)).detail()).contains("7 bits");
    // RLE8 declaring a gigabyte of data in a 70-byte file (the JDK allocates what it declares)
    ImageProblem rle = problem(bmp(100, 100, 8, 1, 1L << 30, 70));
    assertThat(rle.reason()).isEqualTo(Reason.CORRUPT);
    assertThat(rle.detail()).contains("1073741824");
    assertThat(problem(bmp(10, 10, 0, 4, 0, 0)).reason()).isEqualTo(Reason.UNSUPPORTED);
    assertThat(problem(TestImages.truncated(bmp(10, 10, 24, 0, 0, 0), 24)).reason())
        .isEqualTo(Reason.TRUNCATED);
  }

  // --- all formats

  @Test
  void headersOfImageIoFilesAgreeWithImageIo() throws Exception {
    for (String format : new String[] {"jpeg", "png", "gif", "bmp"}) {
      for (int[] wh : new int[][] {{1, 1}, {17, 9}, {640, 480}, {300, 1000}}) {
        byte[] b = TestImages.encoded(format, wh[0], wh[1]);
        ImageHeader h = header(b);
        assertThat(h.format().imageIoName()).isEqualTo(format);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
          ImageReader r = ImageIO.getImageReaders(in).next();
          r.setInput(in);
          assertThat(h.width()).as("%s %s", format, wh).isEqualTo(r.getWidth(0));
          assertThat(h.height()).as("%s %s", format, wh).isEqualTo(r.getHeight(0));
          r.dispose();
        }
      }
    }
  }

  @Test
  void otherTypesAreNotImages() throws Exception {
    String[] others = {"", "hello, world\n", "BMW is a car maker with a long name",
        "GIF88a....", "RIFF\0\0\0\0WEBPVP8 ", "II*\0\10\0\0\0", "%PDF-1.7\n", "\u0089PNG"};
    for (String s : others) {
      assertThat(header(s.getBytes(StandardCharsets.ISO_8859_1))).as(s).isNull();
    }
    assertThat(header(bytes(0xFF, 0xD8))).isNull(); // too short to tell
  }

  @Test
  void tinyFilesDeclaringHugeImagesAreRefusedBeforeDecoding() throws Exception {
    Thumbnailer t = new Thumbnailer(new int[] {128}, 50_000_000);
    byte[] bomb = TestImages.declaredHugePng(60_000, 60_000);
    assertThat(bomb.length).isLessThan(400);
    ImageHeader h = header(bomb);
    assertThat(h.declaredPixels()).isEqualTo(3_600_000_000L);
    ImageProblem p = catchThrowableOfType(() -> t.checkSize(h), ImageProblem.class);
    assertThat(p.reason()).isEqualTo(Reason.REFUSED_TOO_LARGE);
    assertThat(p.detail()).contains("60000x60000", "3600.0 M", "limit of 50.0 M");
    // the limit is inclusive; an edge over 65535 is refused whatever the pixel count
    t.checkSize(header(TestImages.declaredHugePng(10_000, 5_000)));
    assertThat(catchThrowableOfType(() -> t.checkSize(header(TestImages.declaredHugePng(10_000,
        5_001))), ImageProblem.class)).isNotNull();
    assertThat(catchThrowableOfType(() -> t.checkSize(header(TestImages.declaredHugePng(70_000,
        1))), ImageProblem.class).detail()).contains("65535");
    assertThat(catchThrowableOfType(() -> t.checkSize(header(concat(SOI, sof(0xC0, 65535,
        65535)))), ImageProblem.class).reason()).isEqualTo(Reason.REFUSED_TOO_LARGE);
    assertThat(catchThrowableOfType(() -> t.checkSize(header(gif(65535, 65535, 10, 10))),
        ImageProblem.class).reason()).isEqualTo(Reason.REFUSED_TOO_LARGE);
    assertThat(catchThrowableOfType(() -> t.checkSize(header(bmp(20_000, -20_000, 24, 0, 0,
        0))), ImageProblem.class).reason()).isEqualTo(Reason.REFUSED_TOO_LARGE);
  }
}
