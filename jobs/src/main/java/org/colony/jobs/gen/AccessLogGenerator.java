package org.colony.jobs.gen;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.PriorityQueue;

/**
 * Writes one split's share of synthetic access logs, a day at a time, in Apache's combined format,
 * in time order: sessions arrive following a diurnal curve, each a person browsing the shop (pages
 * with their static files and images, Zipf-popular products, carts, searches, checkouts), a
 * crawler, a scanner or a scraper; a share of people come back later the same day or on later
 * days; a load balancer checks the health URL; one short backend outage a day answers 502 and
 * 503. About {@code malformed} of the lines are damaged the ways real logs are (cut short, bad
 * time, bad status or byte count, an unclosed quote, binary garbage, an error-log line, empty).
 *
 * <p>Deterministic: the same seed, split number and day quotas give the same bytes. The catalog
 * (and the daily outage) depend on the seed alone, so every split serves the same shop. Plain
 * Java, no Hadoop: the mapper only opens the files.
 */
public final class AccessLogGenerator {
  /** Relative traffic per hour of the day (UTC): quiet nights, midday and evening peaks. */
  private static final double[] DIURNAL = {0.9, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 2.0, 2.6, 3.0,
      3.3, 3.7, 3.5, 3.1, 2.9, 3.0, 3.3, 3.9, 4.5, 4.7, 4.1, 3.0, 1.7};
  private static final double[] KIND_SHARE = GenRandom.cumulative(93, 3.5, 1.0, 0.5);
  private static final GenSession.Kind[] KINDS = {GenSession.Kind.HUMAN,
      GenSession.Kind.CRAWLER, GenSession.Kind.SCANNER, GenSession.Kind.SCRAPER};
  private static final int DAY_SECONDS = 86_400;
  private static final int RECENT_VISITORS = 4096;

  /** What one day of one split came to. */
  public record DayTotals(long lines, long malformed, long bytes, long sessions) {}

  private final long seed;
  private final GenRandom random;
  private final GenCatalog catalog;
  private final CombinedLineWriter writer;
  private final GenSession.Visitor[] recent = new GenSession.Visitor[RECENT_VISITORS];
  private int recentCount;
  private final PriorityQueue<GenSession> open = new PriorityQueue<>((a, b) -> {
    int c = Integer.compare(a.nextTime(), b.nextTime());
    return c != 0 ? c : Long.compare(a.sequence, b.sequence);
  });
  private long sequence;
  private int outageStart;
  private int outageEnd;
  private int healthInterval;
  /** Bytes per arriving session, learned as sessions end (their return visits included). */
  private double bytesPerArrival = 6_000;
  private long endedBytes;
  private long endedArrivals;

  /**
   * @param seed the run's seed
   * @param split this split's number: each split writes its own stream
   * @param malformed the fraction of lines to damage (0.001 is about one in a thousand)
   */
  public AccessLogGenerator(long seed, int split, double malformed) {
    this.seed = seed;
    this.random = new GenRandom(GenRandom.derive(seed, split));
    this.catalog = new GenCatalog(seed, 20_000);
    this.writer = new CombinedLineWriter(random, malformed);
  }

  GenRandom random() {
    return random;
  }

  GenCatalog catalog() {
    return catalog;
  }

  int healthInterval() {
    return healthInterval;
  }

  /** Whether the shop's backend is down at second {@code t} of the day. */
  boolean down(int t) {
    return t >= outageStart && t < outageEnd;
  }

  int outageStatus() {
    return random.chance(0.7) ? 502 : 503;
  }

  /** The size of the server's error page for a status. */
  int errorBytes(int status) {
    return switch (status) {
      case 301 -> 233;
      case 400 -> 226;
      case 403 -> 199;
      case 404 -> 196;
      case 429 -> 169;
      case 500 -> 531;
      case 502 -> 341;
      case 503 -> 299;
      default -> 200;
    };
  }

