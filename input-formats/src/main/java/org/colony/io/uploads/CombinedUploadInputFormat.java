package org.colony.io.uploads;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReader;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReaderWrapper;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;
import org.colony.io.CombinedInputFormat;

/**
 * {@link UploadInputFormat} with many files per split (up to
 * {@code colony.input.combine.split.bytes}), so that thousands of small uploads make a handful of
 * map tasks. Each file is still one record, read by the plain format's reader.
 */
public class CombinedUploadInputFormat extends CombinedInputFormat<Text, UploadFile> {

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return false;
  }

  /** Hadoop's listing, plus local files it drops for their undecodable names (rejected later). */
  @Override
  protected List<FileStatus> listStatus(JobContext job) throws IOException {
    List<FileStatus> files = new ArrayList<>(super.listStatus(job));
    files.addAll(UndecodableNames.find(job));
    return files;
  }

  @Override
  public RecordReader<Text, UploadFile> createRecordReader(InputSplit split,
      TaskAttemptContext context) throws IOException {
    return new CombineFileRecordReader<>((CombineFileSplit) split, context, PerFile.class);
  }

  /** Reads one file of a combined split with the plain format's reader. */
  public static final class PerFile extends CombineFileRecordReaderWrapper<Text, UploadFile> {
    public PerFile(CombineFileSplit split, TaskAttemptContext context, Integer index)
        throws IOException, InterruptedException {
      super(new UploadInputFormat(), split, context, index);
    }
  }
}
