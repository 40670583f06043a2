package org.colony.jobs.sessions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.colony.jobs.access.AccessLogOracle;

/**
 * sessions computed another way, for tests: lines parsed with java.util.regex and java.time (the
 * access-stats oracle's parser), every visitor's hits held in a list and sorted, sessions cut by
 * comparing neighbours, percentiles by sorting the durations of a day. Nothing of the job's code.
 */
final class SessionsOracle {
  /** A hit: time, path key, bytes. */
  record Hit(long time, String path, long bytes) {}

  /** A session: its visitor, first and last time, hits, bytes, entry and exit path. */
  record Visit(String visitor, long start, long end, int hits, long bytes, String entry,
      String exit) {}

  private static final Comparator<Hit> TIME_THEN_PATH = Comparator.comparingLong(Hit::time)
      .thenComparing(Hit::path, (a, b) -> Arrays.compareUnsigned(
          a.getBytes(StandardCharsets.ISO_8859_1), b.getBytes(StandardCharsets.ISO_8859_1)));

  private final boolean withAgent;
  private final long gapMillis;
  private final String salt;
  private final Map<String, List<Hit>> hits = new HashMap<>();
  long lines;
  long parsed;
  long rejected;

  /** Visitor 'client' or 'client+agent'; the gap in milliseconds. */
  SessionsOracle(String visitor, long gapMillis, String salt) {
    if (!visitor.equals("client") && !visitor.equals("client+agent")) {
      throw new IllegalArgumentException(visitor);
    }
    this.withAgent = visitor.equals("client+agent");
    this.gapMillis = gapMillis;
    this.salt = salt;
  }

  void add(String line) {
    lines++;
    AccessLogOracle.Line l = AccessLogOracle.parse(line);
    if (l == null) {
      rejected++;
      return;
    }
    parsed++;
    String agent = l.agent() == null || l.agent().equals("-") ? "" : l.agent();
    String visitor = withAgent ? l.client() + "\n" + agent : l.client();
    hits.computeIfAbsent(visitor, v -> new ArrayList<>())
        .add(new Hit(l.time().toInstant().toEpochMilli(), l.path(), l.bytes()));
  }

  int visitors() {
    return hits.size();
  }

  List<Visit> visits() {
    List<Visit> visits = new ArrayList<>();
    hits.forEach((visitor, list) -> {
      List<Hit> sorted = new ArrayList<>(list);
      sorted.sort(TIME_THEN_PATH);
      int first = 0;
      for (int i = 1; i <= sorted.size(); i++) {
        if (i == sorted.size() || sorted.get(i).time() - sorted.get(i - 1).time() > gapMillis) {
          List<Hit> s = sorted.subList(first, i);
          visits.add(new Visit(visitor, s.get(0).time(), s.get(s.size() - 1).time(), s.size(),
              s.stream().mapToLong(Hit::bytes).sum(), s.get(0).path(),
              s.get(s.size() - 1).path()));
          first = i;
        }
      }
    });
    return visits;
  }

  List<String> sessionRows() {
    List<String> rows = new ArrayList<>();
    for (Visit v : visits()) {
      rows.add(hash(v.visitor()) + "\t" + Instant.ofEpochMilli(v.start()) + "\t"
          + Instant.ofEpochMilli(v.end()) + "\t" + (v.end() - v.start()) / 1000 + "\t" + v.hits()
          + "\t" + AccessLogOracle.escape(v.entry()) + "\t" + AccessLogOracle.escape(v.exit())
          + "\t" + v.bytes());
    }
    return rows;
  }

  /** Rows of summary/, in day order. */
  List<String> summaryRows() {
    Map<LocalDate, List<Visit>> byDay = new TreeMap<>();
    for (Visit v : visits()) {
      byDay.computeIfAbsent(LocalDate.ofInstant(Instant.ofEpochMilli(v.start()), ZoneOffset.UTC),
          d -> new ArrayList<>()).add(v);
    }
    List<String> rows = new ArrayList<>();
    byDay.forEach((day, visits) -> {
      int n = visits.size();
      Set<String> visitors = new HashSet<>();
      long hitCount = 0;
      long bounces = 0;
      long[] durations = new long[n];
      for (int i = 0; i < n; i++) {
        Visit v = visits.get(i);
        visitors.add(v.visitor());
        hitCount += v.hits();
        bounces += v.hits() == 1 ? 1 : 0;
        durations[i] = (v.end() - v.start()) / 1000;
      }
      Arrays.sort(durations);
      rows.add(day + "\t" + n + "\t" + visitors.size() + "\t" + hitCount + "\t" + bounces + "\t"
          + BigDecimal.valueOf(bounces).divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP)
          + "\t" + nearestRank(durations, 50) + "\t" + nearestRank(durations, 90) + "\t"
          + BigDecimal.valueOf(hitCount).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP));
    });
    return rows;
  }

  /** The value at rank ceil(p/100 * N) of sorted values. */
  private static long nearestRank(long[] sorted, int p) {
    return sorted[(int) Math.ceil(sorted.length * p / 100.0) - 1];
  }

  String hash(String visitor) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt.getBytes(StandardCharsets.UTF_8));
      byte[] d = sha.digest(visitor.getBytes(StandardCharsets.ISO_8859_1));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Days (UTC) that sessions start on. */
  Set<String> days() {
    Set<String> days = new TreeSet<>();
    visits().forEach(v -> days.add(LocalDate.ofInstant(Instant.ofEpochMilli(v.start()),
        ZoneOffset.UTC).toString()));
    return days;
  }
}
