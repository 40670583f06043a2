package org.colony.io.uploads;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.colony.testing.CountingReporter;

/** Reads every split of an uploads root with its own reader, streaming each file's content. */
final class UploadReading {
  private UploadReading() {}

  /** A file as read: key, metadata, SHA-256 of the streamed content (or the reject reason). */
  record Read(String key, String relative, String owner, long size, long mtime, String sha256,
      int split) {}

  record Result(List<Read> reads, int splits, CountingReporter counters) {}

  static Result readAll(Configuration conf, FileInputFormat<Text, UploadFile> format,
      java.nio.file.Path... roots) throws Exception {
    Job job = Job.getInstance(conf);
    for (java.nio.file.Path root : roots) {
      FileInputFormat.addInputPath(job, new Path(root.toUri()));
    }
    FileInputFormat.setInputDirRecursive(job, true);
    List<InputSplit> splits = format.getSplits(job);
    CountingReporter counters = new CountingReporter();
    List<Read> reads = new ArrayList<>();
    for (int s = 0; s < splits.size(); s++) {
      TaskAttemptContextImpl ctx = new TaskAttemptContextImpl(job.getConfiguration(),
          new TaskAttemptID(), counters);
      RecordReader<Text, UploadFile> reader = format.createRecordReader(splits.get(s), ctx);
      reader.initialize(splits.get(s), ctx);
      while (reader.nextKeyValue()) {
        UploadFile f = reader.getCurrentValue();
        String digest = f.isRejected() ? "REJECT " + f.reject().reason() : sha256(f.content());
        reads.add(new Read(reader.getCurrentKey().toString(), f.relativePath().toString(),
            f.owner().toString(), f.size(), f.modificationTime(), digest, s));
      }
      reader.close();
    }
    return new Result(reads, splits.size(), counters);
  }

  /** SHA-256 of a stream, read in 64 KiB chunks. */
  static String sha256(InputStream in) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[1 << 16];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
