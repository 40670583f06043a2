package org.colony.driver;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ToolRunner;
import org.colony.testing.TestImages;

/**
 * A benchmark, not a test: generates N images (default 500) of 1 to 12 megapixels (nine JPEGs
 * in ten, the rest PNGs of at most 4 MP; a gradient, 8-pixel checker and noise, so that they
 * compress like photos rather than like flat colour) in user folders, and runs colony thumbnails
 * on them embedded, as bin/colony does (conf/local on the classpath: local mode, two map slots),
 * printing images and thumbnails per second, and per CPU-second (the figure that holds on a
 * machine shared with other work).
 *
 * <pre>
 * java -Dcolony.local.dir=DIR/local -cp conf/local:driver/target/test-classes:\
 *   input-formats/target/test-classes:driver/target/colony-0.1.0-job.jar:driver/target/lib/'*' \
 *   org.colony.driver.ThumbnailsBenchmark DIR [IMAGES] [SIZES]
 * </pre>
 */
public final class ThumbnailsBenchmark {
  private ThumbnailsBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    String sizes = args.length > 2 ? args[2] : "128,512";
    Path in = dir.resolve("in");
    if (!Files.isDirectory(in)) {
      long t0 = System.nanoTime();
      long pixels = generate(in, count);
      System.out.printf("generated %d images, %.0f MP, %s in %.1f s%n", count, pixels / 1e6,
          JobRunner.human(size(in)), (System.nanoTime() - t0) / 1e9);
    }
    Path out = dir.resolve("out");
    Configuration conf = new Configuration();
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    int code = ToolRunner.run(conf, new ColonyTool(), new String[] {"thumbnails", "--input",
        in.toString(), "--output", out.toString(), "--overwrite", "--sizes", sizes});
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    if (code != 0) {
      System.out.println("exit " + code);
      System.exit(code);
    }
    Map<String, Object> manifest = Manifest.read(FileSystem.getLocal(conf),
        new org.apache.hadoop.fs.Path(out.toUri()));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Number>> counters =
        (Map<String, Map<String, Number>>) manifest.get("counters");
    Map<String, Number> t = counters.get("org.colony.jobs.thumbnails.ThumbnailsCounters");
    long images = t.get("IMAGES").longValue();
    long thumbnails = t.get("THUMBNAILS_WRITTEN").longValue();
    long bytes = ((Number) manifest.get("inputBytes")).longValue();
    double job = ((Number) manifest.get("durationMs")).longValue() / 1000.0;
    System.out.printf("thumbnails --sizes %s: %d images (%s) in %.1f s wall (job %.1f s): "
        + "%.1f images/s, %.1f thumbnails/s, %.1f MB/s%n", sizes, images,
        JobRunner.human(bytes), seconds, job, images / seconds, thumbnails / seconds,
        bytes / seconds / (1 << 20));
    System.out.printf("  CPU %.1f s (%.1f of %d cores busy, load average %.1f at the end): "
        + "%.1f images per CPU-second%n", cpu, cpu / seconds, os.getAvailableProcessors(),
        os.getSystemLoadAverage(), images / cpu);
    System.out.println("  counters: " + t);
    System.out.println("  records: " + manifest.get("records"));
  }

  /** Writes {@code count} images under {@code in}/userNN/; returns their pixels. */
  static long generate(Path in, int count) throws Exception {
    Random r = new Random(2026);
    long pixels = 0;
    for (int i = 0; i < count; i++) {
      boolean png = i % 10 == 9;
      double mp = png ? 1 + r.nextDouble() * 3 : 1 + r.nextDouble() * 11;
      double aspect = new double[] {4.0 / 3, 3.0 / 4, 16.0 / 9, 1}[r.nextInt(4)];
      int w = (int) Math.sqrt(mp * 1e6 * aspect);
      int h = (int) (mp * 1e6 / w);
      Path f = in.resolve(String.format("user%02d/img-%04d.%s", i % 20, i, png ? "png" : "jpg"));
      Files.createDirectories(f.getParent());
      Files.write(f, TestImages.encode(photo(w, h, r.nextLong()), png ? "png" : "jpeg"));
      pixels += (long) w * h;
    }
    return pixels;
  }

  private static BufferedImage photo(int w, int h, long seed) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    byte[] d = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    Random r = new Random(seed);
    int phase = r.nextInt(256);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = 3 * (y * w + x);
        int noise = r.nextInt(24);
        d[i] = (byte) (x * 200 / w + noise);
        d[i + 1] = (byte) (y * 200 / h + phase + noise);
        d[i + 2] = (byte) (((x >> 3) + (y >> 3) & 1) * 120 + noise);
      }
    }
    return img;
  }

  private static long size(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
