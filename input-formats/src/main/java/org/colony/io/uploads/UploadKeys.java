package org.colony.io.uploads;

import java.util.List;
import org.colony.conf.ConfigKey;

/** Configuration keys of the uploads input formats. Documented in conf/colony-default.xml. */
public final class UploadKeys {
  private UploadKeys() {}

  public static final ConfigKey OWNER_DEPTH = ConfigKey.of("colony.uploads.owner.depth", "1",
      "Which folder below an uploads root names a file's owner: 1 for root/OWNER/..., 2 for "
          + "root/TENANT/OWNER/..., and so on. Files not that deep have owner '-'.");

  public static List<ConfigKey> all() {
    return List.of(OWNER_DEPTH);
  }
}