  /**
   * Writes day {@code date}'s lines, about {@code quota} bytes, to {@code out}.
   *
   * @param progress called every few thousand lines (a task reports progress with it)
   */
  public DayTotals generateDay(LocalDate date, long quota, OutputStream out, Runnable progress)
      throws IOException {
    GenRandom day = new GenRandom(GenRandom.derive(seed, date.toEpochDay()));
    outageStart = (8 + day.nextInt(14)) * 3600 + day.nextInt(3600);
    outageEnd = outageStart + 240 + day.nextInt(480);
    writer.startDay(date);
    open.clear();
    // health checks cost about 0.2% of the bytes, every 10 s at most, hourly at least
    healthInterval = (int) Math.max(10, Math.min(3600, DAY_SECONDS * 100.0 / (0.002 * quota)));
    open.add(new GenSession(this, GenSession.Kind.HEALTH, new GenSession.Visitor(
        GenCatalog.ascii("10.0.3.7"), GenCatalog.HEALTH_AGENT, false, null, false), false,
        sequence++, random.nextInt(healthInterval)));
    double weightLeft = 0;
    for (double w : DIURNAL) {
      weightLeft += w;
    }
    long sessions = 0;
    long lines0 = writer.lines();
    long malformed0 = writer.malformed();
    long bytes0 = writer.bytes();
    for (int hour = 0; hour < 24; hour++) {
      int hourEnd = (hour + 1) * 3600;
      double openEstimate = (open.size() - 1) * bytesPerArrival * 0.5;
      double left = Math.max(0, quota - (writer.bytes() - bytes0) - openEstimate);
      double arrivals = left * DIURNAL[hour] / weightLeft / bytesPerArrival;
      weightLeft -= DIURNAL[hour];
      double gap = arrivals > 0 ? 3600 / arrivals : Double.MAX_VALUE;
      double next = hour * 3600 + random.exponential(gap);
      while (true) {
        int nextHit = open.isEmpty() ? Integer.MAX_VALUE : open.peek().nextTime();
        if (next < nextHit && next < hourEnd) {
          open.add(arrive((int) next));
          sessions++;
          next += random.exponential(gap);
        } else if (nextHit < hourEnd) {
          GenSession s = open.poll();
          GenSession.Hit h = s.next();
          s.bytes += writer.write(s, h, out);
          if (s.hasNext()) {
            open.add(s);
          } else {
            ended(s);
          }
          if ((writer.lines() & 0x3FFF) == 0) {
            progress.run();
          }
        } else {
          break;
        }
      }
    }
    for (GenSession s : open) { // still open at midnight: cut there
      ended(s);
    }
    open.clear();
    return new DayTotals(writer.lines() - lines0, writer.malformed() - malformed0,
        writer.bytes() - bytes0, sessions);
  }

  private GenSession arrive(int t) {
    GenSession.Kind kind = KINDS[random.pick(KIND_SHARE)];
    GenSession.Visitor v;
    switch (kind) {
      case HUMAN -> {
        if (recentCount > 0 && random.chance(0.15)) { // back from an earlier day
          v = recent[random.nextInt(Math.min(recentCount, RECENT_VISITORS))];
        } else {
          int b = random.pick(GenCatalog.BROWSER_SHARE);
          v = new GenSession.Visitor(catalog.clientAddress(random, 0.11),
              GenCatalog.BROWSERS[b], GenCatalog.BROWSER_MOBILE[b],
              random.chance(0.18) ? GenCatalog.ascii(GenCatalog.USERS[random.nextInt(
                  GenCatalog.USERS.length)]) : null, random.chance(0.5));
          recent[recentCount++ % RECENT_VISITORS] = v;
        }
      }
      case CRAWLER -> {
        int c = random.pick(GenCatalog.CRAWLER_SHARE);
        v = new GenSession.Visitor(GenCatalog.crawlerAddress(c, random), GenCatalog.CRAWLERS[c],
            false, null, false);
      }
      default -> v = new GenSession.Visitor(catalog.clientAddress(random, 0.2),
          GenCatalog.TOOLS[random.nextInt(GenCatalog.TOOLS.length)], false, null, false);
    }
    return new GenSession(this, kind, v, false, sequence++, t);
  }

  /** A person who leaves may come back later the same day: a new session, more than 30 min on. */
  void maybeReturn(GenSession s, int t) {
    if (s.kind == GenSession.Kind.HUMAN && random.chance(0.2)) {
      int back = t + 35 * 60 + (int) random.exponential(45 * 60);
      if (back < DAY_SECONDS) {
        open.add(new GenSession(this, GenSession.Kind.HUMAN, s.visitor, true, sequence++, back));
      }
    }
  }

  private void ended(GenSession s) {
    if (s.kind == GenSession.Kind.HEALTH) {
      return;
    }
    endedBytes += s.bytes;
    if (!s.returning) {
      endedArrivals++;
    }
    if (endedArrivals >= 50) {
      bytesPerArrival = (double) endedBytes / endedArrivals;
    }
  }
}
