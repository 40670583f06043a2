package org.colony.jobs.thumbnails;

import java.awt.image.BufferedImage;

/**
 * The EXIF orientation of a JPEG: a small byte-level reader of the Orientation tag (0x0112) in
 * IFD0 of an APP1 "Exif" segment, and the rotation or flip that shows the stored pixels the way
 * the camera meant.
 *
 * <pre>
 * 1 as stored          2 mirrored left-right     3 rotated 180        4 mirrored top-bottom
 * 5 transposed         6 rotated 90 clockwise    7 transversed        8 rotated 90 counter-clockwise
 * </pre>
 *
 * (5: mirrored left-right, then rotated 90 counter-clockwise; 7: mirrored left-right, then rotated
 * 90 clockwise.) 5 to 8 swap width and height.
 */
public final class ExifOrientation {
  private ExifOrientation() {}

  public static final int NORMAL = 1;

  private static final int ORIENTATION_TAG = 0x0112;
  private static final int TYPE_SHORT = 3;
  private static final int TYPE_LONG = 4;

  /** Whether {@code b[off, off+len)}, an APP1 segment's payload, starts with "Exif\0\0". */
  public static boolean isExif(byte[] b, int off, int len) {
    return len >= 6 && b[off] == 'E' && b[off + 1] == 'x' && b[off + 2] == 'i'
        && b[off + 3] == 'f' && b[off + 4] == 0 && b[off + 5] == 0;
  }

  /**
   * The orientation in an APP1 segment's payload (the bytes after its length field): 1 to 8, or
   * {@link #NORMAL} when the segment is not EXIF, has no orientation tag, or is malformed.
   */
  public static int parse(byte[] b, int off, int len) {
    if (!isExif(b, off, len) || len < 6 + 8) {
      return NORMAL;
    }
    int tiff = off + 6; // offsets in EXIF count from the TIFF header
    int end = off + len;
    boolean little;
    if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
      little = true;
    } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
      little = false;
    } else {
      return NORMAL;
    }
    if (u16(b, tiff + 2, little) != 42) {
      return NORMAL;
    }
    long ifd = u32(b, tiff + 4, little);
    if (ifd < 8 || ifd > end - tiff - 2) {
      return NORMAL;
    }
    int p = tiff + (int) ifd;
    int entries = u16(b, p, little);
    p += 2;
    for (int i = 0; i < entries && p + 12 <= end; i++, p += 12) {
      if (u16(b, p, little) != ORIENTATION_TAG) {
        continue;
      }
      int type = u16(b, p + 2, little);
      long count = u32(b, p + 4, little);
      long value;
      if (type == TYPE_SHORT && count >= 1) {
        value = u16(b, p + 8, little); // a SHORT sits in the first two bytes of the value field
      } else if (type == TYPE_LONG && count >= 1) {
        value = u32(b, p + 8, little);
      } else {
        return NORMAL;
      }
      return value >= 1 && value <= 8 ? (int) value : NORMAL;
    }
    return NORMAL;
  }

  private static int u16(byte[] b, int i, boolean little) {
    int b0 = b[i] & 0xFF;
    int b1 = b[i + 1] & 0xFF;
    return little ? b1 << 8 | b0 : b0 << 8 | b1;
  }

  private static long u32(byte[] b, int i, boolean little) {
    long lo = u16(b, little ? i : i + 2, little);
    long hi = u16(b, little ? i + 2 : i, little);
    return hi << 16 | lo;
  }

  /** Whether the orientation swaps width and height (5 to 8). */
  public static boolean swapsAxes(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  /**
   * The image as it should be shown: {@code image} rotated or flipped by {@code orientation}.
   * {@code image} must be TYPE_INT_RGB or TYPE_INT_ARGB; the result has its type. Orientation 1
   * (or an unknown value) returns {@code image} itself.
   */
  public static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation < 2 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int[] src = image.getRGB(0, 0, w, h, null, 0, w);
    int[] dst = transform(src, w, h, orientation);
    boolean swap = swapsAxes(orientation);
    int dw = swap ? h : w;
    int dh = swap ? w : h;
    BufferedImage out = new BufferedImage(dw, dh, image.getType());
    out.setRGB(0, 0, dw, dh, dst, 0, dw);
    return out;
  }

  /**
   * Pixels {@code src} (row-major, {@code w} x {@code h}) as shown under {@code orientation}:
   * row-major, {@code h} x {@code w} for 5 to 8.
   */
  static int[] transform(int[] src, int w, int h, int orientation) {
    int[] dst = new int[src.length];
    boolean swap = swapsAxes(orientation);
    int dw = swap ? h : w;
    int dh = swap ? w : h;
    for (int y = 0; y < dh; y++) {
      for (int x = 0; x < dw; x++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2: // mirror left-right
            sx = w - 1 - x;
            sy = y;
            break;
          case 3: // rotate 180
            sx = w - 1 - x;
            sy = h - 1 - y;
            break;
          case 4: // mirror top-bottom
            sx = x;
            sy = h - 1 - y;
            break;
          case 5: // transpose
            sx = y;
            sy = x;
            break;
          case 6: // rotate 90 clockwise: the shown top row is the stored left column, upwards
            sx = y;
            sy = h - 1 - x;
            break;
          case 7: // transverse
            sx = w - 1 - y;
            sy = h - 1 - x;
            break;
          case 8: // rotate 90 counter-clockwise
            sx = w - 1 - y;
            sy = x;
            break;
          default:
            sx = x;
            sy = y;
        }
        dst[y * dw + x] = src[sy * w + sx];
      }
    }
    return dst;
  }
}
