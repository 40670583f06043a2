package org.colony.io.uploads;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.security.AccessControlException;
import org.colony.io.RecordAccounting;
import org.colony.io.RejectReason;

/**
 * Whole files of an upload store, one record per file (never split), keyed by the path relative to
 * the uploads root (the input folder it was found under). The content is streamed, never loaded
 * whole. A file that cannot be opened (removed since listing, permissions, a local name that is
 * not valid UTF-8) is a FILE_UNREADABLE reject, not a task failure.
 */
public class UploadInputFormat extends FileInputFormat<Text, UploadFile> {

  @Override
  protected boolean isSplitable(JobContext context, Path filename) {
    return false;
  }

  @Override
  public RecordReader<Text, UploadFile> createRecordReader(InputSplit split,
      TaskAttemptContext context) {
    return new Reader();
  }

  /** Hadoop's listing, plus local files it drops for their undecodable names (rejected later). */
  @Override
  protected List<FileStatus> listStatus(JobContext job) throws IOException {
    List<FileStatus> files = new ArrayList<>(super.listStatus(job));
    files.addAll(UndecodableNames.find(job));
    return files;
  }

  /**
   * The path of {@code file} relative to the deepest input path that holds it (the file's name
   * when it was given itself), '/'-separated.
   */
  static String relativePath(Path file, Path[] roots) {
    String f = file.toUri().getPath();
    String best = null;
    for (Path root : roots) {
      String r = root.toUri().getPath();
      if (r.endsWith("/") && r.length() > 1) {
        r = r.substring(0, r.length() - 1);
      }
      if (f.startsWith(r + "/") && (best == null || r.length() > best.length())) {
        best = r;
      }
    }
    return best == null ? file.getName() : f.substring(best.length() + 1);
  }

  /** The owner at {@code depth} in a relative path ({@code owner/...} for depth 1), or "". */
  static String owner(String relativePath, int depth) {
    String[] parts = relativePath.split("/");
    // the last part is the file name, not a folder
    return depth >= 1 && depth < parts.length ? parts[depth - 1] : "";
  }

  /** Yields the one file of a split. */
  public static final class Reader extends RecordReader<Text, UploadFile> {
    private final Text key = new Text();
    private final UploadFile value = new UploadFile();
    private FileSplit split;
    private Configuration conf;
    private RecordAccounting accounting;
    private Path[] roots;
    private FSDataInputStream in;
    private boolean done;

    @Override
    public void initialize(InputSplit genericSplit, TaskAttemptContext context) {
      split = (FileSplit) genericSplit;
      conf = context.getConfiguration();
      accounting = new RecordAccounting(context);
      roots = FileInputFormat.getInputPaths(context);
    }

    @Override
    public boolean nextKeyValue() throws IOException {
      if (done) {
        return false;
      }
      done = true;
      Path path = split.getPath();
      FileSystem fs = path.getFileSystem(conf);
      String relative = relativePath(path, roots);
      key.set(relative);
      try {
        FileStatus st = fs.getFileStatus(path);
        value.set(path.toString(), relative,
            owner(relative, UploadKeys.OWNER_DEPTH.getInt(conf)), st.getLen(),
            st.getModificationTime());
        in = fs.open(path);
      } catch (FileNotFoundException | AccessControlException e) {
        value.set(path.toString(), relative, owner(relative, UploadKeys.OWNER_DEPTH.getInt(conf)),
            -1, -1);
        value.setContent(null);
        byte[] msg = String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8);
        accounting.rejected(value, RejectReason.FILE_UNREADABLE, path.toString(), 0, msg,
            msg.length);
        return true;
      }
      value.setContent(new CountingStream(in, accounting));
      accounting.parsed(value);
      return true;
    }

    @Override
    public Text getCurrentKey() {
      return key;
    }

    @Override
    public UploadFile getCurrentValue() {
      return value;
    }

    @Override
    public float getProgress() {
      return done ? 1.0f : 0.0f;
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
        in = null;
      }
    }
  }

  /** Counts the content bytes a mapper reads (BYTES_READ). */
  private static final class CountingStream extends java.io.FilterInputStream {
    private final RecordAccounting accounting;

    CountingStream(InputStream in, RecordAccounting accounting) {
      super(in);
      this.accounting = accounting;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        accounting.bytesRead(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        accounting.bytesRead(n);
      }
      return n;
    }
  }
}
