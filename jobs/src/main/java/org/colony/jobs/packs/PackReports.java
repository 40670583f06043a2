package org.colony.jobs.packs;

import java.util.List;
import org.colony.jobs.JobSpec.Report;

/** The reports of uploads-pack and uploads-unpack, and the pack files' folder. */
final class PackReports {
  private PackReports() {}

  /** The folder of the pack files under the pack output. */
  static final String PACKS = "packs";

  static final Report INDEX = new Report("index", "path\tpack\toffset\tsize\tsha256");
  static final Report LARGE = new Report("large", "path\towner\tsize\tmtime");
  static final List<Report> PACK = List.of(INDEX, LARGE);

  /**
   * What unpack restored. Hidden, as everything unpack adds beside the restored files (_SUCCESS,
   * _manifest.json, _rejects/): the output folder is the restored uploads root.
   */
  static final Report RESTORED = new Report("_restored", "path\tsize\tsha256");
  static final List<Report> UNPACK = List.of(RESTORED);
}
