package org.colony.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.colony.jobs.gen.AccessLogGenerator;

/** The lines the parser benchmarks run on: real, sample and generated, each as byte arrays. */
final class BenchData {
  /** The project root for the benchmarks' JVMs: a system property, not a configuration key. */
  static final String ROOT_PROPERTY = "bench.root";

  private BenchData() {}

  /** The project root: the folder holding sample-data/ (system property bench.root first). */
  static Path root() {
    String root = System.getProperty(ROOT_PROPERTY);
    Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("sample-data")) && p.getParent() != null) {
      p = p.getParent();
    }
    return p;
  }

  /** Access log lines of a data set: sample, realdata or generated. */
  static byte[][] accessLines(String set) throws IOException {
    Path root = root();
    switch (set) {
      case "sample": {
        List<byte[]> l = new ArrayList<>(lines(root.resolve(
            "sample-data/logs/access/dt=2026-11-24/access.log")));
        l.addAll(lines(root.resolve("sample-data/logs/access/dt=2026-11-25/access.log.gz")));
        return l.toArray(new byte[0][]);
      }
      case "realdata": {
        Path dir = root.resolve("../shared/realdata/access").normalize();
        List<byte[]> l = new ArrayList<>();
        for (String f : new String[] {"apache_access_test.log", "nginx_access_test.log"}) {
          if (Files.exists(dir.resolve(f))) {
            l.addAll(lines(dir.resolve(f)));
          }
        }
        if (l.isEmpty()) {
          throw new IOException("no real access logs at " + dir);
        }
        return l.toArray(new byte[0][]);
      }
      case "generated": {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AccessLogGenerator(1, 0, 0.001).generateDay(LocalDate.of(2026, 11, 25), 4L << 20,
            out, () -> { });
        return split(out.toByteArray()).toArray(new byte[0][]);
      }
      default:
        throw new IllegalArgumentException("no access data set " + set);
    }
  }

  /** The sample syslog lines of both days (RFC 3164 and 5424; RFC 3339 and 5424). */
  static byte[][] syslogLines() throws IOException {
    Path root = root();
    List<byte[]> l = new ArrayList<>(lines(root.resolve(
        "sample-data/logs/syslog/dt=2026-11-24/syslog")));
    l.addAll(lines(root.resolve("sample-data/logs/syslog/dt=2026-11-25/syslog.gz")));
    return l.toArray(new byte[0][]);
  }

  static List<byte[]> lines(Path file) throws IOException {
    try (InputStream in = file.toString().endsWith(".gz")
        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      return split(in.readAllBytes());
    }
  }

  static List<byte[]> split(byte[] all) {
    List<byte[]> l = new ArrayList<>();
    int s = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        l.add(Arrays.copyOfRange(all, s, i));
        s = i + 1;
      }
    }
    if (s < all.length) {
      l.add(Arrays.copyOfRange(all, s, all.length));
    }
    return l;
  }

  static long bytes(byte[][] lines) {
    long n = 0;
    for (byte[] l : lines) {
      n += l.length + 1;
    }
    return n;
  }
}
