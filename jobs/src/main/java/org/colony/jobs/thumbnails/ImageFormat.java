package org.colony.jobs.thumbnails;

/**
 * The image formats thumbnails decodes, recognised by their magic bytes (never by file name).
 */
public enum ImageFormat {
  JPEG("jpeg"), PNG("png"), GIF("gif"), BMP("bmp");

  /** Bytes {@link #sniff} looks at. */
  public static final int MAGIC_BYTES = 18;

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private final String imageIoName;

  ImageFormat(String imageIoName) {
    this.imageIoName = imageIoName;
  }

  /** The format name ImageIO's reader is registered under. */
  public String imageIoName() {
    return imageIoName;
  }

  /**
   * The format whose magic bytes start {@code b[0, n)}, or null. BMP, whose magic is only "BM",
   * also needs a known DIB header size at offset 14, so that text starting with "BM" is not one.
   */
  public static ImageFormat sniff(byte[] b, int n) {
    if (n >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return JPEG;
    }
    if (n >= 8 && startsWith(b, PNG_SIGNATURE)) {
      return PNG;
    }
    if (n >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8'
        && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
      return GIF;
    }
    if (n >= 18 && b[0] == 'B' && b[1] == 'M') {
      long dib = (b[14] & 0xFFL) | (b[15] & 0xFFL) << 8 | (b[16] & 0xFFL) << 16
          | (b[17] & 0xFFL) << 24;
      if (dib == 12 || dib == 16 || dib == 40 || dib == 52 || dib == 56 || dib == 64
          || dib == 108 || dib == 124) {
        return BMP;
      }
    }
    return null;
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
