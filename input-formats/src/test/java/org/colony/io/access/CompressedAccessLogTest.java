package org.colony.io.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.DefaultCodec;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.hadoop.io.compress.Lz4Codec;
import org.apache.hadoop.io.compress.SnappyCodec;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.util.ReflectionUtils;
import org.colony.io.Codecs;
import org.colony.io.InputKeys;
import org.colony.testing.LineFiles;
import org.colony.testing.LineFiles.Line;
import org.colony.testing.SplitReads;
import org.colony.testing.SplitReads.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Access logs in every codec Colony reads by extension, each written by the codec's own writer
 * (Hadoop's, or the zstd tool for the fixture), read back line for line.
 */
class CompressedAccessLogTest {
  private static final int MAX_LINE = 4000;

  @TempDir
  Path dir;

  /** Hadoop's own writers; lz4 is read back by Colony's pure-Java codec. */
  private static CompressionCodec writer(String ext) {
    Class<? extends CompressionCodec> c = switch (ext) {
      case "gz" -> GzipCodec.class;
      case "bz2" -> BZip2Codec.class;
      case "deflate" -> DefaultCodec.class;
      case "snappy" -> SnappyCodec.class;
      case "lz4" -> Lz4Codec.class;
      case "zst" -> io.airlift.compress.zstd.ZstdCodec.class;
      default -> throw new IllegalArgumentException(ext);
    };
    return ReflectionUtils.newInstance(c, new Configuration());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gz", "bz2", "deflate", "snappy", "lz4", "zst"})
  void everyLineOfEveryCodecIsReadOnce(String ext) throws Exception {
    List<Line> lines = AccessLogLines.generate(5_000, ext.hashCode(), MAX_LINE);
    CompressionCodec codec = writer(ext);
    assertThat(codec.getDefaultExtension()).isEqualTo("." + ext);
    Path file = dir.resolve("access.log." + ext);
    long[] offsets;
    try (OutputStream out = codec.createOutputStream(
        new BufferedOutputStream(Files.newOutputStream(file)))) {
      offsets = LineFiles.write(out, lines, "\n", false, true);
    }
    Configuration conf = new Configuration();
    conf.setInt(InputKeys.MAX_LINE_BYTES.name(), MAX_LINE);
    conf.setLong(FileInputFormat.SPLIT_MAXSIZE, 64 * 1024);
    assertThat(Codecs.forFile(conf, new org.apache.hadoop.fs.Path(file.toUri())))
        .as("codec chosen for .%s", ext).isNotNull();
    Result r = readAll(conf, dir);
    SplitReads.assertExactlyOnce(ext, r.reads(), lines, offsets);
  }

  @Test
  void colonyReadsZstdAndLz4WithPureJavaCodecs() {
    Configuration conf = new Configuration();
    assertThat(Codecs.forFile(conf, new org.apache.hadoop.fs.Path("/x/a.log.zst")))
        .isInstanceOf(io.airlift.compress.zstd.ZstdCodec.class);
    assertThat(Codecs.forFile(conf, new org.apache.hadoop.fs.Path("/x/a.log.lz4")))
        .isInstanceOf(io.airlift.compress.lz4.Lz4Codec.class);
    assertThat(Codecs.forFile(conf, new org.apache.hadoop.fs.Path("/x/a.log.gz")))
        .isInstanceOf(GzipCodec.class);
    assertThat(Codecs.isSplittable(conf, new org.apache.hadoop.fs.Path("/x/a.log.bz2"))).isTrue();
    assertThat(Codecs.isSplittable(conf, new org.apache.hadoop.fs.Path("/x/a.log.zst"))).isFalse();
    assertThat(Codecs.isSplittable(conf, new org.apache.hadoop.fs.Path("/x/a.log"))).isTrue();
  }

  /** Two frames written by the zstd tool read as the plain file reads. */
  @Test
  void zstdToolFileReadsAsThePlainFile() throws Exception {
    Path fixtures = Path.of(getClass().getResource("/codecs/access.log").toURI()).getParent();
    List<String> fromPlain = fingerprints(fixtures, "access.log");
    List<String> fromZstd = fingerprints(fixtures, "access.log.zst");
    assertThat(fromPlain).hasSize(120);
    assertThat(fromZstd).containsExactlyElementsOf(fromPlain);
  }

  private List<String> fingerprints(Path fixtures, String name) throws Exception {
    Path only = Files.createDirectories(dir.resolve(name + ".dir"));
    Files.copy(fixtures.resolve(name), only.resolve(name));
    Result r = readAll(new Configuration(), only);
    List<String> l = new ArrayList<>();
    r.reads().forEach(x -> l.add(x.key() + " " + x.fingerprint()));
    return l;
  }
  private static Result readAll(Configuration conf, Path dir) throws Exception {
    return SplitReads.readAll(new AccessLogInputFormat(), conf,
        List.of(new org.apache.hadoop.fs.Path(dir.toUri())), AccessLogLines::fingerprint);
  }
}
