package org.colony.jobs.thumbnails;

/**
 * What an image's header declares, read without decoding a pixel.
 *
 * @param format the format its magic bytes say
 * @param width the width of the image as stored (before EXIF orientation)
 * @param height the height as stored
 * @param declaredPixels the most pixels the header asks a decoder to hold: width x height, or for
 *     a GIF the larger of its logical screen and its first frame
 * @param orientation the EXIF orientation, 1 to 8 (1 when absent, and for formats other than
 *     JPEG)
 */
public record ImageHeader(ImageFormat format, long width, long height, long declaredPixels,
    int orientation) {

  public ImageHeader(ImageFormat format, long width, long height) {
    this(format, width, height, width * height, ExifOrientation.NORMAL);
  }

  @Override
  public String toString() {
    return format + " " + width + "x" + height
        + (orientation != ExifOrientation.NORMAL ? " orientation " + orientation : "");
  }
}
