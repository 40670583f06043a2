package org.colony.io.uploads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;

/**
 * Pack files: SequenceFiles of (relative path {@link Text}, {@link PackedUpload}) named
 * {@code *.seq}, usually block-compressed. Their index rows give, for each path, the pack file and
 * the position of the compressed block (a sync mark) holding its record, so that one upload is
 * read back by seeking there and reading a few records.
 *
 * <p>A SequenceFile names the classes of its keys and values, and Hadoop's reader loads and
 * instantiates whatever they name. A pack is checked to name Text and PackedUpload before it is
 * opened as a SequenceFile.
 */
public final class PackFiles {
  private PackFiles() {}

  public static final String EXTENSION = ".seq";
  private static final byte[] MAGIC = {'S', 'E', 'Q'};
  private static final int SEQUENCE_FILE_VERSION = 6;
  private static final int MAX_CLASS_NAME = 1024;

  public static boolean isPack(Path p) {
    return p.getName().endsWith(EXTENSION);
  }

  /**
   * Why the file at {@code p} is not a pack file (not a SequenceFile of version 6, or of other key
   * and value classes), or null when it is one.
   */
  public static String headerProblem(FileSystem fs, Path p) throws IOException {
    try (FSDataInputStream in = fs.open(p)) {
      byte[] magic = new byte[4];
      try {
        in.readFully(magic);
      } catch (java.io.EOFException e) {
        return "not a SequenceFile: " + magic.length + " bytes or fewer";
      }
      if (!Arrays.equals(Arrays.copyOf(magic, 3), MAGIC)) {
        return "not a SequenceFile (no SEQ header)";
      }
      if (magic[3] != SEQUENCE_FILE_VERSION) {
        return "SequenceFile version " + magic[3] + ", packs are version " + SEQUENCE_FILE_VERSION;
      }
      String keyClass;
      String valueClass;
      try {
        keyClass = Text.readString(in, MAX_CLASS_NAME);
        valueClass = Text.readString(in, MAX_CLASS_NAME);
      } catch (IOException e) {
        return "unreadable SequenceFile header: " + e.getMessage();
      }
      if (!keyClass.equals(Text.class.getName())
          || !valueClass.equals(PackedUpload.class.getName())) {
        return "a SequenceFile of " + printable(keyClass) + " -> " + printable(valueClass)
            + ", not of paths -> packed uploads";
      }
      return null;
    }
  }

  private static String printable(String s) {
    String t = s.length() > 100 ? s.substring(0, 100) + "..." : s;
    return new String(t.getBytes(StandardCharsets.UTF_8), StandardCharsets.US_ASCII)
        .replaceAll("[^\\x20-\\x7e]", "?");
  }

  /** Opens a pack file, its header checked first. */
  public static SequenceFile.Reader open(Configuration conf, Path p) throws IOException {
    String problem = headerProblem(p.getFileSystem(conf), p);
    if (problem != null) {
      throw new IOException(p + ": " + problem);
    }
    return new SequenceFile.Reader(conf, SequenceFile.Reader.file(p));
  }

  /**
   * Reads the record of {@code path} from the pack's block at {@code offset} (an index row's) into
   * {@code value}.
   *
   * @return whether the block holds it
   */
  public static boolean read(Configuration conf, Path pack, long offset, Text path,
      PackedUpload value) throws IOException {
    try (SequenceFile.Reader reader = open(conf, pack)) {
      reader.seek(offset);
      Text key = new Text();
      boolean first = true;
      while (reader.next(key)) {
        if (!first && reader.syncSeen()) {
          return false; // the next block: the record is not where the index says
        }
        first = false;
        if (key.equals(path)) {
          reader.getCurrentValue(value);
          return true;
        }
      }
      return false;
    }
  }
}
