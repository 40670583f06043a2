package org.colony.jobs.thumbnails;

import static org.colony.jobs.thumbnails.ImageProblem.Reason.REFUSED_PATH;

import java.nio.charset.StandardCharsets;

/**
 * Where an image's thumbnails go: {@code thumbs/<size>/<relative path>.<jpg|png>} under the
 * output, mirroring the uploads tree. The relative path is checked first, so that no thumbnail
 * can land outside its size's folder: an absolute path, an empty component, or a '.' or '..'
 * component (which Hadoop's Path would resolve) is refused, as is a name too long once the
 * extension is added. Everything else (spaces, tabs, newlines, backslashes, any Unicode) is kept
 * as it is.
 */
public final class ThumbnailPaths {
  private ThumbnailPaths() {}

  /** The folder of the thumbnails under the output. */
  public static final String FOLDER = "thumbs";
  /** The longest file name, in UTF-8 bytes, most file systems (and HDFS by default) accept. */
  static final int MAX_NAME_BYTES = 255;

  /** Refuses a relative path that cannot be mirrored safely; see the class comment. */
  public static void check(String relative) throws ImageProblem {
    if (relative.isEmpty()) {
      throw new ImageProblem(REFUSED_PATH, "empty path");
    }
    if (relative.startsWith("/")) {
      throw new ImageProblem(REFUSED_PATH, "absolute path");
    }
    String[] parts = relative.split("/", -1);
    for (String part : parts) {
      if (part.isEmpty()) {
        throw new ImageProblem(REFUSED_PATH, "empty path component");
      }
      if (part.equals(".") || part.equals("..")) {
        throw new ImageProblem(REFUSED_PATH, "'" + part + "' component: its thumbnail could "
            + "leave the output folder");
      }
    }
    int name = parts[parts.length - 1].getBytes(StandardCharsets.UTF_8).length;
    if (name + ".jpg".length() > MAX_NAME_BYTES) {
      throw new ImageProblem(REFUSED_PATH, "file name of " + name + " bytes: too long with the "
          + "thumbnail's extension (" + MAX_NAME_BYTES + " at most)");
    }
  }

  /** The thumbnail's path under the output, for a relative path that passed {@link #check}. */
  public static String of(String relative, int size, String extension) {
    return FOLDER + "/" + size + "/" + relative + "." + extension;
  }
}
