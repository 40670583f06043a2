package org.colony.io;

import java.io.IOException;
import java.util.EnumMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.Seekable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CodecPool;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.Decompressor;
import org.apache.hadoop.io.compress.SplitCompressionInputStream;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.counters.GenericCounter;
import org.apache.hadoop.mapreduce.lib.input.CompressedSplitLineReader;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.SplitLineReader;
import org.apache.hadoop.mapreduce.lib.input.UncompressedSplitLineReader;

/**
 * Reads the lines of one file split, plain or compressed with any Hadoop codec (chosen by file
 * extension), and turns each into a record with {@link #parse}. It owns the split boundaries the way
 * Hadoop's LineRecordReader does (a split skips its first partial line and reads one line past its
 * end), so every line is read by exactly one split.
 *
 * <p>Nothing is dropped: a line that does not parse, or is longer than
 * {@code colony.input.max.line.bytes}, is yielded as a rejected record carrying the reason, file and
 * byte offset. Counts {@link RecordCounters} and one counter per {@link RejectReason}. A long line is
 * consumed without holding more than the cap in memory. A UTF-8 byte order mark at the start of a
 * file is skipped; CRLF line ends are handled.
 *
 * @param <V> the record type
 */
public abstract class LineParsingRecordReader<V extends ParsedRecord>
    extends RecordReader<LongWritable, V> {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final LongWritable key = new LongWritable();
  private final Text line = new Text();
  private final Reject reject = new Reject();
  private V value;

  private long start;
  private long pos;
  private long end;
  private int maxLineBytes;
  private boolean compressed;
  private SplitLineReader in;
  private Seekable filePosition;
  private FSDataInputStream fileIn;
  private Decompressor decompressor;
  private String fileName;

  private Counter recordsIn;
  private Counter parsed;
  private Counter rejected;
  private Counter bytesRead;
  private final EnumMap<RejectReason, Counter> reasonCounters = new EnumMap<>(RejectReason.class);
  private TaskAttemptContext context;

  /** A fresh value object; it is reused for every record of the split. */
  protected abstract V createValue();

  /**
   * Parses {@code bytes[0, length)} (one line, without its line end) into {@code value}.
   *
   * @return null when the line parsed, else the reason it did not
   */
  protected abstract RejectReason parse(byte[] bytes, int length, V value);

  @Override
  public void initialize(InputSplit genericSplit, TaskAttemptContext ctx) throws IOException {
    this.context = ctx;
    FileSplit split = (FileSplit) genericSplit;
    Configuration conf = ctx.getConfiguration();
    maxLineBytes = InputKeys.MAX_LINE_BYTES.getInt(conf);
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException(InputKeys.MAX_LINE_BYTES.name() + " must be positive");
    }
    recordsIn = counter(RecordCounters.RECORDS_IN);
    parsed = counter(RecordCounters.RECORDS_PARSED);
    rejected = counter(RecordCounters.RECORDS_REJECTED);
    bytesRead = counter(RecordCounters.BYTES_READ);
    value = createValue();

    start = split.getStart();
    end = start + split.getLength();
    Path file = split.getPath();
    fileName = file.toString();
    fileIn = file.getFileSystem(conf).open(file);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
    if (codec != null) {
      compressed = true;
      decompressor = CodecPool.getDecompressor(codec);
      if (codec instanceof SplittableCompressionCodec) {
        SplitCompressionInputStream cIn = ((SplittableCompressionCodec) codec).createInputStream(
            fileIn, decompressor, start, end, SplittableCompressionCodec.READ_MODE.BYBLOCK);
        in = new CompressedSplitLineReader(cIn, conf, null);
        start = cIn.getAdjustedStart();
        end = cIn.getAdjustedEnd();
        filePosition = cIn;
      } else {
        if (start != 0) {
          throw new IOException("Cannot start a split at " + start + " in "
              + codec.getClass().getSimpleName() + " compressed file " + file);
        }
        in = new SplitLineReader(codec.createInputStream(fileIn, decompressor), conf, null);
        filePosition = fileIn;
      }
    } else {
      fileIn.seek(start);
      in = new UncompressedSplitLineReader(fileIn, conf, null, split.getLength());
      filePosition = fileIn;
    }
    // A split that does not start the file skips its first (partial) line: the previous split
    // reads one line past its end.
    if (start != 0) {
      start += in.readLine(new Text(), 0, Integer.MAX_VALUE);
    }
    pos = start;
  }

  /** Where the split boundary is checked: the compressed position for compressed input. */
  private long filePosition() throws IOException {
    return compressed ? filePosition.getPos() : pos;
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    if (!(filePosition() <= end || in.needAdditionalRecordAfterSplit())) {
      return false;
    }
    long lineStart = pos;
    // Read at most one byte more than the cap: a line holding more is too long, the rest of it is
    // consumed by the reader without being kept. The first line may also hold a byte order mark,
    // which does not count. (Computed in long: cap + 1 overflows at Integer.MAX_VALUE, and with a
    // negative length LineReader keeps no byte of any line.)
    long keep = maxLineBytes + 1L + (lineStart == 0 ? BOM.length : 0);
    int consumed = in.readLine(line, (int) Math.min(keep, Integer.MAX_VALUE), Integer.MAX_VALUE);
    if (consumed == 0) {
      return false;
    }
    pos += consumed;
    bytesRead.increment(consumed);
    recordsIn.increment(1);
    key.set(lineStart);

    byte[] bytes = line.getBytes();
    int length = line.getLength();
    if (lineStart == 0 && startsWithBom(bytes, length)) {
      System.arraycopy(bytes, BOM.length, bytes, 0, length - BOM.length);
      length -= BOM.length;
    }
    RejectReason reason;
    if (length > maxLineBytes) {
      reason = RejectReason.LINE_TOO_LONG;
      length = maxLineBytes;
    } else {
      reason = parse(bytes, length, value);
    }
    if (reason == null) {
      parsed.increment(1);
      value.markParsed();
    } else {
      rejected.increment(1);
      reasonCounters.computeIfAbsent(reason, this::counter).increment(1);
      reject.set(reason, fileName, lineStart, bytes, length);
      value.markRejected(reject);
    }
    return true;
  }

  private static boolean startsWithBom(byte[] b, int len) {
    return len >= 3 && b[0] == BOM[0] && b[1] == BOM[1] && b[2] == BOM[2];
  }

  private Counter counter(Enum<?> name) {
    Counter c = context.getCounter(name);
    // Outside a task (a reader opened by a test or a tool) the context may have no counters.
    return c != null ? c : new GenericCounter(name.name(), name.name());
  }

  @Override
  public LongWritable getCurrentKey() {
    return key;
  }

  @Override
  public V getCurrentValue() {
    return value;
  }

  @Override
  public float getProgress() throws IOException {
    if (start == end) {
      return 0.0f;
    }
    return Math.min(1.0f, (filePosition() - start) / (float) (end - start));
  }

  @Override
  public void close() throws IOException {
    try {
      if (in != null) {
        in.close();
      } else if (fileIn != null) {
        fileIn.close();
      }
    } finally {
      if (decompressor != null) {
        CodecPool.returnDecompressor(decompressor);
        decompressor = null;
      }
    }
  }
}
