package org.colony.io.uploads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.colony.io.CorruptInputException;
import org.colony.io.InputKeys;
import org.colony.io.RecordAccounting;
import org.colony.io.RecordCounters;
import org.colony.io.RejectReason;

/**
 * The records of pack files ({@link PackFiles}: {@code *.seq} below the input; the index and other
 * files beside them are not read), split at sync marks. Packs are untrusted input: a record whose
 * path would not restore as itself inside an output folder is an UNSAFE_PATH reject, one whose
 * content does not have its recorded size and SHA-256 a CONTENT_MISMATCH reject (the reject's
 * line is the problem and the path, never the content). A file that is not a pack, or a damaged
 * one, is skipped from the damage on as a CORRUPT_FILE reject, or fails the job, as
 * {@code colony.input.corrupt} says.
 */
public class UploadPackInputFormat extends FileInputFormat<Text, PackedUpload> {

  @Override
  protected List<FileStatus> listStatus(JobContext job) throws IOException {
    List<FileStatus> packs = new ArrayList<>();
    for (FileStatus f : super.listStatus(job)) {
      if (PackFiles.isPack(f.getPath())) {
        packs.add(f);
      }
    }
    if (packs.isEmpty()) {
      throw new IOException("no pack files (*" + PackFiles.EXTENSION + ") in the input");
    }
    return packs;
  }

  @Override
  public RecordReader<Text, PackedUpload> createRecordReader(InputSplit split,
      TaskAttemptContext context) {
    return new Reader();
  }

  /** Reads the records of one split of a pack file, checking each. */
  public static final class Reader extends RecordReader<Text, PackedUpload> {
    private final Text key = new Text();
    private final PackedUpload value = new PackedUpload();
    private RecordAccounting accounting;
    private SequenceFile.Reader in;
    private String file;
    private boolean skipCorrupt;
    private long start;
    private long end;
    private long position;
    private boolean more = true;
    /** A header problem found by initialize, reported as the split's one record. */
    private String pending;

    @Override
    public void initialize(InputSplit genericSplit, TaskAttemptContext context)
        throws IOException {
      FileSplit split = (FileSplit) genericSplit;
      Configuration conf = context.getConfiguration();
      accounting = new RecordAccounting(context);
      skipCorrupt = InputKeys.skipCorrupt(conf);
      Path path = split.getPath();
      file = path.toString();
      accounting.counter(RecordCounters.FILES_READ).increment(1);
      start = split.getStart();
      end = start + split.getLength();
      FileSystem fs = path.getFileSystem(conf);
      String problem = PackFiles.headerProblem(fs, path);
      if (problem != null) {
        pending = problem;
        return;
      }
      in = new SequenceFile.Reader(conf, SequenceFile.Reader.file(path));
      if (start > in.getPosition()) {
        in.sync(start);
      }
      start = in.getPosition();
      more = start < end;
    }

    @Override
    public boolean nextKeyValue() throws IOException {
      if (pending != null) {
        // the header is read by the split at the file's start only
        String problem = pending;
        pending = null;
        more = false;
        if (start > 0) {
          return false;
        }
        return corrupt(0, problem);
      }
      if (!more) {
        return false;
      }
      position = in.getPosition();
      try {
        boolean next = in.next(key);
        if (!next || position >= end && in.syncSeen()) {
          more = false;
          return false;
        }
        in.getCurrentValue(value);
      } catch (IOException | RuntimeException e) {
        more = false;
        return corrupt(position, "damaged pack at byte " + position + ": " + e.getMessage());
      }
      String problem = RestorePaths.problem(key.getBytes(), key.getLength());
      if (problem != null) {
        reject(RejectReason.UNSAFE_PATH, problem);
      } else if (!value.contentMatches()) {
        reject(RejectReason.CONTENT_MISMATCH, value.size() != value.contentLength()
            ? "size " + value.size() + " but " + value.contentLength() + " bytes"
            : "SHA-256 differs");
      } else {
        accounting.parsed(value);
        accounting.bytesRead(value.contentLength());
      }
      return true;
    }

    /** Rejects the current record; its line is the problem and the path as packed. */
    private void reject(RejectReason reason, String problem) {
      byte[] p = (problem + ": ").getBytes(StandardCharsets.UTF_8);
      byte[] line = new byte[p.length + key.getLength()];
      System.arraycopy(p, 0, line, 0, p.length);
      System.arraycopy(key.getBytes(), 0, line, p.length, key.getLength());
      accounting.rejected(value, reason, file, position, line, line.length);
    }

    private boolean corrupt(long offset, String message) throws CorruptInputException {
      if (!skipCorrupt) {
        throw new CorruptInputException(file, offset, message + " (" + InputKeys.CORRUPT.name()
            + "=fail)", null);
      }
      accounting.counter(RecordCounters.FILES_CORRUPT).increment(1);
      byte[] m = message.getBytes(StandardCharsets.UTF_8);
      key.clear();
      accounting.rejected(value, RejectReason.CORRUPT_FILE, file, offset, m, m.length);
      return true;
    }

    @Override
    public Text getCurrentKey() {
      return key;
    }

    @Override
    public PackedUpload getCurrentValue() {
      return value;
    }

    @Override
    public float getProgress() throws IOException {
      if (in == null || end == start) {
        return more ? 0.0f : 1.0f;
      }
      return Math.min(1.0f, (in.getPosition() - start) / (float) (end - start));
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
        in = null;
      }
    }
  }
}
