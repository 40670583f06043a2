package org.colony.io.uploads;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeys;
import org.colony.conf.ConfigKey;

/** Configuration keys of the uploads input formats. Documented in conf/colony-default.xml. */
public final class UploadKeys {
  private UploadKeys() {}

  public static final ConfigKey OWNER_DEPTH = ConfigKey.of("colony.uploads.owner.depth", "1",
      "Which folder below an uploads root names a file's owner: 1 for root/OWNER/..., 2 for "
          + "root/TENANT/OWNER/..., and so on. Files not that deep have owner '-'.");

  public static final ConfigKey OUTPUT_UMASK = ConfigKey.of("colony.uploads.output.umask", "027",
      "The umask (octal, as fs.permissions.umask-mode) of what the upload jobs write: uploads may "
          + "be private, so by default their outputs (inventory rows, packs, thumbnails, restored "
          + "files) are not readable by others. 022 makes them world-readable.");

  public static List<ConfigKey> all() {
    return List.of(OWNER_DEPTH, OUTPUT_UMASK);
  }

  /**
   * Makes a job that writes what it read from uploads create its files and folders with
   * {@link #OUTPUT_UMASK}, on any file system that keeps permissions.
   */
  public static void restrictOutputs(Configuration conf) {
    conf.set(CommonConfigurationKeys.FS_PERMISSIONS_UMASK_KEY, outputUmask(conf));
  }

  /** {@link #OUTPUT_UMASK}, checked: three or four octal digits. */
  public static String outputUmask(Configuration conf) {
    String umask = OUTPUT_UMASK.get(conf).trim();
    if (!umask.matches("[0-7]{3,4}")) {
      throw new IllegalArgumentException("colony.uploads.output.umask takes an octal umask such "
          + "as 027, got '" + umask + "'");
    }
    return umask;
  }
}
