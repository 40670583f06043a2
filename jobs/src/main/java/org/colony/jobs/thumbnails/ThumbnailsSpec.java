package org.colony.jobs.thumbnails;

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
import org.colony.jobs.JobOption;
import org.colony.jobs.JobSpec;

/**
 * thumbnails: a map-only job that makes thumbnails of the JPEG, PNG, GIF and BMP uploads
 * (recognised by content) at each configured size, under {@code thumbs/<size>/} mirroring the
 * uploads tree, with a row per thumbnail in thumbnails/ and a row per image that got none (or
 * whose decoder warned) in problems/. Image files are written into each task's work folder, so
 * the output committer publishes them with the reports, and the driver's staging publishes the
 * whole output at once.
 */
public final class ThumbnailsSpec implements JobSpec {
  public static final Report THUMBNAILS = new Report("thumbnails",
      "path\tsize_px\twidth\theight\tbytes\tthumbnail");
  public static final Report PROBLEMS = new Report("problems", "path\treason\tdetail");

  @Override
  public String name() {
    return "thumbnails";
  }

  @Override
  public String description() {
    return "Uploads -> JPEG/PNG/GIF/BMP thumbnails at each size, with bombs, corrupt and "
        + "truncated images listed";
  }

  @Override
  public List<JobOption> options() {
    return List.of(JobOption.withValue("sizes", "N[,N...]", ThumbnailsKeys.SIZES,
        "longest edge of each thumbnail in pixels, aspect kept, never upscaled (default "
            + ThumbnailsKeys.SIZES.defaultValue() + ")"));
  }

  @Override
  public List<ConfigKey> keys() {
    return ThumbnailsKeys.all();
  }

  @Override
  public boolean mapOnly() {
    return true;
  }

  @Override
  public List<Report> reports() {
    return List.of(THUMBNAILS, PROBLEMS);
  }

  @Override
  public void configure(Job job) {
    Configuration conf = job.getConfiguration();
    ThumbnailsKeys.sizes(conf);
    ThumbnailsKeys.maxPixels(conf);
    job.setJarByClass(ThumbnailsSpec.class);
    job.setInputFormatClass(InputKeys.useCombined(conf)
        ? CombinedUploadInputFormat.class : UploadInputFormat.class);
    job.setMapperClass(ThumbnailsMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
  }
}
