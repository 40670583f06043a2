package org.colony.driver;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ToolRunner;
import org.colony.jobs.common.TsvTables;
import org.colony.testing.Paths;

/**
 * A benchmark, not a test: generates about N MB of application logs (both sample days repeated,
 * each copy some days later) and N MB of access logs ({@link SessionsBenchmark#generate}), and
 * runs exceptions and a few grep command lines on them embedded, as bin/colony does, printing
 * records per second, output rows and rejects of each.
 *
 * <pre>
 * java -Dcolony.local.dir=DIR/local -cp conf/local:driver/target/test-classes:\
 *   input-formats/target/test-classes:driver/target/colony-0.1.0-job.jar:driver/target/lib/'*' \
 *   org.colony.driver.ExceptionsGrepBenchmark DIR [MB]
 * </pre>
 */
public final class ExceptionsGrepBenchmark {
  private ExceptionsGrepBenchmark() {}

  private static final Pattern HEADER_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})([ T])");
  private static final int FILES = 4;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long mb = args.length > 1 ? Long.parseLong(args[1]) : 100;
    Path app = dir.resolve("app");
    Path access = dir.resolve("access");
    if (!Files.isDirectory(app)) {
      long t0 = System.nanoTime();
      long lines = generateApp(app, mb << 20);
      System.out.printf("generated %d app log lines, %s in %.1f s%n", lines,
          JobRunner.human(size(app)), (System.nanoTime() - t0) / 1e9);
    }
    if (!Files.isDirectory(access)) {
      long lines = SessionsBenchmark.generate(
          Paths.sampleData("logs/access/dt=2026-11-24/access.log"), access, mb << 20);
      System.out.printf("generated %d access log lines, %s%n", lines,
          JobRunner.human(size(access)));
    }
    List<String[]> runs = List.of(
        new String[] {"exceptions", app.toString(), "--package", "com.example.shop"},
        new String[] {"grep", app.toString(), "--format", "events", "--pattern",
            "(?m)^Caused by: java\\.net\\.\\w+Exception", "--count"},
        new String[] {"grep", access.toString(), "--fixed", "--pattern", "/wp-login.php",
            "--pattern", "Googlebot"},
        new String[] {"grep", access.toString(), "--pattern", "\" 5\\d\\d ", "--pattern",
            "(?i)googlebot", "--count"},
        new String[] {"grep", access.toString(), "--format", "access", "--fixed", "--pattern",
            "/checkout"});
    int n = 0;
    for (String[] run : runs) {
      List<String> cmd = new ArrayList<>(List.of(run[0], "--input", run[1], "--output",
          dir.resolve("out-" + n++).toString(), "--overwrite"));
      cmd.addAll(List.of(run).subList(2, run.length));
      run(cmd);
    }
  }

  private static void run(List<String> cmd) throws Exception {
    Configuration conf = new Configuration();
    long t0 = System.nanoTime();
    int code = ToolRunner.run(conf, new ColonyTool(), cmd.toArray(new String[0]));
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (code != 0) {
      System.out.println("exit " + code + ": " + cmd);
      System.exit(code);
    }
    Path out = Path.of(cmd.get(4));
    FileSystem fs = FileSystem.getLocal(conf);
    Map<String, Object> manifest = Manifest.read(fs, new org.apache.hadoop.fs.Path(out.toUri()));
    @SuppressWarnings("unchecked")
    Map<String, Object> records = (Map<String, Object>) manifest.get("records");
    long recordsIn = ((Number) records.get("in")).longValue();
    long bytes = ((Number) manifest.get("inputBytes")).longValue();
    System.out.printf("%n%s%n  %s, %d records in %.1f s wall (job %.1f s): %.0f records/s, "
        + "%.1f MB/s%n", String.join(" ", cmd), JobRunner.human(bytes), recordsIn, seconds,
        ((Number) manifest.get("durationMs")).longValue() / 1000.0, recordsIn / seconds,
        bytes / seconds / (1 << 20));
    System.out.println("  records: " + records);
    @SuppressWarnings("unchecked")
    Map<String, Object> reducers = (Map<String, Object>) manifest.get("reducers");
    System.out.println("  reducers: " + reducers.get("count") + " (" + reducers.get("rule")
        + "), shuffle " + JobRunner.human(((Number) manifest.get("shuffleBytes")).longValue()));
    try (Stream<Path> folders = Files.list(out)) {
      for (Path f : folders.filter(Files::isDirectory).sorted().toList()) {
        int rows = TsvTables.rows(fs, new org.apache.hadoop.fs.Path(f.toUri()),
            Integer.MAX_VALUE).size();
        System.out.printf("  %-12s %,d rows%n", f.getFileName() + "/", rows);
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Number>> counters =
        (Map<String, Map<String, Number>>) manifest.get("counters");
    counters.forEach((group, m) -> {
      if (group.startsWith("org.colony.jobs")) {
        System.out.println("  " + group.substring(group.lastIndexOf('.') + 1) + " " + m);
      }
    });
  }

  /**
   * Writes copies of both sample days of application log into FILES files until {@code target}
   * bytes, copy k with every header's date k weeks later; returns lines.
   */
  static long generateApp(Path in, long target) throws IOException {
    List<byte[]> days = List.of(
        content(Paths.sampleData("logs/app/dt=2026-11-24/app.log")),
        content(Paths.sampleData("logs/app/dt=2026-11-25/app.log.gz")));
    Files.createDirectories(in);
    long written = 0;
    long lines = 0;
    OutputStream[] outs = new OutputStream[FILES];
    for (int f = 0; f < FILES; f++) {
      outs[f] = new BufferedOutputStream(Files.newOutputStream(in.resolve("app-" + f + ".log")),
          1 << 16);
    }
    try {
      for (int copy = 0; written < target; copy++) {
        OutputStream o = outs[copy % FILES];
        for (byte[] day : days) {
          String text = new String(day, StandardCharsets.UTF_8);
          if (!text.endsWith("\n")) {
            text += "\n"; // the cut last event stays an event of its own
          }
          for (String line : text.split("\n")) {
            byte[] b = shift(line, copy).getBytes(StandardCharsets.UTF_8);
            o.write(b);
            o.write('\n');
            written += b.length + 1;
            lines++;
          }
        }
      }
    } finally {
      for (OutputStream o : outs) {
        o.close();
      }
    }
    return lines;
  }

  private static String shift(String line, int copy) {
    Matcher m = HEADER_DATE.matcher(line);
    if (copy == 0 || !m.find()) {
      return line;
    }
    return LocalDate.parse(m.group(1)).plusWeeks(copy) + m.group(2) + line.substring(m.end());
  }

  private static byte[] content(Path file) throws IOException {
    try (InputStream in = file.toString().endsWith(".gz")
        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
