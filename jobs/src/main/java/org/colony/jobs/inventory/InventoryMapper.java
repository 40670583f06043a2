package org.colony.jobs.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;
import org.apache.tika.mime.MediaType;
import org.colony.io.Timestamps;
import org.colony.io.uploads.UploadFile;
import org.colony.jobs.common.FaultSwitch;
import org.colony.jobs.common.RejectSink;
import org.colony.jobs.common.ReportKey;
import org.colony.jobs.common.TsvReports;
import org.colony.jobs.common.TsvRow;

/**
 * Reads each upload once, to its end ({@link ContentInspector}: SHA-256 and media type), writes its
 * files/ row, and emits a count under its (owner, media type) and its path under its SHA-256.
 * Unreadable files go to the reject sink.
 */
public class InventoryMapper extends Mapper<Text, UploadFile, ReportKey, UploadTally> {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

  private final ReportKey key = new ReportKey();
  private final UploadTally tally = new UploadTally();
  private final TsvRow row = new TsvRow();
  private final TsvRow ownerKey = new TsvRow();
  private final byte[] hex = new byte[64];
  private final byte[] mtime = new byte[24];
  private ContentInspector inspector;
  private TsvReports reports;
  private RejectSink rejects;
  private FaultSwitch faults;
  private Counter files;
  private Counter bytes;
  private Counter mismatches;
  private Counter unknown;
  private Counter detectionFailed;
  private Counter sizeChanged;

  @Override
  @SuppressWarnings("unchecked")
  protected void setup(Context context) {
    inspector = new ContentInspector();
    reports = new TsvReports((TaskInputOutputContext<?, ?, NullWritable, Text>)
        (TaskInputOutputContext<?, ?, ?, ?>) context);
    rejects = new RejectSink(context);
    faults = FaultSwitch.of(context);
    files = context.getCounter(InventoryCounters.FILES);
    bytes = context.getCounter(InventoryCounters.BYTES);
    mismatches = context.getCounter(InventoryCounters.EXTENSION_MISMATCHES);
    unknown = context.getCounter(InventoryCounters.UNKNOWN_TYPE);
    detectionFailed = context.getCounter(InventoryCounters.DETECTION_FAILED);
    sizeChanged = context.getCounter(InventoryCounters.SIZE_CHANGED);
  }

  @Override
  protected void map(Text path, UploadFile f, Context context)
      throws IOException, InterruptedException {
    faults.record();
    if (f.isRejected()) {
      rejects.write(f.reject());
      return;
    }
    inspector.inspect(f.content());
    long size = inspector.size();
    MediaType content = inspector.contentType();
    MediaType named = inspector.nameType(fileName(path.toString()));
    boolean disagree = inspector.disagree(named, content);
    String contentType = ContentInspector.displayContent(content);

    files.increment(1);
    bytes.increment(size);
    if (disagree) {
      mismatches.increment(1);
    }
    if (content.equals(MediaType.OCTET_STREAM)) {
      unknown.increment(1);
    }
    if (inspector.detectionFailed()) {
      detectionFailed.increment(1);
    }
    if (size != f.size()) {
      sizeChanged.increment(1);
    }
    hex(inspector.sha256(), hex);
    row.clear().field(path).field(f.owner()).field(size)
        .plain(mtime, 0, Timestamps.formatInstant(f.modificationTime(), mtime, 0))
        .plain(hex, 0, hex.length).field(contentType).field(ContentInspector.display(named));
    byte[] flag = disagree ? TRUE : FALSE;
    row.plain(flag, 0, flag.length);
    reports.write(InventoryReports.FILES, row.text());

    Text owner = ownerKey.clear().field(f.owner()).field(contentType).text();
    context.write(key.set(InventoryReports.OWNERS, owner), tally.set(1, size));
    context.write(key.set(InventoryReports.DUPLICATES, inspector.sha256(), 0, 32),
        tally.set(1, size, path));
  }

  /** The last component of a '/'-separated path. */
  static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  static void hex(byte[] b, byte[] out) {
    for (int i = 0; i < b.length; i++) {
      out[2 * i] = HEX[(b[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[b[i] & 0xF];
    }
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
