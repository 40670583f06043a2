package org.colony.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.io.WritableComparator;
import org.colony.io.Timestamps;
import org.colony.io.access.AccessLineParser;
import org.colony.io.access.AccessLogFormats;
import org.colony.io.access.AccessLogRecord;
import org.colony.jobs.common.TopN;

/**
 * The in-process limit of access-stats: one thread reads the files, parses each line with
 * Colony's {@code auto} parser and aggregates the same tables (hourly, urls, clients, the top
 * URLs, referrers and agents) in HashMaps, then writes them as TSV. No Hadoop, no shuffle, no
 * disk but the input: what a single core can do.
 */
final class InProcessAccessStats {
  /** A byte-string key; one instance is reused as the probe for lookups. */
  private static final class Key {
    byte[] b;
    int off;
    int len;
    int hash;

    Key set(byte[] bytes, int o, int n) {
      b = bytes;
      off = o;
      len = n;
      hash = WritableComparator.hashBytes(bytes, o, n);
      return this;
    }

    Key copy() {
      Key k = new Key();
      byte[] c = new byte[len];
      System.arraycopy(b, off, c, 0, len);
      return k.set(c, 0, len);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.len == len
          && WritableComparator.compareBytes(b, off, len, k.b, k.off, k.len) == 0;
    }
  }

  private static final byte[] DASH = {'-'};
  private final int topN;
  private final AccessLineParser parser = AccessLogFormats.parser("auto");
  private final AccessLogRecord r = new AccessLogRecord();
  private final Key probe = new Key();
  private final TreeMap<Long, long[]> hourly = new TreeMap<>();
  private final HashMap<Key, long[]> urls = new HashMap<>();
  private final HashMap<Key, long[]> clients = new HashMap<>();
  private final HashMap<Key, long[]> referrers = new HashMap<>();
  private final HashMap<Key, long[]> agents = new HashMap<>();
  private long lines;
  private long rejected;
  private long bytesRead;

  InProcessAccessStats(int topN) {
    this.topN = topN;
  }

  Map<String, Object> run(Path input, Path output) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(input)) {
      files = s.filter(Files::isRegularFile).filter(p -> !hidden(input, p)).sorted().toList();
    }
    byte[] line = new byte[1 << 16];
    byte[] buf = new byte[1 << 20];
    for (Path f : files) {
      try (InputStream in = f.toString().endsWith(".gz")
          ? new GZIPInputStream(Files.newInputStream(f), 1 << 16) : Files.newInputStream(f)) {
        int have = 0;
        int n;
        while ((n = in.read(buf, have, buf.length - have)) > 0) {
          have += n;
          bytesRead += n;
          int s = 0;
          for (int i = 0; i < have; i++) {
            if (buf[i] == '\n') {
              int len = i - s;
              if (len > line.length) {
                line = new byte[len];
              }
              System.arraycopy(buf, s, line, 0, len);
              line(line, len);
              s = i + 1;
            }
          }
          System.arraycopy(buf, s, buf, 0, have - s);
          have -= s;
          if (have == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
          }
        }
        if (have > 0) {
          System.arraycopy(buf, 0, line, 0, have);
          line(line, have);
        }
      }
    }
    Files.createDirectories(output);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("inputBytes", bytesRead);
    m.put("records", lines);
    m.put("rejected", rejected);
    m.put("hourlyRows", writeHourly(output.resolve("hourly.tsv")));
    m.put("urlsRows", write(output.resolve("urls.tsv"), "path\thits\tbytes\ts4xx\ts5xx", urls));
    m.put("clientsRows", write(output.resolve("clients.tsv"), "client\thits\tbytes", clients));
    m.put("topRows", writeTop(output.resolve("top.tsv")));
    return m;
  }

  private static boolean hidden(Path top, Path p) {
    for (Path q = top.relativize(p); q != null; q = q.getParent()) {
      String n = q.getFileName().toString();
      if (n.startsWith("_") || n.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private void line(byte[] b, int len) {
    lines++;
    if (parser.parse(b, len, r) != null) {
      rejected++;
      return;
    }
    long bytes = Math.max(0, r.bytes());
    int cls = r.status() / 100;
    long[] h = hourly.computeIfAbsent(Math.floorDiv(r.timeMillis(), Timestamps.MILLIS_PER_HOUR),
        k -> new long[6]);
    h[0]++;
    h[1] += bytes;
    if (cls >= 2 && cls <= 5) {
      h[cls]++;
    }
    long[] u = get(urls, r.path().getBytes(), r.path().getLength(), 4);
    u[0]++;
    u[1] += bytes;
    u[2] += cls == 4 ? 1 : 0;
    u[3] += cls == 5 ? 1 : 0;
    long[] c = get(clients, r.client().getBytes(), r.client().getLength(), 2);
    c[0]++;
    c[1] += bytes;
    get(referrers, r.referrer().getBytes(), r.referrer().getLength(), 1)[0]++;
    get(agents, r.agent().getBytes(), r.agent().getLength(), 1)[0]++;
  }

  private long[] get(HashMap<Key, long[]> map, byte[] b, int len, int width) {
    if (len == 0) {
      b = DASH;
      len = 1;
    }
    long[] v = map.get(probe.set(b, 0, len));
    if (v == null) {
      v = new long[width];
      map.put(probe.copy(), v);
    }
    return v;
  }

  private long writeHourly(Path f) throws IOException {
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
      o.write("hour\trequests\tbytes\ts2xx\ts3xx\ts4xx\ts5xx\n".getBytes(StandardCharsets.UTF_8));
      byte[] hour = new byte[13];
      for (Map.Entry<Long, long[]> e : hourly.entrySet()) {
        Timestamps.formatHour(e.getKey(), hour, 0);
        o.write(hour);
        for (long v : e.getValue()) {
          o.write(('\t' + Long.toString(v)).getBytes(StandardCharsets.US_ASCII));
        }
        o.write('\n');
      }
    }
    return hourly.size();
  }

  private static long write(Path f, String header, HashMap<Key, long[]> map) throws IOException {
    List<Key> keys = new ArrayList<>(map.keySet());
    keys.sort((a, b) -> WritableComparator.compareBytes(a.b, 0, a.len, b.b, 0, b.len));
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
      o.write((header + "\n").getBytes(StandardCharsets.UTF_8));
      for (Key k : keys) {
        o.write(k.b, 0, k.len); // (the job escapes tabs and non-UTF-8; generated logs have none)
        for (long v : map.get(k)) {
          o.write(('\t' + Long.toString(v)).getBytes(StandardCharsets.US_ASCII));
        }
        o.write('\n');
      }
    }
    return keys.size();
  }

  private long writeTop(Path f) throws IOException {
    long rows = 0;
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
      o.write("dimension\trank\tvalue\thits\n".getBytes(StandardCharsets.UTF_8));
      String[] names = {"url", "referrer", "agent"};
      List<HashMap<Key, long[]>> maps = List.of(urls, referrers, agents);
      for (int d = 0; d < names.length; d++) {
        TopN top = new TopN(topN);
        maps.get(d).forEach((k, v) -> top.offer(k.b, 0, k.len, v[0]));
        int rank = 0;
        for (TopN.Entry e : top.best()) {
          o.write((names[d] + "\t" + ++rank + "\t").getBytes(StandardCharsets.UTF_8));
          o.write(e.value());
          o.write(("\t" + e.count() + "\n").getBytes(StandardCharsets.US_ASCII));
          rows++;
        }
      }
    }
    return rows;
  }
}
