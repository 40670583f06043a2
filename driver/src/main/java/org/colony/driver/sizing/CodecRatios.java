package org.colony.driver.sizing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.colony.driver.InputSet;
import org.colony.io.Codecs;

/**
 * How many uncompressed bytes one byte of a compressed input holds, per codec: learned from earlier
 * runs of the job (the bytes its readers read against the on-disk bytes, from runs whose input had
 * one compressed codec), else measured by decompressing the first megabytes of a few files, else a
 * documented default.
 */
public final class CodecRatios {
  /** Defaults for text logs, used only without history and when sampling fails. */
  static final Map<String, Double> DEFAULTS = Map.of("gz", 8.0, "deflate", 8.0, "bz2", 10.0,
      "zst", 10.0, "snappy", 4.0, "lz4", 4.0);
  static final double UNKNOWN_CODEC_DEFAULT = 5.0;

  private CodecRatios() {}

  /** The ratio of {@code codec} ("none" is 1). */
  public static Estimate estimate(String codec, InputSet inputs, List<Map<String, Object>> history,
      Configuration conf, long sampleBytes) {
    if (codec.equals(InputSet.PLAIN)) {
      return new Estimate(1.0, "plain", "not compressed");
    }
    List<Double> learned = new ArrayList<>();
    for (Map<String, Object> run : history) {
      Double r = fromRun(run, codec);
      if (r != null) {
        learned.add(r);
      }
    }
    if (!learned.isEmpty()) {
      return new Estimate(Stats.median(learned), "history", "median of " + learned.size()
          + " earlier run(s) read through " + codec);
    }
    if (sampleBytes > 0) {
      for (FileStatus f : inputs.samples().getOrDefault(codec, List.of())) {
        try {
          double[] r = sample(f, conf, Math.max(sampleBytes, 1 << 20));
          if (r[1] > 0) {
            return new Estimate(r[0] / r[1], "sample", String.format(Locale.ROOT,
                "%d compressed bytes of %s decompress to %d", (long) r[1], f.getPath().getName(),
                (long) r[0]));
          }
        } catch (IOException | RuntimeException e) {
          // a damaged file: try the next one, or fall back to the default
        }
      }
    }
    double d = DEFAULTS.getOrDefault(codec, UNKNOWN_CODEC_DEFAULT);
    return new Estimate(d, "default", "no history and no sample for " + codec);
  }

  /** A run's ratio for {@code codec}, if it read that codec and no other compressed one. */
  @SuppressWarnings("unchecked")
  static Double fromRun(Map<String, Object> run, String codec) {
    Object byCodec = run.get("inputByCodec");
    Object read = run.get("bytesRead");
    if (!(byCodec instanceof Map<?, ?> m) || !(read instanceof Number bytesRead)
        || !"succeeded".equals(run.get("outcome"))) {
      return null;
    }
    Map<String, Object> bc = (Map<String, Object>) m;
    long disk = 0;
    long plain = 0;
    for (Map.Entry<String, Object> e : bc.entrySet()) {
      long v = ((Number) e.getValue()).longValue();
      if (e.getKey().equals(InputSet.PLAIN)) {
        plain = v;
      } else if (e.getKey().equals(codec)) {
        disk = v;
      } else {
        return null; // two compressed codecs: their ratios cannot be told apart
      }
    }
    if (disk <= 0) {
      return null;
    }
    double r = (bytesRead.longValue() - plain) / (double) disk;
    return r >= 1 && r <= 200 ? r : null;
  }

  /**
   * Decompresses the start of a file: {uncompressed bytes, compressed bytes consumed}, stopping
   * once {@code limit} compressed bytes were consumed.
   */
  static double[] sample(FileStatus f, Configuration conf, long limit) throws IOException {
    CompressionCodec codec = Codecs.forFile(conf, f.getPath());
    FileSystem fs = f.getPath().getFileSystem(conf);
    long[] consumed = {0};
    long out = 0;
    try (InputStream raw = new java.io.FilterInputStream(fs.open(f.getPath())) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
              consumed[0] += n;
            }
            return n;
          }
        };
        InputStream in = codec.createInputStream(raw)) {
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n >= 0 && consumed[0] < limit; n = in.read(buf)) {
        out += n;
      }
    }
    return new double[] {out, consumed[0]};
  }
}
