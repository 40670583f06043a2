package org.colony.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeys;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;

/**
 * The codecs Colony reads by file extension: Hadoop's own (.gz, .bz2, .deflate, .snappy) plus
 * pure-Java zstd (.zst) and lz4 (.lz4) from aircompressor, which replace Hadoop's: those need the
 * native libhadoop (zstd) or lz4-java on the classpath (lz4), which clusters and embedded mode may
 * lack. aircompressor's lz4 reads and writes Hadoop's lz4 block format; its zstd reads standard
 * zstd frames, as the zstd tool writes them.
 */
public final class Codecs {
  private Codecs() {}

  /** Colony's codecs, added after Hadoop's so that they take their extensions. */
  public static final List<Class<? extends CompressionCodec>> ADDED = List.of(
      io.airlift.compress.zstd.ZstdCodec.class, io.airlift.compress.lz4.Lz4Codec.class);

  /** Factories by configuration (identity), with the codec list they were made for. */
  private static final Map<Configuration, Cached> FACTORIES = new WeakHashMap<>();

  private record Cached(String codecs, CompressionCodecFactory factory) {}

  /**
   * A codec factory that knows Colony's codecs. Cached per configuration object: a combined split
   * opens thousands of files, and a factory costs a configuration copy and a service scan.
   */
  public static CompressionCodecFactory factory(Configuration conf) {
    String codecs = conf.get(CommonConfigurationKeys.IO_COMPRESSION_CODECS_KEY, "");
    synchronized (FACTORIES) {
      Cached c = FACTORIES.get(conf);
      if (c == null || !c.codecs().equals(codecs)) {
        c = new Cached(codecs, new CompressionCodecFactory(withColonyCodecs(conf)));
        FACTORIES.put(conf, c);
      }
      return c.factory();
    }
  }

  /** The codec of a file by its extension, or null for plain files. */
  public static CompressionCodec forFile(Configuration conf, Path file) {
    return factory(conf).getCodec(file);
  }

  /** Whether a file can be read in several splits: plain, or a splittable codec (bzip2). */
  public static boolean isSplittable(Configuration conf, Path file) {
    CompressionCodec codec = forFile(conf, file);
    return codec == null || codec instanceof SplittableCompressionCodec;
  }

  /** {@code conf} itself if it already lists Colony's codecs, else a copy that does. */
  static Configuration withColonyCodecs(Configuration conf) {
    String key = CommonConfigurationKeys.IO_COMPRESSION_CODECS_KEY;
    Set<String> names = new LinkedHashSet<>(conf.getTrimmedStringCollection(key));
    List<String> wanted = new ArrayList<>();
    ADDED.forEach(c -> wanted.add(c.getName()));
    if (names.containsAll(wanted)) {
      return conf;
    }
    names.removeAll(wanted);
    names.addAll(wanted);
    Configuration copy = new Configuration(conf);
    copy.set(key, String.join(",", names));
    return copy;
  }

  /** Adds Colony's codecs to a job's configuration, so every reader finds them directly. */
  public static void register(Configuration conf) {
    Configuration with = withColonyCodecs(conf);
    if (with != conf) {
      conf.set(CommonConfigurationKeys.IO_COMPRESSION_CODECS_KEY,
          with.get(CommonConfigurationKeys.IO_COMPRESSION_CODECS_KEY));
    }
  }
}
