package org.colony.jobs.inventory;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.colony.conf.ConfigKey;
import org.colony.io.InputKeys;
import org.colony.io.uploads.CombinedUploadInputFormat;
import org.colony.io.uploads.UploadInputFormat;
import org.colony.io.uploads.UploadKeys;
import org.colony.jobs.JobOption;
import org.colony.jobs.JobSpec;
import org.colony.jobs.common.ReportKey;

/**
 * uploads-inventory: every file under an uploads root with its owner, size, modification time,
 * SHA-256 and media type by content, and whether its extension says otherwise (files/, written by
 * the mappers); files and bytes per owner and media type (owners/); contents held by several files
 * (duplicates/). Each file is read once, streamed; its content never reaches an output.
 */
public final class InventorySpec implements JobSpec {

  @Override
  public String name() {
    return "uploads-inventory";
  }

  @Override
  public String description() {
    return "Uploads -> every file's owner, size, SHA-256 and media type by content; bytes per "
        + "owner and type; duplicates";
  }

  @Override
  public List<JobOption> options() {
    return List.of(
        JobOption.withValue("owner-depth", "N", UploadKeys.OWNER_DEPTH,
            "which folder below the uploads root names the owner: 1 for root/OWNER/... (default "
                + UploadKeys.OWNER_DEPTH.defaultValue() + ")"),
        JobOption.withValue("duplicate-paths", "N", InventoryKeys.DUPLICATE_PATHS,
            "how many paths a duplicates/ row lists (default "
                + InventoryKeys.DUPLICATE_PATHS.defaultValue() + ")"));
  }

  @Override
  public List<ConfigKey> keys() {
    List<ConfigKey> keys = new ArrayList<>(InventoryKeys.all());
    keys.add(UploadKeys.OWNER_DEPTH);
    return keys;
  }

  @Override
  public List<Report> reports() {
    return InventoryReports.ALL;
  }

  /**
   * About 300 bytes of map output per file (an owner count, combined away, and a path under its
   * hash) whatever its size: with uploads of 30 KB and more, at most 1% of the input.
   */
  @Override
  public double defaultShuffleRatio() {
    return 0.01;
  }

  /**
   * The map output is per file, not per input byte, and a sample would hash whole files (a 3 GB
   * one included) in the driver before the job starts: the default ratio is the estimate.
   */
  @Override
  public boolean sampleMapOutput() {
    return false;
  }

  @Override
  public void configure(Job job) {
    Configuration conf = job.getConfiguration();
    InventoryKeys.duplicatePaths(conf);
    if (UploadKeys.OWNER_DEPTH.getInt(conf) < 0) {
      throw new IllegalArgumentException("--owner-depth must be 0 or more, got "
          + UploadKeys.OWNER_DEPTH.getInt(conf));
    }
    job.setJarByClass(InventorySpec.class);
    job.setInputFormatClass(InputKeys.useCombined(conf)
        ? CombinedUploadInputFormat.class : UploadInputFormat.class);
    job.setMapperClass(InventoryMapper.class);
    job.setCombinerClass(UploadTallyCombiner.class);
    job.setReducerClass(InventoryReducer.class);
    job.setMapOutputKeyClass(ReportKey.class);
    job.setMapOutputValueClass(UploadTally.class);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
  }
}
