package org.colony.jobs.thumbnails;

import static org.colony.jobs.thumbnails.ImageProblem.Reason.CORRUPT;
import static org.colony.jobs.thumbnails.ImageProblem.Reason.REFUSED_TOO_LARGE;
import static org.colony.jobs.thumbnails.ImageProblem.Reason.TRUNCATED;
import static org.colony.jobs.thumbnails.ImageProblem.Reason.UNSUPPORTED;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads an image's header from the start of a stream, byte by byte, without decoding pixels and
 * without ImageIO: the PNG IHDR chunk, the JPEG frame header (SOF, and the EXIF orientation of an
 * APP1 segment before it), the GIF logical screen and first image descriptor, the BMP file and
 * DIB headers. So a decompression bomb is known for what it declares before any decoder sees it.
 *
 * <p>Also refused here, because ImageIO would trust them: a PNG whose compressed metadata
 * (zTXt, iTXt, iCCP) inflates past {@link #MAX_INFLATED_METADATA} bytes, and a run-length encoded
 * BMP that declares more compressed data than the file holds (the JDK's reader allocates what it
 * declares).
 *
 * <p>The stream is read only as far as the header goes (for a PNG, up to its first IDAT chunk);
 * an {@link IOException} of the stream itself propagates, an image ending early is
 * {@link ImageProblem.Reason#TRUNCATED}.
 */
public final class ImageHeaders {
  private ImageHeaders() {}

  /** Most bytes a compressed PNG text or ICC chunk may inflate to. */
  public static final int MAX_INFLATED_METADATA = 8 << 20;
  /** How far a JPEG's frame header may be from its start (past its APPn segments). */
  static final long MAX_JPEG_HEADER = 16L << 20;

  private static final int IHDR = 0x49484452;
  private static final int IDAT = 0x49444154;
  private static final int IEND = 0x49454E44;
  private static final int ZTXT = 0x7A545874;
  private static final int ITXT = 0x69545874;
  private static final int ICCP = 0x69434350;

  /**
   * The header of the image {@code in} starts with, or null when its magic bytes are not those of
   * a JPEG, PNG, GIF or BMP.
   *
   * @param fileSize the file's size, or -1 if unknown
   */
  public static ImageHeader read(InputStream in, long fileSize) throws IOException, ImageProblem {
    Input h = new Input(in);
    byte[] magic = new byte[ImageFormat.MAGIC_BYTES];
    int n = h.readUpTo(magic);
    ImageFormat format = ImageFormat.sniff(magic, n);
    if (format == null) {
      return null;
    }
    h.replay(magic, n);
    switch (format) {
      case JPEG:
        return jpeg(h);
      case PNG:
        return png(h);
      case GIF:
        return gif(h);
      default:
        return bmp(h, fileSize);
    }
  }

  private static ImageHeader png(Input h) throws IOException, ImageProblem {
    h.skip(8); // signature
    long length = h.u32be();
    if (length != 13 || h.s32be() != IHDR) {
      throw new ImageProblem(CORRUPT, "PNG does not start with an IHDR chunk");
    }
    long width = h.u32be();
    long height = h.u32be();
    if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw new ImageProblem(CORRUPT, "PNG IHDR declares " + width + "x" + height);
    }
    h.skip(5 + 4); // depth, colour type, compression, filter, interlace; CRC
    while (true) {
      long at = h.position();
      long chunk = h.u32be();
      int type = h.s32be();
      if (chunk > Integer.MAX_VALUE) {
        throw new ImageProblem(CORRUPT, "PNG chunk at byte " + at + " declares length " + chunk);
      }
      if (type == IDAT) {
        return new ImageHeader(ImageFormat.PNG, width, height);
      }
      if (type == IEND) {
        throw new ImageProblem(CORRUPT, "PNG ends (IEND) before any image data (IDAT)");
      }
      if (type == ZTXT || type == ITXT || type == ICCP) {
        checkCompressedMetadata(h, type, (int) chunk);
      } else {
        h.skip(chunk);
      }
      h.skip(4); // CRC
    }
  }

  /** Refuses a compressed text or ICC chunk that inflates past the limit; reads it whole. */
  private static void checkCompressedMetadata(Input h, int type, int length)
      throws IOException, ImageProblem {
    String name = new String(new byte[] {(byte) (type >>> 24), (byte) (type >>> 16),
        (byte) (type >>> 8), (byte) type}, StandardCharsets.US_ASCII);
    if (length > MAX_INFLATED_METADATA) {
      throw new ImageProblem(REFUSED_TOO_LARGE, "PNG " + name + " chunk of " + length
          + " bytes, more than " + MAX_INFLATED_METADATA);
    }
    byte[] data = h.readFully(length);
    int at = zeroAfter(data, 0); // keyword
    if (at < 0) {
      return; // malformed: ImageIO skips such chunks (or fails later, as corrupt)
    }
    if (type == ITXT) {
      if (at + 2 >= data.length || data[at + 1] == 0) {
        return; // not compressed
      }
      at = zeroAfter(data, at + 3); // language tag
      at = at < 0 ? -1 : zeroAfter(data, at + 1); // translated keyword
      if (at < 0) {
        return;
      }
      at += 1;
    } else {
      at += 2; // keyword's NUL, compression method
    }
    if (at > data.length) {
      return;
    }
    long inflated = inflatedSize(data, at, data.length - at, MAX_INFLATED_METADATA);
    if (inflated > MAX_INFLATED_METADATA) {
      throw new ImageProblem(REFUSED_TOO_LARGE, "PNG " + name + " chunk of " + length
          + " bytes inflates past " + MAX_INFLATED_METADATA + " bytes");
    }
  }

  private static int zeroAfter(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Bytes {@code b[off, off+len)} inflate to, counting no further than {@code limit} + 1. */
  static long inflatedSize(byte[] b, int off, int len, long limit) {
    Inflater inf = new Inflater();
    try {
      inf.setInput(b, off, len);
      byte[] sink = new byte[1 << 15];
      long total = 0;
      while (!inf.finished() && total <= limit) {
        int n = inf.inflate(sink);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          break;
        }
        total += n;
      }
      return total;
    } catch (DataFormatException e) {
      return 0; // not valid zlib data: ImageIO reports it, or skips the chunk
    } finally {
      inf.end();
    }
  }

  private static ImageHeader jpeg(Input h) throws IOException, ImageProblem {
    h.skip(2); // SOI
    int orientation = ExifOrientation.NORMAL;
    boolean exifSeen = false;
    while (true) {
      long at = h.position();
      if (at > MAX_JPEG_HEADER) {
        throw new ImageProblem(CORRUPT, "JPEG has no frame header (SOF) in its first "
            + MAX_JPEG_HEADER + " bytes");
      }
      int b = h.u8();
      if (b != 0xFF) {
        throw new ImageProblem(CORRUPT, String.format("JPEG: byte 0x%02X at %d where a marker "
            + "should start", b, at));
      }
      int marker;
      do {
        marker = h.u8();
      } while (marker == 0xFF); // fill bytes
      if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
        continue; // TEM, RSTn: no length
      }
      if (marker == 0xD8 || marker == 0xD9 || marker == 0xDA || marker == 0x00) {
        throw new ImageProblem(CORRUPT, String.format("JPEG: marker 0x%02X at %d before any "
            + "frame header (SOF)", marker, at));
      }
      int length = h.u16be();
      if (length < 2) {
        throw new ImageProblem(CORRUPT, "JPEG: segment length " + length + " at " + at);
      }
      if (isStartOfFrame(marker)) {
        if (length < 8) {
          throw new ImageProblem(CORRUPT, "JPEG: frame header of " + length + " bytes");
        }
        h.skip(1); // sample precision
        int height = h.u16be();
        int width = h.u16be();
        if (width == 0 || height == 0) {
          throw new ImageProblem(height == 0 && width != 0 ? UNSUPPORTED : CORRUPT,
              "JPEG frame header declares " + width + "x" + height
                  + (height == 0 ? " (height defined later, by a DNL marker)" : ""));
        }
        return new ImageHeader(ImageFormat.JPEG, width, height, (long) width * height,
            orientation);
      }
      if (marker == 0xE1 && !exifSeen && length >= 2 + 14) {
        byte[] segment = h.readFully(length - 2);
        if (ExifOrientation.isExif(segment, 0, segment.length)) {
          exifSeen = true;
          orientation = ExifOrientation.parse(segment, 0, segment.length);
        }
      } else {
        h.skip(length - 2);
      }
    }
  }

  /** SOF0-SOF15 but DHT (C4), JPG (C8) and DAC (CC). */
  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
        && marker != 0xCC;
  }

  private static ImageHeader gif(Input h) throws IOException, ImageProblem {
    h.skip(6); // GIF87a / GIF89a
    int screenWidth = h.u16le();
    int screenHeight = h.u16le();
    int packed = h.u8();
    h.skip(2); // background colour, aspect ratio
    if ((packed & 0x80) != 0) {
      h.skip(3L << ((packed & 7) + 1)); // global colour table
    }
    while (true) {
      long at = h.position();
      int block = h.u8();
      if (block == 0x21) { // extension: label, then data sub-blocks up to a 0 length
        h.skip(1);
        for (int n = h.u8(); n != 0; n = h.u8()) {
          h.skip(n);
        }
      } else if (block == 0x2C) { // image descriptor
        h.skip(4); // left, top
        int width = h.u16le();
        int height = h.u16le();
        if (width == 0 || height == 0) {
          throw new ImageProblem(CORRUPT, "GIF image descriptor declares " + width + "x"
              + height);
        }
        long pixels = Math.max((long) width * height, (long) screenWidth * screenHeight);
        return new ImageHeader(ImageFormat.GIF, width, height, pixels, ExifOrientation.NORMAL);
      } else if (block == 0x3B) {
        throw new ImageProblem(CORRUPT, "GIF ends (trailer) before any image");
      } else {
        throw new ImageProblem(CORRUPT, String.format("GIF: unknown block 0x%02X at %d", block,
            at));
      }
    }
  }

  private static ImageHeader bmp(Input h, long fileSize) throws IOException, ImageProblem {
    h.skip(2); // BM
    long declaredFileSize = h.u32le();
    h.skip(4); // reserved
    long dataOffset = h.u32le();
    long dib = h.u32le();
    long width;
    long height;
    int bitsPerPixel;
    long compression = 0;
    long imageSize = 0;
    if (dib == 12) { // OS/2 1.x BITMAPCOREHEADER: unsigned 16-bit dimensions
      width = h.u16le();
      height = h.u16le();
      h.skip(2);
      bitsPerPixel = h.u16le();
    } else {
      width = h.s32le();
      height = h.s32le();
      h.skip(2);
      bitsPerPixel = h.u16le();
      if (dib >= 20) {
        compression = h.u32le();
      }
      if (dib >= 24) {
        imageSize = h.u32le();
      }
    }
    if (width <= 0 || height == 0 || height == Integer.MIN_VALUE) {
      throw new ImageProblem(CORRUPT, "BMP header declares " + width + "x" + height);
    }
    height = Math.abs(height); // negative: rows stored top-down
    if (compression == 4 || compression == 5) {
      throw new ImageProblem(UNSUPPORTED, "BMP holding a " + (compression == 4 ? "JPEG" : "PNG")
          + " (compression " + compression + ")");
    }
    if (compression > 6 || bitsPerPixel != 1 && bitsPerPixel != 4 && bitsPerPixel != 8
        && bitsPerPixel != 16 && bitsPerPixel != 24 && bitsPerPixel != 32) {
      throw new ImageProblem(CORRUPT, "BMP header declares " + bitsPerPixel
          + " bits per pixel, compression " + compression);
    }
    if ((compression == 1 || compression == 2) && fileSize >= 0) {
      long data = imageSize != 0 ? imageSize : declaredFileSize - dataOffset;
      if (data < 0 || data > fileSize) {
        throw new ImageProblem(CORRUPT, "BMP declares " + data + " bytes of run-length "
            + "encoded data in a file of " + fileSize);
      }
    }
    return new ImageHeader(ImageFormat.BMP, width, height);
  }

  /** The stream, with its position, and reads that call a premature end TRUNCATED. */
  private static final class Input {
    private final InputStream in;
    private byte[] replay;
    private int replayAt;
    private int replayEnd;
    private long position;

    Input(InputStream in) {
      this.in = new BufferedInputStream(in, 8192);
    }

    long position() {
      return position;
    }

    /** Reads up to {@code b.length} bytes, fewer only at the end of the stream. */
    int readUpTo(byte[] b) throws IOException {
      int n = 0;
      while (n < b.length) {
        int r = in.read(b, n, b.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
      return n;
    }

    /** Makes the next reads return {@code b[0, n)} again, from position 0. */
    void replay(byte[] b, int n) {
      replay = b;
      replayAt = 0;
      replayEnd = n;
      position = 0;
    }

    int u8() throws IOException, ImageProblem {
      if (replayAt < replayEnd) {
        position++;
        return replay[replayAt++] & 0xFF;
      }
      int b = in.read();
      if (b < 0) {
        throw new ImageProblem(TRUNCATED, "ends at byte " + position + ", inside its header");
      }
      position++;
      return b;
    }

    int u16be() throws IOException, ImageProblem {
      return u8() << 8 | u8();
    }

    int u16le() throws IOException, ImageProblem {
      return u8() | u8() << 8;
    }

    long u32be() throws IOException, ImageProblem {
      return (long) u16be() << 16 | u16be();
    }

    int s32be() throws IOException, ImageProblem {
      return (int) u32be();
    }

    long u32le() throws IOException, ImageProblem {
      return u16le() | (long) u16le() << 16;
    }

    int s32le() throws IOException, ImageProblem {
      return (int) u32le();
    }

    byte[] readFully(int n) throws IOException, ImageProblem {
      byte[] b = new byte[n];
      int i = 0;
      while (i < n && replayAt < replayEnd) {
        b[i++] = replay[replayAt++];
      }
      while (i < n) {
        int r = in.read(b, i, n - i);
        if (r < 0) {
          throw new ImageProblem(TRUNCATED, "ends at byte " + (position + i)
              + ", inside its header");
        }
        i += r;
      }
      position += n;
      return b;
    }

    void skip(long n) throws IOException, ImageProblem {
      while (n > 0 && replayAt < replayEnd) {
        replayAt++;
        position++;
        n--;
      }
      while (n > 0) {
        long s = in.skip(n);
        if (s <= 0) {
          u8(); // skip() may return 0 before the end: read one byte to tell
          s = 1;
        } else {
          position += s;
        }
        n -= s;
      }
    }
  }
}
