package org.colony.jobs.thumbnails;

import static org.colony.jobs.thumbnails.ImageProblem.Reason.CORRUPT;
import static org.colony.jobs.thumbnails.ImageProblem.Reason.REFUSED_TOO_LARGE;
import static org.colony.jobs.thumbnails.ImageProblem.Reason.TRUNCATED;
import static org.colony.jobs.thumbnails.ImageProblem.Reason.UNSUPPORTED;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes the thumbnails of one image, in memory bounded by the thumbnail sizes rather than the
 * image: the header's pixel count is checked against the limit first; ImageIO then decodes with
 * source subsampling ({@link Scaling#subsampling}), reading rows and keeping only every n-th
 * pixel of every n-th row, so a 40 MP photo is held as about a megapixel; the result is turned by
 * its EXIF orientation and scaled down to each size, largest first, each from the previous.
 *
 * <p>Thumbnails are JPEG (quality 0.85) unless the image has a transparent pixel, then PNG.
 * Decoding errors are {@link ImageProblem}s (TRUNCATED when the decoder ran out of file, or said
 * so; UNSUPPORTED for a kind of image it does not handle; CORRUPT otherwise); an exception of the
 * file system itself propagates. AWT runs headless.
 */
public final class Thumbnailer {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Longest edge decoded at all (JPEG's and GIF's own limit), whatever the pixel limit. */
  public static final long MAX_EDGE = 65535;
  static final float JPEG_QUALITY = 0.85f;

  /** One thumbnail: its size (the longest edge asked for), dimensions and encoded bytes. */
  public record Thumbnail(int size, int width, int height, String extension, byte[] bytes) {}

  /**
   * The thumbnails of an image, smallest size first; the image's dimensions as shown (after its
   * orientation); the decoder's warnings, if any.
   */
  public record Result(int width, int height, List<Thumbnail> thumbnails, List<String> warnings) {}

  private final int[] sizes;
  private final long maxPixels;

  /** Thumbnails at {@code sizes} (ascending), of images of at most {@code maxPixels}. */
  public Thumbnailer(int[] sizes, long maxPixels) {
    this.sizes = sizes.clone();
    this.maxPixels = maxPixels;
  }

  /** Refuses an image whose header declares more than the limits. */
  public void checkSize(ImageHeader h) throws ImageProblem {
    checkSize(h.width(), h.height(), h.declaredPixels());
  }

  private void checkSize(long width, long height, long pixels) throws ImageProblem {
    if (width > MAX_EDGE || height > MAX_EDGE) {
      throw new ImageProblem(REFUSED_TOO_LARGE, String.format(Locale.ROOT,
          "declares %dx%d: an edge longer than %d pixels", width, height, MAX_EDGE));
    }
    if (pixels > maxPixels) {
      throw new ImageProblem(REFUSED_TOO_LARGE, String.format(Locale.ROOT,
          "declares %dx%d (%s pixels), more than the limit of %s (colony.thumbnails.max.pixels)",
          width, height, megapixels(pixels), megapixels(maxPixels)));
    }
  }

  private static String megapixels(long pixels) {
    return pixels >= 1_000_000 ? String.format(Locale.ROOT, "%.1f M", pixels / 1e6)
        : Long.toString(pixels);
  }

  /** Decodes the image {@code header} describes from {@code in} and makes its thumbnails. */
  public Result thumbnails(ImageHeader header, SeekableImageInputStream in)
      throws IOException, ImageProblem {
    checkSize(header);
    List<String> warnings = new ArrayList<>();
    BufferedImage decoded;
    int width;
    int height;
    ImageReader reader = reader(header.format());
    try {
      reader.setInput(in, false, true);
      reader.addIIOReadWarningListener((r, message) -> warnings.add(message));
      width = reader.getWidth(0);
      height = reader.getHeight(0);
      // ImageIO's own view of the header, in case it differs from ours
      checkSize(width, height, Math.max(header.declaredPixels(), (long) width * height));
      ImageReadParam param = reader.getDefaultReadParam();
      int n = Scaling.subsampling(width, height, sizes[sizes.length - 1]);
      param.setSourceSubsampling(n, n, 0, 0);
      decoded = reader.read(0, param);
    } catch (IOException | RuntimeException e) {
      throw classify(header.format(), e, warnings, in);
    } finally {
      reader.dispose();
    }
    for (String w : warnings) {
      if (isTruncation(w)) {
        throw new ImageProblem(TRUNCATED, w);
      }
    }
    if (header.format() != ImageFormat.JPEG && in.hitEnd()) {
      // the BMP decoder, subsampling, fills what it could not read instead of failing
      throw new ImageProblem(TRUNCATED, "the decoder read past the end of the file ("
          + in.length() + " bytes)");
    }
    if (decoded == null) {
      throw new ImageProblem(CORRUPT, "the decoder returned no image");
    }
    BufferedImage rgb = toIntRgb(decoded);
    boolean png = rgb.getType() == BufferedImage.TYPE_INT_ARGB;
    int orientation = header.orientation();
    BufferedImage shown = ExifOrientation.apply(rgb, orientation);
    boolean swap = ExifOrientation.swapsAxes(orientation);
    int shownWidth = swap ? height : width;
    int shownHeight = swap ? width : height;
    List<Thumbnail> thumbnails = new ArrayList<>(sizes.length);
    BufferedImage from = shown;
    for (int i = sizes.length - 1; i >= 0; i--) {
      Scaling.Size fit = Scaling.fit(shownWidth, shownHeight, sizes[i]);
      BufferedImage scaled = Scaling.resize(from, fit.width(), fit.height());
      thumbnails.add(new Thumbnail(sizes[i], fit.width(), fit.height(), png ? "png" : "jpg",
          encode(scaled, png)));
      from = scaled;
    }
    Collections.reverse(thumbnails);
    return new Result(shownWidth, shownHeight, thumbnails, warnings);
  }

  private static ImageReader reader(ImageFormat format) throws ImageProblem {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
    if (!readers.hasNext()) {
      throw new ImageProblem(UNSUPPORTED, "no ImageIO reader for " + format);
    }
    return readers.next();
  }

  /** Why decoding failed; the file system's own exception is rethrown. */
  private static ImageProblem classify(ImageFormat format, Exception e, List<String> warnings,
      SeekableImageInputStream in) throws IOException {
    if (in.failure() != null) {
      throw in.failure();
    }
    String detail = describe(e);
    if (!warnings.isEmpty()) {
      detail += " (after: " + String.join("; ", warnings) + ")";
    }
    // the JPEG decoder reads ahead in blocks: reaching the end says nothing about the file
    boolean ranOut = format != ImageFormat.JPEG && in.hitEnd();
    if (ranOut || causedBy(e, EOFException.class) || isTruncation(detail)) {
      return new ImageProblem(TRUNCATED, detail);
    }
    if (detail.contains("Unsupported Image Type") || detail.contains("Unsupported JPEG process")) {
      return new ImageProblem(UNSUPPORTED, detail); // CMYK, YCCK, lossless or arithmetic JPEG
    }
    return new ImageProblem(CORRUPT, detail);
  }

  /** The JPEG decoder's words for a file that ends early. */
  private static boolean isTruncation(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    return m.contains("premature end of jpeg file") || m.contains("truncated file");
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The messages of an exception and its causes, on one line. */
  static String describe(Throwable e) {
    StringBuilder b = new StringBuilder();
    int depth = 0;
    for (Throwable t = e; t != null && depth < 4; t = t.getCause(), depth++) {
      String m = t.getMessage();
      String part = m == null || m.isBlank() ? t.getClass().getSimpleName() : m.trim();
      if (b.indexOf(part) < 0) {
        b.append(b.length() == 0 ? "" : ": ").append(part);
      }
    }
    return b.toString().replaceAll("\\s+", " ");
  }

  /**
   * The image as TYPE_INT_ARGB if it has a transparent pixel, else TYPE_INT_RGB (whatever the
   * decoder made: palette, grey, 16 bits per sample...).
   */
  static BufferedImage toIntRgb(BufferedImage image) throws ImageProblem {
    try {
      if (image.getColorModel().hasAlpha()) {
        BufferedImage argb = convert(image, BufferedImage.TYPE_INT_ARGB);
        if (hasTransparentPixel(argb)) {
          return argb;
        }
        image = argb;
      }
      return convert(image, BufferedImage.TYPE_INT_RGB);
    } catch (RuntimeException e) {
      throw new ImageProblem(UNSUPPORTED, "colours not convertible to RGB: " + describe(e));
    }
  }

  private static BufferedImage convert(BufferedImage image, int type) {
    if (image.getType() == type) {
      return image;
    }
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static boolean hasTransparentPixel(BufferedImage argb) {
    for (int p : ((DataBufferInt) argb.getRaster().getDataBuffer()).getData()) {
      if (p >>> 24 != 0xFF) {
        return true;
      }
    }
    return false;
  }

  /** PNG, or JPEG at {@link #JPEG_QUALITY}. */
  static byte[] encode(BufferedImage image, boolean png) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 14);
    ImageWriter writer = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (!png) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
