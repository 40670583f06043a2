package org.colony.jobs.packs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.colony.io.Timestamps;
import org.colony.io.uploads.PackedUpload;
import org.colony.io.uploads.UploadFile;
import org.colony.jobs.common.FaultSwitch;
import org.colony.jobs.common.RejectSink;
import org.colony.jobs.common.TsvReports;
import org.colony.jobs.common.TsvRow;

/**
 * Packs each small upload of its split into the task's pack files ({@link PackWriter}) with an
 * index/ row (path, pack, offset, size, SHA-256), and lists each larger one in large/ without
 * reading it. A small file's content is held in memory while packed: it is below the cap. Writes
 * no map output: pack and index are side files of the task, published when it commits.
 */
public class PackMapper extends Mapper<Text, UploadFile, NullWritable, Text> {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final PackedUpload value = new PackedUpload();
  private final TsvRow row = new TsvRow();
  private final byte[] hex = new byte[64];
  private final byte[] mtime = new byte[24];
  private byte[] buffer = new byte[1 << 16];
  private long maxFileSize;
  private PackWriter packs;
  private TsvReports reports;
  private RejectSink rejects;
  private FaultSwitch faults;
  private Counter packed;
  private Counter packedBytes;
  private Counter large;
  private Counter largeBytes;

  @Override
  protected void setup(Context context) throws IOException, InterruptedException {
    Configuration conf = context.getConfiguration();
    maxFileSize = PackKeys.maxFileSize(conf);
    packs = new PackWriter(conf, FileOutputFormat.getWorkOutputPath(context),
        context.getTaskAttemptID().getTaskID().getId(), PackKeys.PACK_BYTES.getLong(conf),
        PackKeys.codec(conf));
    reports = new TsvReports(context);
    rejects = new RejectSink(context);
    faults = FaultSwitch.of(context);
    context.getCounter(PackCounters.TASKS).increment(1);
    packed = context.getCounter(PackCounters.FILES_PACKED);
    packedBytes = context.getCounter(PackCounters.BYTES_PACKED);
    large = context.getCounter(PackCounters.FILES_LARGE);
    largeBytes = context.getCounter(PackCounters.BYTES_LARGE);
  }

  @Override
  protected void map(Text path, UploadFile f, Context context)
      throws IOException, InterruptedException {
    faults.record();
    if (f.isRejected()) {
      rejects.write(f.reject());
      return;
    }
    int n = f.size() > maxFileSize ? -1 : read(f.content(), f.size());
    if (n < 0) {
      row.clear().field(path).field(f.owner()).field(f.size())
          .plain(mtime, 0, Timestamps.formatInstant(f.modificationTime(), mtime, 0));
      reports.write(PackReports.LARGE, row.text());
      large.increment(1);
      largeBytes.increment(f.size());
      return;
    }
    byte[] sha = PackedUpload.digest(buffer, n);
    value.set(n, f.modificationTime(), f.owner(), sha, buffer, n);
    long offset = packs.append(path, value);
    for (int i = 0; i < sha.length; i++) {
      hex[2 * i] = HEX[(sha[i] >> 4) & 0xF];
      hex[2 * i + 1] = HEX[sha[i] & 0xF];
    }
    row.clear().field(path).field(packs.currentName()).field(offset).field(n)
        .plain(hex, 0, hex.length);
    reports.write(PackReports.INDEX, row.text());
    packed.increment(1);
    packedBytes.increment(n);
  }

  /**
   * Reads a whole small file into the buffer; -1 when it holds more than the cap (it grew since
   * it was listed): then it is listed as large, not packed.
   */
  private int read(InputStream in, long listed) throws IOException {
    int cap = (int) maxFileSize;
    if (buffer.length < Math.min(listed + 1, cap + 1L)) {
      buffer = new byte[(int) Math.min(listed + 1, cap + 1L)];
    }
    int n = 0;
    while (true) {
      if (n == buffer.length) {
        if (n > cap) {
          return -1;
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(cap + 1L, 2L * buffer.length));
      }
      int r = in.read(buffer, n, buffer.length - n);
      if (r < 0) {
        return n;
      }
      n += r;
    }
  }

  @Override
  protected void cleanup(Context context) throws IOException {
    try {
      packs.close();
      context.getCounter(PackCounters.PACK_FILES).increment(packs.packs());
      context.getCounter(PackCounters.PACK_BYTES).increment(packs.packBytes());
    } finally {
      try {
        reports.close();
      } finally {
        rejects.close();
      }
    }
  }
}
