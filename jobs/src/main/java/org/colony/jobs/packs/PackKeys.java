package org.colony.jobs.packs;

import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.colony.conf.ConfigKey;
import org.colony.io.uploads.PackedUpload;

/** Configuration keys of uploads-pack. Documented in conf/colony-default.xml. */
public final class PackKeys {
  private PackKeys() {}

  public static final ConfigKey MAX_FILE_SIZE = ConfigKey.of(
      "colony.uploads-pack.max.file.size", "16m",
      "Files up to this size are packed; larger ones are listed in large/ and left where they are. "
          + "At most 256m (a packed file is held in memory while packed and unpacked).");

  public static final ConfigKey PACK_BYTES = ConfigKey.of("colony.uploads-pack.pack.bytes", "0",
      "Size a pack file grows to before the next one starts, and the most input bytes one map "
          + "task packs (unless mapreduce.input.fileinputformat.split.maxsize is set). 0: the "
          + "block size of the output's file system (dfs.blocksize on HDFS), so that a pack is "
          + "about one block.");

  public static final ConfigKey CODEC = ConfigKey.of("colony.uploads-pack.codec",
      "org.apache.hadoop.io.compress.DefaultCodec",
      "Codec class that block-compresses pack files, or 'none'. Images and archives do not "
          + "compress; text and documents do.");

  public static List<ConfigKey> all() {
    return List.of(MAX_FILE_SIZE, PACK_BYTES, CODEC);
  }

  /** The largest file packed, checked to be 0..256m. */
  public static long maxFileSize(Configuration conf) {
    long v = MAX_FILE_SIZE.getLong(conf);
    if (v < 0 || v > PackedUpload.MAX_CONTENT) {
      throw new IllegalArgumentException("--max-file-size must be between 0 and 256m, got "
          + MAX_FILE_SIZE.get(conf) + " [" + MAX_FILE_SIZE.name() + "]");
    }
    return v;
  }

  /** The pack codec class, or null for 'none'. */
  public static Class<? extends CompressionCodec> codec(Configuration conf) {
    String v = CODEC.get(conf);
    if (v.toLowerCase(Locale.ROOT).equals("none")) {
      return null;
    }
    try {
      return conf.getClassByName(v).asSubclass(CompressionCodec.class);
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IllegalArgumentException("--codec takes 'none' or a Hadoop CompressionCodec "
          + "class, got '" + v + "' [" + CODEC.name() + "]");
    }
  }
}
