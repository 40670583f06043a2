package org.colony.io;

import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.Seekable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CodecPool;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.Decompressor;
import org.apache.hadoop.io.compress.SplitCompressionInputStream;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;
import org.apache.hadoop.mapreduce.lib.input.CompressedSplitLineReader;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.SplitLineReader;

/**
 * The lines of one file split, plain or compressed with any Hadoop codec (chosen by extension),
 * with the split rule of Hadoop's LineRecordReader: a line belongs to the split in which it starts
 * (a split after the first skips its first, partial line; every split reads the line that starts at
 * its end). Lines are read with a cap on the bytes kept, so a huge line costs no memory; a leading
 * UTF-8 byte order mark is dropped and does not count against the cap; CRLF ends are handled.
 *
 * <p>Multi-line readers may read on past the split end ({@link #next(boolean)} with
 * {@code bounded=false}) to finish a record that started inside it.
 *
 * <p>Damage in a compressed file (truncation, bad data, an empty .gz) surfaces as a
 * {@link CorruptInputException}; I/O errors of the file system (missing blocks, checksum errors)
 * stay ordinary IOExceptions, so that the task fails and is retried.
 */
public final class SplitLines implements Closeable {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final String fileName;
  private final int maxLineBytes;
  private final Text line = new Text();
  private final boolean compressed;
  private final boolean bom;
  private FSDataInputStream fileIn;
  private SplitLineReader in;
  private Seekable filePosition;
  private Decompressor decompressor;
  private long start;
  /** Where progress counts from: the split start in the stream {@link #progress} measures. */
  private long progressStart;
  private long end;
  private long pos;
  private long lineStart;
  private int length;
  private int consumed;
  private boolean tooLong;

  /**
   * Opens {@code split}.
   *
   * @param maxLineBytes the most bytes of a line that are kept; a longer line is marked too long
   * @param allowBom whether a leading UTF-8 byte order mark is dropped
   */
  public SplitLines(FileSplit split, Configuration conf, int maxLineBytes, boolean allowBom)
      throws IOException {
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException("the line cap must be positive, got " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
    this.bom = allowBom;
    Path file = split.getPath();
    this.fileName = file.toString();
    start = split.getStart();
    end = start + split.getLength();
    CompressionCodec codec = Codecs.forFile(conf, file);
    compressed = codec != null;
    if (compressed && file.getFileSystem(conf).getFileStatus(file).getLen() == 0) {
      throw new CorruptInputException(fileName, 0, "empty file, not "
          + codec.getDefaultExtension() + " data", null);
    }
    fileIn = file.getFileSystem(conf).open(file);
    if (codec == null) {
      fileIn.seek(start);
      in = new SplitLineReader(fileIn, conf, null);
      filePosition = fileIn;
    } else {
      decompressor = CodecPool.getDecompressor(codec);
      try {
        if (codec instanceof SplittableCompressionCodec sc) {
          SplitCompressionInputStream cIn = sc.createInputStream(fileIn, decompressor, start, end,
              SplittableCompressionCodec.READ_MODE.BYBLOCK);
          in = new CompressedSplitLineReader(cIn, conf, null);
          start = cIn.getAdjustedStart();
          end = cIn.getAdjustedEnd();
          filePosition = cIn;
        } else {
          if (start != 0) {
            throw new IOException("cannot start a split at " + start + " in "
                + codec.getClass().getSimpleName() + " compressed file " + file);
          }
          in = new SplitLineReader(codec.createInputStream(fileIn, decompressor), conf, null);
          filePosition = fileIn;
        }
      } catch (IOException | RuntimeException e) {
        close();
        throw damage(e, 0);
      }
    }
    // A compressed split's progress is measured in compressed bytes; start (and so the keys) gets
    // the uncompressed length of the skipped partial line added, which is not a compressed length.
    progressStart = start;
    if (start != 0) {
      start += read(0);
    }
    if (!compressed) {
      progressStart = start;
    }
    pos = start;
  }

  /** Whether the next line starts inside this split. */
  public boolean inSplit() throws IOException {
    return (compressed ? filePosition.getPos() : pos) <= end || in.needAdditionalRecordAfterSplit();
  }

  /**
   * Reads the next line.
   *
   * @param bounded whether to stop at the split end (true for a new record; false to continue one)
   * @return false at the end of the split (bounded) or of the file
   */
  public boolean next(boolean bounded) throws IOException {
    if (bounded && !inSplit()) {
      return false;
    }
    lineStart = pos;
    boolean first = lineStart == 0;
    // Keep one byte more than the cap (and a byte order mark's three), to tell a line of exactly
    // the cap from a longer one; in long, as cap + 1 overflows at Integer.MAX_VALUE.
    long keep = maxLineBytes + 1L + (first && bom ? BOM.length : 0);
    consumed = read((int) Math.min(keep, Integer.MAX_VALUE));
    if (consumed == 0) {
      return false;
    }
    pos += consumed;
    byte[] b = line.getBytes();
    length = line.getLength();
    if (first && bom && length >= 3 && b[0] == BOM[0] && b[1] == BOM[1] && b[2] == BOM[2]) {
      System.arraycopy(b, BOM.length, b, 0, length - BOM.length);
      length -= BOM.length;
    }
    tooLong = length > maxLineBytes;
    if (tooLong) {
      length = maxLineBytes;
    }
    return true;
  }

  private int read(int keep) throws IOException {
    try {
      return in.readLine(line, keep, Integer.MAX_VALUE);
    } catch (ChecksumException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (!compressed || e.getClass().getName().endsWith("BlockMissingException")) {
        throw e;
      }
      throw damage(e, pos);
    }
  }

  private CorruptInputException damage(Exception e, long offset) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new CorruptInputException(fileName, offset, msg, e);
  }

  /** The current line's bytes, valid up to {@link #length()}. */
  public byte[] bytes() {
    return line.getBytes();
  }

  /** The current line's length in bytes, without its end; at most the cap. */
  public int length() {
    return length;
  }

  /** Whether the current line was longer than the cap (and is cut to it). */
  public boolean tooLong() {
    return tooLong;
  }

  /** Where the current line starts (see {@link Reject} on bzip2 splits). */
  public long lineStart() {
    return lineStart;
  }

  /** Bytes the current line took in the stream, line end included. */
  public int consumed() {
    return consumed;
  }

  public String fileName() {
    return fileName;
  }

  public float progress() throws IOException {
    if (progressStart >= end) {
      return 0.0f;
    }
    long at = compressed ? filePosition.getPos() : pos;
    return Math.max(0.0f, Math.min(1.0f, (at - progressStart) / (float) (end - progressStart)));
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
