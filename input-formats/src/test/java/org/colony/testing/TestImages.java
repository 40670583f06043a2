package org.colony.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;

/**
 * Images made by tests, with ImageIO or byte by byte: a quadrant pattern in each format, JPEGs
 * carrying an EXIF orientation, and hostile PNGs (a declared-huge image of a few hundred bytes, a
 * metadata chunk that inflates to hundreds of megabytes).
 */
public final class TestImages {
  private TestImages() {}

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** Colours of the quadrants: top-left, top-right, bottom-left, bottom-right. */
  public static final Color[] QUADRANTS = {Color.RED, Color.GREEN, Color.BLUE, Color.WHITE};

  /** A {@code w} x {@code h} image of four solid quadrants ({@link #QUADRANTS}). */
  public static BufferedImage quadrants(int w, int h, int type) {
    BufferedImage img = new BufferedImage(w, h, type);
    Graphics2D g = img.createGraphics();
    int hw = w / 2;
    int hh = h / 2;
    g.setColor(QUADRANTS[0]);
    g.fillRect(0, 0, hw, hh);
    g.setColor(QUADRANTS[1]);
    g.fillRect(hw, 0, w - hw, hh);
    g.setColor(QUADRANTS[2]);
    g.fillRect(0, hh, hw, h - hh);
    g.setColor(QUADRANTS[3]);
    g.fillRect(hw, hh, w - hw, h - hh);
    g.dispose();
    return img;
  }

  /** The quadrant pattern encoded by ImageIO as {@code format} (jpeg, png, gif, bmp). */
  public static byte[] encoded(String format, int w, int h) {
    int type = format.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED
        : BufferedImage.TYPE_3BYTE_BGR;
    return encode(quadrants(w, h, type), format);
  }

  /** A PNG of the quadrant pattern whose right half is fully transparent. */
  public static byte[] transparentPng(int w, int h) {
    BufferedImage img = quadrants(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = w / 2; x < w; x++) {
        img.setRGB(x, y, 0);
      }
    }
    return encode(img, "png");
  }

  public static byte[] encode(BufferedImage img, String format) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, format, b)) {
        throw new IllegalArgumentException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  /** The first {@code n} bytes. */
  public static byte[] truncated(byte[] b, int n) {
    byte[] t = new byte[n];
    System.arraycopy(b, 0, t, 0, n);
    return t;
  }

  /**
   * {@code jpeg} with an APP1 Exif segment right after its SOI, whose IFD0 holds the
   * Orientation tag (0x0112, SHORT) = {@code orientation}, in Intel (II) or Motorola (MM) order,
   * after another tag so the reader has to walk the IFD.
   */
  public static byte[] withExifOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
    ByteArrayOutputStream tiff = new ByteArrayOutputStream();
    Endian e = new Endian(tiff, littleEndian);
    tiff.write(littleEndian ? 'I' : 'M');
    tiff.write(littleEndian ? 'I' : 'M');
    e.u16(42);
    e.u32(8); // IFD0 right after the header
    e.u16(2); // entries
    e.u16(0x010F); // Make, ASCII, 4 bytes inline: "Cam\0"
    e.u16(2);
    e.u32(4);
    tiff.writeBytes("Cam\0".getBytes(StandardCharsets.US_ASCII));
    e.u16(0x0112); // Orientation, SHORT, 1, value left-justified
    e.u16(3);
    e.u32(1);
    e.u16(orientation);
    e.u16(0);
    e.u32(0); // no next IFD
    byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.toByteArray());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1);
    int length = payload.length + 2;
    out.write(length >>> 8);
    out.write(length & 0xFF);
    out.writeBytes(payload);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /**
   * A PNG of a few hundred bytes whose IHDR declares {@code w} x {@code h} RGB pixels: the start
   * of its zlib stream of zero rows (which would inflate to w x h x 3 bytes and more), no IEND.
   */
  public static byte[] declaredHugePng(long w, long h) {
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(z, new Deflater(9))) {
      d.write(new byte[1 << 20]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] idat = truncated(z.toByteArray(), 200);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(pngSignature());
    chunk(png, "IHDR", ihdr(w, h, 2));
    chunk(png, "IDAT", idat);
    return png.toByteArray();
  }

  /**
   * A valid 2x2 palette PNG with a zTXt chunk of about 300 KB that inflates to {@code mb}
   * megabytes of zeros.
   */
  public static byte[] pngWithTextBomb(int mb) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(pngSignature());
    chunk(png, "IHDR", ihdr(2, 2, 3));
    chunk(png, "PLTE", new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    text.writeBytes("Comment".getBytes(StandardCharsets.US_ASCII));
    text.write(0);
    text.write(0); // compression method: zlib
    try (DeflaterOutputStream d = new DeflaterOutputStream(text, new Deflater(9))) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < mb; i++) {
        d.write(zeros);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    chunk(png, "zTXt", text.toByteArray());
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(z)) {
      d.write(new byte[] {0, 0, 1, 0, 1, 0}); // two rows: filter byte, two palette indexes
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    chunk(png, "IDAT", z.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static byte[] pngSignature() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  }

  private static byte[] ihdr(long w, long h, int colourType) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    Endian e = new Endian(b, false);
    e.u32(w);
    e.u32(h);
    b.write(8); // bit depth
    b.write(colourType);
    b.write(0);
    b.write(0);
    b.write(0);
    return b.toByteArray();
  }

  /** Writes a PNG chunk with its length and CRC. */
  public static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    DataOutputStream o = new DataOutputStream(png);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    try {
      o.writeInt(data.length);
      o.write(t);
      o.write(data);
      o.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  /** Writes 16- and 32-bit values in one byte order. */
  private static final class Endian {
    private final ByteArrayOutputStream out;
    private final boolean little;

    Endian(ByteArrayOutputStream out, boolean little) {
      this.out = out;
      this.little = little;
    }

    void u16(int v) {
      if (little) {
        out.write(v & 0xFF);
        out.write(v >>> 8 & 0xFF);
      } else {
        out.write(v >>> 8 & 0xFF);
        out.write(v & 0xFF);
      }
    }

    void u32(long v) {
      if (little) {
        u16((int) (v & 0xFFFF));
        u16((int) (v >>> 16 & 0xFFFF));
      } else {
        u16((int) (v >>> 16 & 0xFFFF));
        u16((int) (v & 0xFFFF));
      }
    }
  }
}
