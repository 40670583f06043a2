package org.colony.jobs.packs;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.colony.io.uploads.PackedUpload;
import org.colony.jobs.common.FaultSwitch;
import org.colony.jobs.common.RejectSink;
import org.colony.jobs.common.TsvReports;
import org.colony.jobs.common.TsvRow;

/**
 * Writes each packed upload back as a file below the task's work folder (published as the output
 * folder when the job succeeds), with its modification time, and a _restored/ row. The reader has
 * already refused every path that would not land inside the folder as itself and every record
 * whose content does not match its SHA-256 (rejects); the target is also checked to lie below the
 * folder once built. A file that cannot be written (a name the file system refuses, a path given
 * twice) fails the task: a restore is complete or not published.
 */
public class UnpackMapper extends Mapper<Text, PackedUpload, NullWritable, Text> {
  private final TsvRow row = new TsvRow();
  private FileSystem fs;
  private URI work;
  private String base;
  private TsvReports reports;
  private RejectSink rejects;
  private FaultSwitch faults;
  private Counter files;
  private Counter bytes;

  @Override
  protected void setup(Context context) throws IOException, InterruptedException {
    Path folder = FileOutputFormat.getWorkOutputPath(context);
    FileSystem f = folder.getFileSystem(context.getConfiguration());
    // no .crc files beside restored files on the local file system
    fs = f instanceof ChecksumFileSystem c ? c.getRawFileSystem() : f;
    work = folder.toUri();
    base = work.getPath().endsWith("/") ? work.getPath() : work.getPath() + "/";
    reports = new TsvReports(context);
    rejects = new RejectSink(context);
    faults = FaultSwitch.of(context);
    files = context.getCounter(UnpackCounters.FILES_RESTORED);
    bytes = context.getCounter(UnpackCounters.BYTES_RESTORED);
  }

  @Override
  protected void map(Text path, PackedUpload upload, Context context)
      throws IOException, InterruptedException {
    faults.record();
    if (upload.isRejected()) {
      rejects.write(upload.reject());
      return;
    }
    Path target = target(path.toString());
    try (OutputStream out = fs.create(target, false)) {
      out.write(upload.content(), 0, upload.contentLength());
    }
    fs.setTimes(target, upload.modificationTime(), -1);
    row.clear().field(path).field(upload.contentLength()).field(upload.sha256Hex());
    reports.write(PackReports.RESTORED, row.text());
    files.increment(1);
    bytes.increment(upload.contentLength());
  }

  /**
   * The file of a relative path below the work folder. Built from an absolute path string (a
   * relative one with a colon in its first component would parse as a URI scheme), then checked.
   */
  Path target(String relative) throws IOException {
    Path p = new Path(work.getScheme(), work.getAuthority(), base + relative);
    if (!p.toUri().getPath().startsWith(base)) {
      throw new IOException("refusing to write outside the output folder: " + p);
    }
    return p;
  }

  @Override
  protected void cleanup(Context context) throws IOException {
    try {
      reports.close();
    } finally {
      rejects.close();
    }
  }
}
