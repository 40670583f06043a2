package org.colony.jobs.packs;

import java.util.List;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.colony.conf.ConfigKey;
import org.colony.io.uploads.UploadPackInputFormat;
import org.colony.jobs.JobOption;
import org.colony.jobs.JobSpec;

/**
 * uploads-unpack: pack files back into a folder of files, each checked against its recorded
 * SHA-256; paths that would land outside the folder (or not as themselves) are refused and
 * counted as rejects. Map-only: each map task restores the records of its split of a pack.
 */
public final class UnpackSpec implements JobSpec {

  @Override
  public String name() {
    return "uploads-unpack";
  }

  @Override
  public String description() {
    return "Pack files -> the uploads folder they hold, every file checked by SHA-256";
  }

  @Override
  public List<JobOption> options() {
    return List.of();
  }

  @Override
  public List<ConfigKey> keys() {
    return List.of();
  }

  @Override
  public List<Report> reports() {
    return PackReports.UNPACK;
  }

  @Override
  public boolean mapOnly() {
    return true;
  }

  @Override
  public void configure(Job job) {
    job.setJarByClass(UnpackSpec.class);
    job.setInputFormatClass(UploadPackInputFormat.class);
    job.setMapperClass(UnpackMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
  }
}
