package org.colony.driver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ToolRunner;

/**
 * A benchmark, not a test: generates an uploads tree of about N MB (photos: incompressible bytes
 * behind a JPEG or PNG header; documents and exports: text; sizes from 1 KB to 8 MB, mostly small;
 * one folder per user; fixed seed) and runs uploads-inventory, then uploads-pack on it, embedded
 * as bin/colony runs them (conf/local on the classpath: local mode, two map slots), printing
 * bytes per second of each.
 *
 * <pre>
 * java -Dcolony.local.dir=DIR/local -cp conf/local:driver/target/test-classes:\
 *   input-formats/target/test-classes:driver/target/colony-0.1.0-job.jar:driver/target/lib/'*' \
 *   org.colony.driver.UploadsBenchmark DIR [MB] [COMMAND...]
 * </pre>
 */
public final class UploadsBenchmark {
  private UploadsBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long mb = args.length > 1 ? Long.parseLong(args[1]) : 200;
    String[] commands = args.length > 2
        ? java.util.Arrays.copyOfRange(args, 2, args.length)
        : new String[] {"uploads-inventory", "uploads-pack"};
    Path in = dir.resolve("uploads");
    if (!Files.isDirectory(in)) {
      long t0 = System.nanoTime();
      long[] made = generate(in, mb << 20);
      System.out.printf("generated %,d files, %s in %.1f s%n", made[0], JobRunner.human(made[1]),
          (System.nanoTime() - t0) / 1e9);
    }
    Configuration conf = new Configuration();
    FileSystem fs = FileSystem.getLocal(conf);
    for (String command : commands) {
      Path out = dir.resolve("out-" + command);
      long t0 = System.nanoTime();
      int code = ToolRunner.run(conf, new ColonyTool(), new String[] {command, "--input",
          in.toString(), "--output", out.toString(), "--overwrite"});
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (code != 0) {
        System.out.println("exit " + code);
        System.exit(code);
      }
      Map<String, Object> manifest = Manifest.read(fs, new org.apache.hadoop.fs.Path(out.toUri()));
      long bytes = ((Number) manifest.get("inputBytes")).longValue();
      long files = ((Number) manifest.get("inputFiles")).longValue();
      double job = ((Number) manifest.get("durationMs")).longValue() / 1000.0;
      System.out.printf("%s: %,d files, %s in %.1f s wall (job %.1f s): %.1f MB/s, %.0f files/s"
          + "%n", command, files, JobRunner.human(bytes), seconds, job,
          bytes / seconds / (1 << 20), files / seconds);
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Number>> counters =
          (Map<String, Map<String, Number>>) manifest.get("counters");
      counters.forEach((group, m) -> {
        if (group.startsWith("org.colony.jobs")) {
          System.out.println("  " + group.substring(group.lastIndexOf('.') + 1) + " " + m);
        }
      });
    }
  }

  /** Writes the tree; returns {files, bytes}. */
  static long[] generate(Path in, long target) throws IOException {
    Random r = new Random(20261127);
    byte[] chunk = new byte[1 << 20];
    long bytes = 0;
    long files = 0;
    byte[] text = ("Invoice 2026-11 for order 1041: 2 x winter jacket, 59.90 EUR; delivered to "
        + "Hauptstrasse 5, 10115 Berlin. Thank you for shopping with us.\n")
        .getBytes(StandardCharsets.US_ASCII);
    while (bytes < target) {
      int user = r.nextInt(200);
      double u = r.nextDouble();
      long size = u < 0.6 ? 1024 + r.nextInt(60 * 1024)
          : u < 0.9 ? 60 * 1024 + r.nextInt(600 * 1024) : (1 << 20) + r.nextInt(7 << 20);
      boolean photo = r.nextDouble() < 0.75;
      String name = "user" + user + (photo ? "/photos/img_" + files + (files % 2 == 0 ? ".jpg"
          : ".png") : "/docs/doc_" + files + ".txt");
      Path p = in.resolve(name);
      Files.createDirectories(p.getParent());
      try (OutputStream o = Files.newOutputStream(p)) {
        long left = size;
        if (photo) {
          o.write(files % 2 == 0 ? new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
              (byte) 0xE0} : new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
          left -= files % 2 == 0 ? 4 : 8;
          while (left > 0) {
            r.nextBytes(chunk);
            int n = (int) Math.min(left, chunk.length);
            o.write(chunk, 0, n);
            left -= n;
          }
        } else {
          while (left > 0) {
            int n = (int) Math.min(left, text.length);
            o.write(text, 0, n);
            left -= n;
          }
        }
      }
      bytes += size;
      files++;
    }
    return new long[] {files, bytes};
  }
}
