package org.colony.jobs.common;

import java.util.ArrayList;
import java.util.List;
import org.colony.conf.ConfigKey;
import org.colony.io.uploads.UploadKeys;
import org.colony.jobs.JobOption;

/** What the jobs that read an uploads root share: the owner option and the keys of uploads. */
public final class UploadOptions {
  private UploadOptions() {}

  /** {@code --owner-depth N}. */
  public static JobOption ownerDepth() {
    return JobOption.withValue("owner-depth", "N", UploadKeys.OWNER_DEPTH,
        "which folder below the uploads root names the owner: 1 for root/OWNER/... (default "
            + UploadKeys.OWNER_DEPTH.defaultValue() + ")");
  }

  /** A job's own keys and those of the uploads it reads and the outputs it writes. */
  public static List<ConfigKey> keys(List<ConfigKey> own) {
    List<ConfigKey> keys = new ArrayList<>(own);
    keys.addAll(UploadKeys.all());
    return keys;
  }
}
