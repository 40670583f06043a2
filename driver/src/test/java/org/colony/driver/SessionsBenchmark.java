package org.colony.driver;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ToolRunner;
import org.colony.jobs.common.TsvTables;
import org.colony.testing.Paths;

/**
 * A benchmark, not a test: generates about N MB of access logs (sample day 1 repeated, each copy
 * with shifted client addresses, times and agents, so its visitors are new) and runs a command on
 * them embedded, as bin/colony does (conf/local on the classpath: local mode, two map slots),
 * printing records per second, output rows and rejects.
 *
 * <pre>
 * java -Dcolony.local.dir=DIR/local -cp conf/local:driver/target/test-classes:\
 *   input-formats/target/test-classes:driver/target/colony-0.1.0-job.jar:driver/target/lib/'*' \
 *   org.colony.driver.SessionsBenchmark DIR [MB] [COMMAND]
 * </pre>
 */
public final class SessionsBenchmark {
  private SessionsBenchmark() {}

  private static final Pattern TIME = Pattern.compile(
      "\\[(\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2}) ([+-]\\d{4})\\]");
  private static final Pattern IPV4 = Pattern.compile("\\b(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\."
      + "(\\d{1,3})\\b");
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/uuuu:HH:mm:ss", Locale.ENGLISH);
  private static final int FILES = 4;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long mb = args.length > 1 ? Long.parseLong(args[1]) : 100;
    String command = args.length > 2 ? args[2] : "sessions";
    Path in = dir.resolve("in");
    if (!Files.isDirectory(in)) {
      long t0 = System.nanoTime();
      long lines = generate(Paths.sampleData("logs/access/dt=2026-11-24/access.log"), in,
          mb << 20);
      System.out.printf("generated %d lines, %s in %d files in %.1f s%n", lines,
          JobRunner.human(size(in)), FILES, (System.nanoTime() - t0) / 1e9);
    }
    Path out = dir.resolve("out-" + command);
    Configuration conf = new Configuration();
    long t0 = System.nanoTime();
    int code = ToolRunner.run(conf, new ColonyTool(), new String[] {command, "--input",
        in.toString(), "--output", out.toString(), "--overwrite"});
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (code != 0) {
      System.out.println("exit " + code);
      System.exit(code);
    }
    FileSystem fs = FileSystem.getLocal(conf);
    org.apache.hadoop.fs.Path o = new org.apache.hadoop.fs.Path(out.toUri());
    Map<String, Object> manifest = Manifest.read(fs, o);
    @SuppressWarnings("unchecked")
    Map<String, Object> records = (Map<String, Object>) manifest.get("records");
    long recordsIn = ((Number) records.get("in")).longValue();
    long bytes = ((Number) manifest.get("inputBytes")).longValue();
    System.out.printf("%s: %s, %d records in %.1f s wall (job %.1f s): %.0f records/s, "
        + "%.1f MB/s%n", command, JobRunner.human(bytes), recordsIn, seconds,
        ((Number) manifest.get("durationMs")).longValue() / 1000.0, recordsIn / seconds,
        bytes / seconds / (1 << 20));
    System.out.println("  records: " + records);
    System.out.println("  reducers: " + manifest.get("reducers"));
    try (Stream<Path> folders = Files.list(out)) {
      for (Path f : folders.filter(Files::isDirectory).sorted().toList()) {
        int rows = TsvTables.rows(fs, new org.apache.hadoop.fs.Path(f.toUri()),
            Integer.MAX_VALUE).size();
        System.out.printf("  %-10s %,d rows%n", f.getFileName() + "/", rows);
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
    if (command.equals("sessions")) {
      List<String[]> summary = TsvTables.rows(fs, new org.apache.hadoop.fs.Path(o, "summary"),
          100);
      System.out.println("  summary (day sessions visitors hits bounces bounce_rate median p90 "
          + "hits/session):");
      summary.forEach(r -> System.out.println("    " + String.join("  ", r)));
    }
  }

  /** Writes copies of {@code day} into FILES files until {@code target} bytes; returns lines. */
  static long generate(Path day, Path in, long target) throws IOException {
    List<String> lines = Files.readAllLines(day, StandardCharsets.ISO_8859_1);
    Files.createDirectories(in);
    OutputStream[] outs = new OutputStream[FILES];
    for (int f = 0; f < FILES; f++) {
      outs[f] = new BufferedOutputStream(Files.newOutputStream(in.resolve("access-" + f
          + ".log")), 1 << 16);
    }
    long written = 0;
    long count = 0;
    try {
      for (int copy = 0; written < target; copy++) {
        OutputStream o = outs[copy % FILES];
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

  /** The line of copy {@code k}: IPv4 clients' third octet, time and agent shifted. */
  static String shift(String line, int k) {
    Matcher t = TIME.matcher(line);
    if (!t.find()) {
      return line;
    }
    String time;
    try {
      time = LocalDateTime.parse(t.group(1), LOG_TIME).plusSeconds(k * 37L % 1800)
          .format(LOG_TIME);
    } catch (DateTimeParseException e) {
      time = t.group(1); // the deliberately impossible time stays impossible
    }
    StringBuilder clients = new StringBuilder();
    Matcher ip = IPV4.matcher(line.substring(0, t.start()));
    while (ip.find()) {
      ip.appendReplacement(clients, ip.group(1) + "." + ip.group(2) + "."
          + (Integer.parseInt(ip.group(3)) + k) % 256 + "." + ip.group(4));
    }
    ip.appendTail(clients);
    String rest = line.substring(t.end());
    if (rest.endsWith("\"") && rest.length() > 1) {
      rest = rest.substring(0, rest.length() - 1) + " copy/" + k + "\"";
    }
    return clients + "[" + time + " " + t.group(2) + "]" + rest;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
