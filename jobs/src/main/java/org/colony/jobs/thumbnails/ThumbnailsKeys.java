package org.colony.jobs.thumbnails;

import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.colony.conf.ConfigKey;

/** Configuration keys of thumbnails, with typed accessors. Documented in conf/colony-default.xml. */
public final class ThumbnailsKeys {
  private ThumbnailsKeys() {}

  /** The largest thumbnail size accepted: the decoded image is up to twice this on each edge. */
  public static final int MAX_SIZE = 2048;

  public static final ConfigKey SIZES = ConfigKey.of("colony.thumbnails.sizes", "128,512",
      "Thumbnail sizes, comma-separated: the longest edge in pixels of each thumbnail (1 to "
          + MAX_SIZE + "). The aspect ratio is kept and images are never upscaled: an image "
          + "smaller than a size gets a thumbnail of its own dimensions at that size.");

  public static final ConfigKey MAX_PIXELS = ConfigKey.of("colony.thumbnails.max.pixels",
      "50000000", "Largest image, in pixels (width x height as its header declares them), that "
          + "is decoded. A larger one (a decompression bomb is a small file that declares a huge "
          + "image) is refused before any pixel is decoded: counted as REFUSED_TOO_LARGE and "
          + "listed in problems/.");

  public static List<ConfigKey> all() {
    return List.of(SIZES, MAX_PIXELS);
  }

  /** The sizes, ascending and distinct. */
  public static int[] sizes(Configuration conf) {
    String v = SIZES.get(conf);
    int[] sizes = parseSizes(v);
    if (sizes == null) {
      throw new IllegalArgumentException("--sizes takes comma-separated whole numbers from 1 to "
          + MAX_SIZE + ", such as 128,512; got '" + v + "' [" + SIZES.name() + "]");
    }
    return sizes;
  }

  public static void setSizes(Configuration conf, int... sizes) {
    StringBuilder b = new StringBuilder();
    for (int s : sizes) {
      b.append(b.length() == 0 ? "" : ",").append(s);
    }
    SIZES.set(conf, b.toString());
  }

  /** Sizes parsed, sorted and made distinct; null when malformed or out of range. */
  static int[] parseSizes(String v) {
    String[] parts = v.split(",", -1);
    int[] sizes = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].trim();
      if (!p.matches("\\d{1,5}")) {
        return null;
      }
      sizes[i] = Integer.parseInt(p);
      if (sizes[i] < 1 || sizes[i] > MAX_SIZE) {
        return null;
      }
    }
    return Arrays.stream(sizes).sorted().distinct().toArray();
  }

  /** The pixel limit; at least 1. */
  public static long maxPixels(Configuration conf) {
    long max = MAX_PIXELS.getLong(conf);
    if (max < 1) {
      throw new IllegalArgumentException(MAX_PIXELS.name() + " must be at least 1, got " + max);
    }
    return max;
  }
}
