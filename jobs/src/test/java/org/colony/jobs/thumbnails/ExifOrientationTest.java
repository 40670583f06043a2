package org.colony.jobs.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.colony.testing.TestImages;
import org.junit.jupiter.api.Test;

/** The Orientation tag read from EXIF bytes, and the pixels where each orientation puts them. */
class ExifOrientationTest {

  /** The APP1 payload TestImages puts into a JPEG, cut out of it again. */
  private static byte[] app1(int orientation, boolean little) {
    byte[] jpeg = TestImages.withExifOrientation(new byte[] {(byte) 0xFF, (byte) 0xD8}, orientation,
        little);
    int length = (jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF;
    return Arrays.copyOfRange(jpeg, 6, 4 + length);
  }

  @Test
  void readsEveryOrientationInBothByteOrders() {
    for (int o = 1; o <= 8; o++) {
      for (boolean little : new boolean[] {true, false}) {
        byte[] seg = app1(o, little);
        assertThat(ExifOrientation.parse(seg, 0, seg.length)).as("%d %s", o, little).isEqualTo(o);
      }
    }
  }

  @Test
  void readsTheTagAtAnOffsetInsideABuffer() {
    byte[] seg = app1(6, false);
    byte[] padded = new byte[seg.length + 10];
    System.arraycopy(seg, 0, padded, 7, seg.length);
    assertThat(ExifOrientation.parse(padded, 7, seg.length)).isEqualTo(6);
  }

  @Test
  void aLongValueIsReadToo() {
    byte[] seg = app1(8, true);
    int entry = 6 + 8 + 2 + 12; // Exif\0\0, TIFF header, entry count, first entry
    seg[entry + 2] = 4; // type LONG
    seg[entry + 8] = 8;
    seg[entry + 9] = 0;
    assertThat(ExifOrientation.parse(seg, 0, seg.length)).isEqualTo(8);
  }

  @Test
  void absentOrMalformedOrientationIsNormal() {
    byte[] seg = app1(6, true);
    assertThat(ExifOrientation.parse(seg, 0, 12)).as("cut inside the header").isEqualTo(1);
    assertThat(ExifOrientation.parse(seg, 0, seg.length - 12)).as("cut before the tag")
        .isEqualTo(1);
    byte[] nine = app1(9, false);
    assertThat(ExifOrientation.parse(nine, 0, nine.length)).isEqualTo(1);
    byte[] badOrder = app1(6, true);
    badOrder[6] = 'X';
    assertThat(ExifOrientation.parse(badOrder, 0, badOrder.length)).isEqualTo(1);
    byte[] farIfd = app1(6, true);
    farIfd[6 + 4] = (byte) 0xF0; // IFD0 offset past the segment
    assertThat(ExifOrientation.parse(farIfd, 0, farIfd.length)).isEqualTo(1);
    byte[] xmp = "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>".getBytes(StandardCharsets.US_ASCII);
    assertThat(ExifOrientation.isExif(xmp, 0, xmp.length)).isFalse();
    assertThat(ExifOrientation.parse(xmp, 0, xmp.length)).isEqualTo(1);
  }

  /**
   * A 3x2 image, pixels 1 to 6 in reading order,
   * <pre>
   * 1 2 3
   * 4 5 6
   * </pre>
   * as each orientation shows it, written out by hand.
   */
  @Test
  void transformsPutEachPixelWhereTheOrientationSays() {
    int[] src = {1, 2, 3, 4, 5, 6};
    int[][] shown = {
        null,
        {1, 2, 3, 4, 5, 6}, // 1: as stored
        {3, 2, 1, 6, 5, 4}, // 2: mirrored left-right
        {6, 5, 4, 3, 2, 1}, // 3: rotated 180
        {4, 5, 6, 1, 2, 3}, // 4: mirrored top-bottom
        {1, 4, 2, 5, 3, 6}, // 5: transposed, 2 wide: 1 4 / 2 5 / 3 6
        {4, 1, 5, 2, 6, 3}, // 6: rotated clockwise: 4 1 / 5 2 / 6 3
        {6, 3, 5, 2, 4, 1}, // 7: transversed: 6 3 / 5 2 / 4 1
        {3, 6, 2, 5, 1, 4}, // 8: rotated counter-clockwise: 3 6 / 2 5 / 1 4
    };
    for (int o = 1; o <= 8; o++) {
      assertThat(ExifOrientation.transform(src, 3, 2, o)).as("orientation %d", o)
          .containsExactly(shown[o]);
    }
  }

  @Test
  void applyRotatesAnImageAndSwapsItsAxes() {
    BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < 6; i++) {
      img.setRGB(i % 3, i / 3, i + 1);
    }
    BufferedImage six = ExifOrientation.apply(img, 6);
    assertThat(six.getWidth()).isEqualTo(2);
    assertThat(six.getHeight()).isEqualTo(3);
    assertThat(six.getRGB(0, 0) & 0xFFFFFF).isEqualTo(4); // stored bottom-left
    assertThat(six.getRGB(1, 0) & 0xFFFFFF).isEqualTo(1); // stored top-left
    assertThat(six.getRGB(1, 2) & 0xFFFFFF).isEqualTo(3); // stored top-right
    BufferedImage eight = ExifOrientation.apply(img, 8);
    assertThat(eight.getRGB(0, 0) & 0xFFFFFF).isEqualTo(3); // stored top-right
    assertThat(eight.getRGB(0, 2) & 0xFFFFFF).isEqualTo(1); // stored top-left
    assertThat(eight.getRGB(1, 2) & 0xFFFFFF).isEqualTo(4);
    assertThat(ExifOrientation.apply(img, 1)).isSameAs(img);
    assertThat(ExifOrientation.apply(img, 0)).isSameAs(img);
  }
}
