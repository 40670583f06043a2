package org.colony.jobs.inventory;

import java.util.List;
import org.colony.jobs.JobSpec.Report;

/** The reports of uploads-inventory and the report numbers of its shuffle keys. */
final class InventoryReports {
  private InventoryReports() {}

  /** Shuffle key: escaped owner, a tab, media type. */
  static final int OWNERS = 0;
  /** Shuffle key: the 32 bytes of a SHA-256. */
  static final int DUPLICATES = 1;

  static final Report FILES = new Report("files", "path\towner\tsize\tmtime\tsha256\tmedia_type"
      + "\textension_type\textension_mismatch");
  static final Report OWNERS_REPORT = new Report("owners", "owner\tmedia_type\tfiles\tbytes");
  static final Report DUPLICATES_REPORT = new Report("duplicates",
      "sha256\tcopies\tbytes_reclaimable\tpaths");

  static final List<Report> ALL = List.of(FILES, OWNERS_REPORT, DUPLICATES_REPORT);

  /** Between the paths of a duplicates/ row: a relative path never holds "//". */
  static final byte[] PATH_SEPARATOR = {' ', '/', '/', ' '};
}
