package org.colony.jobs.thumbnails;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.security.AccessControlException;
import org.colony.io.RecordCounters;
import org.colony.io.uploads.UploadFile;
import org.colony.jobs.common.FaultSwitch;
import org.colony.jobs.common.RejectSink;
import org.colony.jobs.common.TsvReports;
import org.colony.jobs.common.TsvRow;

/**
 * Thumbnails one upload: reads its header from the upload's stream (other types stop there),
 * checks its path and size, decodes it from a seekable stream of the file, and writes each
 * thumbnail into the task's work output folder, which the output committer publishes with the
 * rest of the job's output (never straight into the final folder). Rows go to thumbnails/ and
 * problems/; unreadable uploads to the reject sink.
 */
public class ThumbnailsMapper extends Mapper<Text, UploadFile, NullWritable, Text> {
  private final TsvRow row = new TsvRow();
  private final EnumMap<ThumbnailsCounters, Counter> counters =
      new EnumMap<>(ThumbnailsCounters.class);
  private Thumbnailer thumbnailer;
  private TsvReports reports;
  private RejectSink rejects;
  private FaultSwitch faults;
  private Path work;
  private FileSystem workFs;
  private String workPrefix;
  private Counter bytesRead;

  @Override
  protected void setup(Context context) throws IOException, InterruptedException {
    Configuration conf = context.getConfiguration();
    thumbnailer = new Thumbnailer(ThumbnailsKeys.sizes(conf), ThumbnailsKeys.maxPixels(conf));
    reports = new TsvReports(context);
    for (ThumbnailsCounters c : ThumbnailsCounters.values()) {
      counters.put(c, context.getCounter(c));
    }
    bytesRead = context.getCounter(RecordCounters.BYTES_READ);
    work = FileOutputFormat.getWorkOutputPath(context);
    workFs = work.getFileSystem(conf);
    workPrefix = new Path(work, ThumbnailPaths.FOLDER).toUri().getPath() + "/";
    faults = FaultSwitch.of(context);
  }

  @Override
  protected void map(Text relative, UploadFile upload, Context context)
      throws IOException, InterruptedException {
    faults.record();
    if (upload.isRejected()) {
      if (rejects == null) {
        rejects = new RejectSink(context);
      }
      rejects.write(upload.reject());
      return;
    }
    String path = relative.toString();
    ImageHeader header;
    try {
      header = ImageHeaders.read(upload.content(), upload.size());
    } catch (ImageProblem p) {
      count(ThumbnailsCounters.IMAGES);
      problem(relative, p);
      return;
    }
    if (header == null) {
      count(ThumbnailsCounters.SKIPPED_OTHER_TYPE);
      return;
    }
    count(ThumbnailsCounters.IMAGES);
    Thumbnailer.Result result;
    try {
      ThumbnailPaths.check(path);
      thumbnailer.checkSize(header);
      try (SeekableImageInputStream in = new SeekableImageInputStream(open(upload, context),
          upload.size())) {
        try {
          result = thumbnailer.thumbnails(header, in);
        } finally {
          bytesRead.increment(in.bytesRead());
        }
      }
      context.progress();
      write(path, result);
    } catch (ImageProblem p) {
      problem(relative, p);
      return;
    }
    count(ThumbnailsCounters.THUMBNAILED);
    if (!result.warnings().isEmpty()) {
      count(ThumbnailsCounters.DECODE_WARNINGS);
      row.clear().field(relative).field("DECODE_WARNING")
          .field(String.join("; ", result.warnings()));
      reports.write(ThumbnailsSpec.PROBLEMS, row.text());
    }
    for (Thumbnailer.Thumbnail t : result.thumbnails()) {
      row.clear().field(relative).field(t.size()).field(t.width()).field(t.height())
          .field(t.bytes().length).field(ThumbnailPaths.of(path, t.size(), t.extension()));
      reports.write(ThumbnailsSpec.THUMBNAILS, row.text());
    }
  }

  /** The upload's file, opened again for decoding: seekable, where its content() is not. */
  private static FSDataInputStream open(UploadFile upload, Context context)
      throws IOException, ImageProblem {
    Path file = new Path(upload.path().toString());
    try {
      return file.getFileSystem(context.getConfiguration()).open(file);
    } catch (FileNotFoundException | AccessControlException e) {
      throw new ImageProblem(ImageProblem.Reason.UNREADABLE, "cannot be opened again for "
          + "decoding: " + e.getMessage());
    }
  }

  /**
   * Writes the thumbnails under the work output folder, each checked to stay under its thumbs/;
   * all of them or (after a problem) none.
   */
  private void write(String path, Thumbnailer.Result result) throws IOException, ImageProblem {
    List<Path> written = new ArrayList<>();
    try {
      for (Thumbnailer.Thumbnail t : result.thumbnails()) {
        written.add(write(path, t));
      }
    } catch (ImageProblem | IOException e) {
      for (Path p : written) {
        workFs.delete(p, false);
      }
      throw e;
    }
    for (Thumbnailer.Thumbnail t : result.thumbnails()) {
      count(ThumbnailsCounters.THUMBNAILS_WRITTEN);
      counters.get(ThumbnailsCounters.THUMBNAIL_BYTES).increment(t.bytes().length);
    }
  }

  private Path write(String path, Thumbnailer.Thumbnail t) throws IOException, ImageProblem {
    Path file;
    try {
      file = new Path(work, ThumbnailPaths.of(path, t.size(), t.extension()));
    } catch (IllegalArgumentException e) {
      throw new ImageProblem(ImageProblem.Reason.REFUSED_PATH, String.valueOf(e.getMessage()));
    }
    if (!file.toUri().getPath().startsWith(workPrefix)) {
      throw new ImageProblem(ImageProblem.Reason.REFUSED_PATH, "its thumbnail would be "
          + "written outside the output folder");
    }
    try (FSDataOutputStream out = workFs.create(file, false)) {
      out.write(t.bytes());
    } catch (FileAlreadyExistsException e) {
      throw new ImageProblem(ImageProblem.Reason.REFUSED_PATH, "another upload of this task "
          + "has the same relative path");
    } catch (IllegalArgumentException e) {
      // a name the output file system does not allow (HDFS refuses ':' in names, say)
      throw new ImageProblem(ImageProblem.Reason.REFUSED_PATH, String.valueOf(e.getMessage()));
    }
    return file;
  }

  private void problem(Text relative, ImageProblem p) throws IOException, InterruptedException {
    count(p.reason().counter());
    row.clear().field(relative).field(p.reason().name()).field(p.detail());
    reports.write(ThumbnailsSpec.PROBLEMS, row.text());
  }

  private void count(ThumbnailsCounters c) {
    counters.get(c).increment(1);
  }

  @Override
  protected void cleanup(Context context) throws IOException {
    try {
      reports.close();
    } finally {
      if (rejects != null) {
        rejects.close();
      }
    }
  }
}
