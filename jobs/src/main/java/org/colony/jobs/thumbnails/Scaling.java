package org.colony.jobs.thumbnails;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The arithmetic of thumbnails: the size of a thumbnail (longest edge, aspect kept, never
 * upscaled), how much to subsample while decoding, and the downscale itself.
 */
public final class Scaling {
  private Scaling() {}

  /** A width and a height in pixels. */
  public record Size(int width, int height) {
    @Override
    public String toString() {
      return width + "x" + height;
    }
  }

  /**
   * The thumbnail of a {@code width} x {@code height} image at {@code size}: its longest edge
   * {@code size}, the other edge in proportion (rounded half up, at least 1); the image's own size
   * when it is no larger than {@code size} (never upscaled).
   */
  public static Size fit(long width, long height, int size) {
    if (width < 1 || height < 1 || size < 1) {
      throw new IllegalArgumentException("fit " + width + "x" + height + " in " + size);
    }
    if (Math.max(width, height) <= size) {
      return new Size((int) width, (int) height);
    }
    if (width >= height) {
      return new Size(size, (int) Math.max(1, (2 * height * size + width) / (2 * width)));
    }
    return new Size((int) Math.max(1, (2 * width * size + height) / (2 * height)), size);
  }

  /**
   * The subsampling factor to decode a {@code width} x {@code height} image with, for thumbnails
   * no larger than {@code largest}: the biggest whole factor that still leaves the longest edge at
   * least twice {@code largest} (1 when the image is smaller than that). Decoding reads every
   * {@code n}-th pixel of every {@code n}-th row, so the decoded image, about (2 x largest)^2
   * pixels at most, is what the heap holds, however large the source; the smooth downscale from
   * twice the size then hides the aliasing of point sampling.
   */
  public static int subsampling(long width, long height, int largest) {
    long factor = Math.max(width, height) / (2L * largest);
    return (int) Math.max(1, Math.min(factor, Integer.MAX_VALUE));
  }

  /**
   * {@code image} (TYPE_INT_RGB or TYPE_INT_ARGB) scaled to {@code width} x {@code height}:
   * halved with bilinear interpolation while it is at least twice as large (each halving then
   * averages 2x2 pixels, so no source pixel is skipped), then scaled bilinearly to the exact
   * size. Returns {@code image} when it already has that size.
   */
  public static BufferedImage resize(BufferedImage image, int width, int height) {
    BufferedImage current = image;
    while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    if (current.getWidth() != width || current.getHeight() != height) {
      current = draw(current, width, height);
    }
    return current;
  }

  private static BufferedImage draw(BufferedImage src, int width, int height) {
    BufferedImage dst = new BufferedImage(width, height, src.getType());
    Graphics2D g = dst.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
          RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(src, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return dst;
  }
}
