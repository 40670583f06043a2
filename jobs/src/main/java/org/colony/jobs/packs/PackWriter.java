package org.colony.jobs.packs;

import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.util.ReflectionUtils;
import org.colony.io.uploads.PackFiles;
import org.colony.io.uploads.PackedUpload;

/**
 * Writes a task's pack files, {@code packs/pack-TTTTT-NNN.seq}, block-compressed SequenceFiles of
 * (path, {@link PackedUpload}), starting the next one before a record would take the current one
 * past the target size (a record alone may exceed it). {@link #append} returns the record's
 * offset: the position of the compressed block that will hold it, {@code getLength()} before the
 * append, since a block is written out only once it is full.
 */
final class PackWriter implements Closeable {
  private final Configuration conf;
  private final FileSystem fs;
  private final Path folder;
  private final String prefix;
  private final long target;
  private final SequenceFile.CompressionType type;
  private final CompressionCodec codec;
  private SequenceFile.Writer writer;
  /** The writer's stream, which a writer given a stream does not close. */
  private FSDataOutputStream stream;
  private Path current;
  private String currentName;
  private int sequence;
  private long records;
  private long lastLength;
  /** Record bytes appended since the last block was written out (still buffered). */
  private long buffered;
  private long packs;
  private long packBytes;

  /**
   * @param output the folder the packs/ folder goes into (a task's work folder)
   * @param task the task number, in the file names
   * @param codecClass the codec, or null for uncompressed records
   */
  PackWriter(Configuration conf, Path output, int task, long target,
      Class<? extends CompressionCodec> codecClass) throws IOException {
    this.conf = conf;
    FileSystem f = output.getFileSystem(conf);
    // no .crc files beside the packs on the local file system
    this.fs = f instanceof ChecksumFileSystem c ? c.getRawFileSystem() : f;
    this.folder = new Path(output, PackReports.PACKS);
    this.prefix = String.format("pack-%05d-", task);
    this.target = target;
    this.codec = codecClass == null ? null : ReflectionUtils.newInstance(codecClass, conf);
    this.type = codec == null ? SequenceFile.CompressionType.NONE
        : SequenceFile.CompressionType.BLOCK;
  }

  /** Appends a record; returns its offset in {@link #currentName()}. */
  long append(Text key, PackedUpload value) throws IOException {
    long size = key.getLength() + value.contentLength() + value.owner().getLength() + 64L;
    if (writer != null && records > 0 && writer.getLength() + buffered + size > target) {
      closeCurrent();
    }
    if (writer == null) {
      open();
    }
    long offset = writer.getLength();
    writer.append(key, value);
    records++;
    long length = writer.getLength();
    if (length != lastLength) {
      lastLength = length;
      buffered = 0; // a block was written out, this record in it
    } else {
      buffered += size;
    }
    return offset;
  }

  /** The pack file of the last append, relative to the output: packs/pack-TTTTT-NNN.seq. */
  String currentName() {
    return currentName;
  }

  long packs() {
    return packs;
  }

  long packBytes() {
    return packBytes;
  }

  private void open() throws IOException {
    String name = prefix + String.format("%03d", sequence++) + PackFiles.EXTENSION;
    current = new Path(folder, name);
    currentName = PackReports.PACKS + "/" + name;
    stream = fs.create(current, false);
    writer = SequenceFile.createWriter(conf, SequenceFile.Writer.stream(stream),
        SequenceFile.Writer.keyClass(Text.class),
        SequenceFile.Writer.valueClass(PackedUpload.class),
        codec == null ? SequenceFile.Writer.compression(type)
            : SequenceFile.Writer.compression(type, codec));
    records = 0;
    buffered = 0;
    lastLength = writer.getLength();
  }

  private void closeCurrent() throws IOException {
    writer.close();
    stream.close();
    writer = null;
    packs++;
    packBytes += fs.getFileStatus(current).getLen();
  }

  @Override
  public void close() throws IOException {
    if (writer != null) {
      closeCurrent();
    }
  }
}
