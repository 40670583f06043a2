package org.colony.jobs.packs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.colony.conf.ConfigKey;
import org.colony.io.uploads.CombinedUploadInputFormat;
import org.colony.io.uploads.UploadKeys;
import org.colony.jobs.JobOption;
import org.colony.jobs.JobSpec;

/**
 * uploads-pack: the small files of an uploads folder into pack files of about one block each
 * (packs/), with an index/ of where each one is, and the large ones listed (large/).
 *
 * <p>Map-only. Each map task reads a combined split of about one pack's worth of small files
 * (many files per split: 10,000 small uploads make a handful of tasks) and writes them straight
 * into its own packs. Reducers could choose pack boundaries over the whole input, but only after
 * every upload's bytes went through the shuffle: spilled, sorted, copied and merged, three times
 * the I/O of packing, with uploads' content left in the map tasks' local spill files. Here a pack
 * boundary is where a task's split ends, which the split size (the pack size) keeps near a block.
 */
public final class PackSpec implements JobSpec {

  @Override
  public String name() {
    return "uploads-pack";
  }

  @Override
  public String description() {
    return "Uploads -> small files packed into block-sized SequenceFiles, with an index; large "
        + "ones listed";
  }

  @Override
  public List<JobOption> options() {
    return List.of(
        JobOption.withValue("max-file-size", "SIZE", PackKeys.MAX_FILE_SIZE,
            "pack files up to this size, list larger ones in large/ (default "
                + PackKeys.MAX_FILE_SIZE.defaultValue() + ", at most 256m)"),
        JobOption.withValue("pack-size", "SIZE", PackKeys.PACK_BYTES,
            "size of one pack file (default: the output file system's block size)"),
        JobOption.withValue("codec", "CLASS|none", PackKeys.CODEC,
            "block compression of the packs (default DefaultCodec, i.e. deflate)"),
        JobOption.withValue("owner-depth", "N", UploadKeys.OWNER_DEPTH,
            "which folder below the uploads root names the owner (default "
                + UploadKeys.OWNER_DEPTH.defaultValue() + ")"));
  }

  @Override
  public List<ConfigKey> keys() {
    List<ConfigKey> keys = new ArrayList<>(PackKeys.all());
    keys.add(UploadKeys.OWNER_DEPTH);
    return keys;
  }

  @Override
  public List<Report> reports() {
    return PackReports.PACK;
  }

  @Override
  public boolean mapOnly() {
    return true;
  }

  @Override
  public void configure(Job job) throws IOException {
    Configuration conf = job.getConfiguration();
    PackKeys.maxFileSize(conf);
    PackKeys.codec(conf);
    long target = PackKeys.PACK_BYTES.getLong(conf);
    if (target < 0) {
      throw new IllegalArgumentException("--pack-size must be positive, got "
          + PackKeys.PACK_BYTES.get(conf));
    }
    if (target == 0) {
      Path out = FileOutputFormat.getOutputPath(job);
      target = out.getFileSystem(conf).getDefaultBlockSize(out);
      PackKeys.PACK_BYTES.setLong(conf, target);
    }
    if (conf.get(FileInputFormat.SPLIT_MAXSIZE) == null) {
      conf.setLong(FileInputFormat.SPLIT_MAXSIZE, target);
    }
    job.setJarByClass(PackSpec.class);
    job.setInputFormatClass(CombinedUploadInputFormat.class);
    job.setMapperClass(PackMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
  }
}
