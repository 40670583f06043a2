package org.colony.jobs.uv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.hll.HllSketch;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.colony.io.RecordAccounting;
import org.colony.io.RecordCounters;
import org.colony.io.RejectReason;
import org.colony.jobs.common.UvSketchFiles;

/**
 * The daily visitor sketches under access-stats outputs: every {@code dt=YYYY-MM-DD.hll} file below
 * the inputs (their other files, TSV reports and the like, are not listed), one record per file,
 * keyed by its UTC day. A file whose name holds no valid date or that DataSketches cannot read is
 * a BAD_SKETCH reject (counted, quarantined), not a task failure.
 */
public class DaySketchInputFormat extends FileInputFormat<LongWritable, DaySketch> {
  /** A sketch file is at most a few MB (lgK 21, HLL_8); anything much bigger is not one. */
  static final long MAX_SKETCH_BYTES = 8L << 20;

  @Override
  protected List<FileStatus> listStatus(JobContext job) throws IOException {
    List<FileStatus> sketches = new ArrayList<>();
    for (FileStatus f : super.listStatus(job)) {
      if (UvSketchFiles.matches(f.getPath().getName())) {
        sketches.add(f);
      }
    }
    return sketches;
  }

  @Override
  protected boolean isSplitable(JobContext context, Path filename) {
    return false;
  }

  @Override
  public RecordReader<LongWritable, DaySketch> createRecordReader(InputSplit split,
      TaskAttemptContext context) {
    return new Reader();
  }

  /** Yields the one sketch of a split. */
  static final class Reader extends RecordReader<LongWritable, DaySketch> {
    private final LongWritable key = new LongWritable();
    private final DaySketch value = new DaySketch();
    private FileSplit split;
    private TaskAttemptContext context;
    private RecordAccounting accounting;
    private boolean done;

    @Override
    public void initialize(InputSplit genericSplit, TaskAttemptContext ctx) {
      split = (FileSplit) genericSplit;
      context = ctx;
      accounting = new RecordAccounting(ctx);
    }

    @Override
    public boolean nextKeyValue() throws IOException {
      if (done) {
        return false;
      }
      done = true;
      Path path = split.getPath();
      accounting.counter(RecordCounters.FILES_READ).increment(1);
      long day = UvSketchFiles.epochDay(path.getName());
      long size = split.getLength();
      if (day < 0 || size > MAX_SKETCH_BYTES) {
        reject(path, day < 0 ? "no valid date in the file name" : size + " bytes: too big for "
            + "a sketch");
        return true;
      }
      byte[] b = new byte[(int) size];
      try (InputStream in = path.getFileSystem(context.getConfiguration()).open(path)) {
        int n = in.readNBytes(b, 0, b.length);
        if (n != b.length || in.read() >= 0) {
          reject(path, "the file changed while it was read");
          return true;
        }
      }
      accounting.bytesRead(b.length);
      try {
        HllSketch.heapify(b);
      } catch (RuntimeException e) {
        reject(path, "not an HLL sketch: " + e.getMessage());
        return true;
      }
      key.set(day);
      value.set(day, b, b.length);
      accounting.parsed(value);
      return true;
    }

    private void reject(Path path, String why) {
      key.set(-1);
      value.set(-1, new byte[0], 0);
      byte[] msg = why.getBytes(StandardCharsets.UTF_8);
      accounting.rejected(value, RejectReason.BAD_SKETCH, path.toString(), 0, msg, msg.length);
    }

    @Override
    public LongWritable getCurrentKey() {
      return key;
    }

    @Override
    public DaySketch getCurrentValue() {
      return value;
    }

    @Override
    public float getProgress() {
      return done ? 1.0f : 0.0f;
    }

    @Override
    public void close() {
      // the file is closed as soon as it is read
    }
  }
}
