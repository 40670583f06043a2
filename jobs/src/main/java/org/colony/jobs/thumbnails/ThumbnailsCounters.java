package org.colony.jobs.thumbnails;

/**
 * What thumbnails found. Every upload read is an image or another type: {@code RECORDS_PARSED =
 * IMAGES + SKIPPED_OTHER_TYPE}; every image is thumbnailed or refused with one reason:
 * {@code IMAGES = THUMBNAILED + REFUSED_TOO_LARGE + REFUSED_PATH + TRUNCATED + CORRUPT +
 * UNSUPPORTED + UNREADABLE}.
 */
public enum ThumbnailsCounters {
  /** Uploads whose magic bytes say JPEG, PNG, GIF or BMP. */
  IMAGES,
  /** Images that got all their thumbnails. */
  THUMBNAILED,
  /** Thumbnail files written (an image gets one per size). */
  THUMBNAILS_WRITTEN,
  /** Bytes of the thumbnail files. */
  THUMBNAIL_BYTES,
  /** Uploads of any other type (by content, whatever their name): not decoded, not listed. */
  SKIPPED_OTHER_TYPE,
  /** Images whose header declares more than colony.thumbnails.max.pixels (or an edge over 65535). */
  REFUSED_TOO_LARGE,
  /** Images whose path cannot be mirrored safely under the output (a '..' component, say). */
  REFUSED_PATH,
  /** Images that end before their data does. */
  TRUNCATED,
  /** Images whose header or data is damaged. */
  CORRUPT,
  /** Well-formed images of a kind the decoder does not handle (a CMYK JPEG, say). */
  UNSUPPORTED,
  /** Images removed or made unreadable between their header and their decoding. */
  UNREADABLE,
  /** Thumbnailed images on which the decoder warned (listed in problems/ as DECODE_WARNING). */
  DECODE_WARNINGS
}
