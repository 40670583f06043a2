package org.colony.jobs.inventory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Reducer;
import org.colony.jobs.common.ReportKey;
import org.colony.jobs.common.TsvReports;
import org.colony.jobs.common.TsvRow;

/**
 * owners/: a row per (owner, media type) with its files and bytes. duplicates/: a row per content
 * held by two files or more, with the number of copies, the bytes freed by keeping one, and the
 * first few paths in byte order (a bounded heap: a content with a million copies costs a few
 * paths of memory).
 */
public class InventoryReducer extends Reducer<ReportKey, UploadTally, NullWritable, Text> {
  private static final java.util.Comparator<byte[]> BYTES = (a, b) ->
      WritableComparator.compareBytes(a, 0, a.length, b, 0, b.length);

  private final TsvRow row = new TsvRow();
  private final byte[] hex = new byte[64];
  private final byte[] sha = new byte[32];
  private TsvReports reports;
  private int maxPaths;
  private PriorityQueue<byte[]> paths;
  private byte[] joined = new byte[256];
  private Counter contents;
  private Counter duplicateFiles;
  private Counter reclaimable;

  @Override
  protected void setup(Context context) {
    reports = new TsvReports(context);
    maxPaths = InventoryKeys.duplicatePaths(context.getConfiguration());
    paths = new PriorityQueue<>(maxPaths + 1, BYTES.reversed());
    contents = context.getCounter(InventoryCounters.DUPLICATE_CONTENTS);
    duplicateFiles = context.getCounter(InventoryCounters.DUPLICATE_FILES);
    reclaimable = context.getCounter(InventoryCounters.BYTES_RECLAIMABLE);
  }

  @Override
  protected void reduce(ReportKey key, Iterable<UploadTally> values, Context context)
      throws IOException, InterruptedException {
    if (key.report() == InventoryReports.OWNERS) {
      long files = 0;
      long bytes = 0;
      for (UploadTally v : values) {
        files += v.files();
        bytes += v.bytes();
      }
      // the key is already "escaped owner TAB media type"
      row.clear().plain(key.bytes(), 0, key.length()).field(files).field(bytes);
      reports.write(InventoryReports.OWNERS_REPORT, row.text());
      return;
    }
    System.arraycopy(key.bytes(), 0, sha, 0, sha.length);
    long copies = 0;
    long size = 0;
    paths.clear();
    for (UploadTally v : values) {
      copies += v.files();
      size = v.bytes();
      offer(v.path());
    }
    if (copies < 2) {
      return;
    }
    contents.increment(1);
    duplicateFiles.increment(copies - 1);
    reclaimable.increment(size * (copies - 1));
    InventoryMapper.hex(sha, hex);
    row.clear().plain(hex, 0, hex.length).field(copies).field(size * (copies - 1));
    int n = joinPaths();
    row.field(joined, 0, n);
    reports.write(InventoryReports.DUPLICATES_REPORT, row.text());
  }

  /** Keeps the path if it is among the first {@code maxPaths} in byte order so far. */
  private void offer(Text path) {
    if (paths.size() == maxPaths) {
      byte[] last = paths.peek();
      if (WritableComparator.compareBytes(path.getBytes(), 0, path.getLength(), last, 0,
          last.length) >= 0) {
        return;
      }
      paths.poll();
    }
    paths.add(Arrays.copyOf(path.getBytes(), path.getLength()));
  }

  /** The kept paths in byte order, joined by " // " into {@code joined}; returns the length. */
  private int joinPaths() {
    List<byte[]> sorted = new ArrayList<>(paths);
    sorted.sort(BYTES);
    int n = 0;
    for (byte[] p : sorted) {
      int need = n + p.length + InventoryReports.PATH_SEPARATOR.length;
      if (need > joined.length) {
        joined = Arrays.copyOf(joined, Math.max(need, joined.length * 2));
      }
      if (n > 0) {
        System.arraycopy(InventoryReports.PATH_SEPARATOR, 0, joined, n,
            InventoryReports.PATH_SEPARATOR.length);
        n += InventoryReports.PATH_SEPARATOR.length;
      }
      System.arraycopy(p, 0, joined, n, p.length);
      n += p.length;
    }
    return n;
  }

  @Override
  protected void cleanup(Context context) throws IOException {
    reports.close();
  }
}
