package org.colony.driver;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A benchmark, not a test: generates about N MB of syslog (both sample days repeated, each copy
 * with its hosts renamed among 50 per host, so templates meet on many hosts, and its IPv4
 * addresses shifted) under dt= folders, and runs syslog-stats on them embedded, as bin/colony
 * does (conf/local on the classpath: local mode, two map slots), printing records per second,
 * output rows and rejects.
 *
 * <pre>
 * java -Dcolony.local.dir=DIR/local -cp conf/local:driver/target/test-classes:\
 *   input-formats/target/test-classes:driver/target/colony-0.1.0-job.jar:driver/target/lib/'*' \
 *   org.colony.driver.SyslogStatsBenchmark DIR [MB] [OPTION...]
 * </pre>
 */
public final class SyslogStatsBenchmark {
  private SyslogStatsBenchmark() {}

  /** The header up to the host: RFC 5424, RFC 3164 without PRI, rsyslog's RFC 3339. */
  private static final Pattern HOST = Pattern.compile(
      "^(<\\d+>1 \\S+ |[A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} |\\d{4}-\\d{2}-\\d{2}T\\S+ )"
          + "(\\S+)");
  private static final Pattern IPV4 = Pattern.compile("\\b(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\."
      + "(\\d{1,3})\\b");
  private static final String[] DAYS = {"dt=2026-11-24/syslog", "dt=2026-11-25/syslog.gz"};
  private static final int FILES_PER_DAY = 2;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long mb = args.length > 1 ? Long.parseLong(args[1]) : 100;
    Path in = dir.resolve("in");
    if (!Files.isDirectory(in)) {
      long t0 = System.nanoTime();
      long lines = 0;
      for (String day : DAYS) {
        lines += generate(Paths.sampleData("logs/syslog/" + day), in.resolve(day.substring(0,
            day.indexOf('/'))), (mb << 20) / DAYS.length);
      }
      System.out.printf("generated %d lines, %s in %d files in %.1f s%n", lines,
          JobRunner.human(size(in)), DAYS.length * FILES_PER_DAY, (System.nanoTime() - t0) / 1e9);
    }
    Path out = dir.resolve("out-syslog-stats");
    List<String> command = new ArrayList<>(List.of("syslog-stats", "--input", in.toString(),
        "--output", out.toString(), "--overwrite"));
    for (int i = 2; i < args.length; i++) {
      command.add(args[i]);
    }
    Configuration conf = new Configuration();
    long t0 = System.nanoTime();
    int code = ToolRunner.run(conf, new ColonyTool(), command.toArray(String[]::new));
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (code != 0) {
      System.out.println("exit " + code);
      System.exit(code);
    }
    FileSystem fs = FileSystem.getLocal(conf);
    Map<String, Object> manifest = Manifest.read(fs, new org.apache.hadoop.fs.Path(out.toUri()));
    @SuppressWarnings("unchecked")
    Map<String, Object> records = (Map<String, Object>) manifest.get("records");
    long recordsIn = ((Number) records.get("in")).longValue();
    long bytes = ((Number) manifest.get("inputBytes")).longValue();
    System.out.printf("syslog-stats: %s on disk, %d records in %.1f s wall (job %.1f s): "
        + "%.0f records/s%n", JobRunner.human(bytes), recordsIn, seconds,
        ((Number) manifest.get("durationMs")).longValue() / 1000.0, recordsIn / seconds);
    System.out.println("  records: " + records);
    System.out.println("  reducers: " + manifest.get("reducers"));
    try (Stream<Path> folders = Files.list(out)) {
      for (Path f : folders.filter(Files::isDirectory).sorted().toList()) {
        int rows = TsvTables.rows(fs, new org.apache.hadoop.fs.Path(f.toUri()),
            Integer.MAX_VALUE).size();
        System.out.printf("  %-11s %,d rows%n", f.getFileName() + "/", rows);
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
    Map<String, Number> task = counters.get("org.apache.hadoop.mapreduce.TaskCounter");
    if (task != null) {
      System.out.println("  map output " + task.get("MAP_OUTPUT_RECORDS") + " records, "
          + "combine " + task.get("COMBINE_INPUT_RECORDS") + " -> "
          + task.get("COMBINE_OUTPUT_RECORDS") + ", map output materialized "
          + JobRunner.human(task.get("MAP_OUTPUT_MATERIALIZED_BYTES").longValue()));
    }
  }

  /** Writes copies of a day's lines into FILES_PER_DAY files until {@code target} bytes. */
  static long generate(Path day, Path folder, long target) throws IOException {
    List<String> lines = lines(day);
    Files.createDirectories(folder);
    OutputStream[] outs = new OutputStream[FILES_PER_DAY];
    for (int f = 0; f < FILES_PER_DAY; f++) {
      outs[f] = new BufferedOutputStream(Files.newOutputStream(folder.resolve("syslog-" + f)),
          1 << 16);
    }
    long written = 0;
    long count = 0;
    try {
      for (int copy = 0; written < target; copy++) {
        OutputStream o = outs[copy % FILES_PER_DAY];
        for (String line : lines) {
          byte[] b = (copy == 0 ? line : shift(line, copy)).getBytes(StandardCharsets.ISO_8859_1);
          o.write(b);
          o.write('\n');
          written += b.length + 1;
          count++;
        }
      }
    } finally {
      for (OutputStream o : outs) {
        o.close();
      }
    }
    return count;
  }

  /** The line of copy {@code k}: host renamed (one of 50 per host), IPv4 third octet shifted. */
  static String shift(String line, int k) {
    Matcher h = HOST.matcher(line);
    if (!h.find()) {
      return line;
    }
    String head = h.group(1) + h.group(2) + "-" + (k % 50);
    StringBuilder rest = new StringBuilder();
    Matcher ip = IPV4.matcher(line.substring(h.end()));
    while (ip.find()) {
      ip.appendReplacement(rest, ip.group(1) + "." + ip.group(2) + "."
          + (Integer.parseInt(ip.group(3)) + k) % 256 + "." + ip.group(4));
    }
    ip.appendTail(rest);
    return head + rest;
  }

  private static List<String> lines(Path file) throws IOException {
    try (InputStream in = file.toString().endsWith(".gz")
        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return new String(b.toByteArray(), StandardCharsets.ISO_8859_1).lines().toList();
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
