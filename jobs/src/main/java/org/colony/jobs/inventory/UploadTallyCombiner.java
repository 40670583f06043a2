package org.colony.jobs.inventory;

import java.io.IOException;
import org.apache.hadoop.mapreduce.Reducer;
import org.colony.jobs.common.ReportKey;

/**
 * Sums the files and bytes of an (owner, media type); passes the paths of a content hash through,
 * since duplicates/ needs each one.
 */
public class UploadTallyCombiner extends Reducer<ReportKey, UploadTally, ReportKey, UploadTally> {
  private final UploadTally sum = new UploadTally();

  @Override
  protected void reduce(ReportKey key, Iterable<UploadTally> values, Context context)
      throws IOException, InterruptedException {
    if (key.report() != InventoryReports.OWNERS) {
      for (UploadTally v : values) {
        context.write(key, v);
      }
      return;
    }
    long files = 0;
    long bytes = 0;
    for (UploadTally v : values) {
      files += v.files();
      bytes += v.bytes();
    }
    context.write(key, sum.set(files, bytes));
  }
}
