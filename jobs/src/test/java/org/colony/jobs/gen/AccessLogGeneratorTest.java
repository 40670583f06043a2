package org.colony.jobs.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.colony.io.RejectReason;
import org.colony.io.access.AccessLineParser;
import org.colony.io.access.AccessLogFormats;
import org.colony.io.access.AccessLogRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator on its own: deterministic, the size asked for, and logs that look real. */
class AccessLogGeneratorTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  private static final long QUOTA = 6L << 20;
  private static byte[] day;
  private static AccessLogGenerator.DayTotals totals;

  @BeforeAll
  static void generate() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    totals = new AccessLogGenerator(7, 0, 0.001).generateDay(DAY, QUOTA, out, () -> { });
    day = out.toByteArray();
  }

  private static List<byte[]> lines(byte[] all) {
    List<byte[]> l = new ArrayList<>();
    int s = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        l.add(Arrays.copyOfRange(all, s, i));
        s = i + 1;
      }
    }
    assertThat(s).as("the last line ends with a line end").isEqualTo(all.length);
    return l;
  }

  private static byte[] run(long seed, int split, LocalDate... days) throws IOException {
    AccessLogGenerator g = new AccessLogGenerator(seed, split, 0.001);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (LocalDate d : days) {
      g.generateDay(d, 300_000, out, () -> { });
    }
    return out.toByteArray();
  }

  @Test
  void sameSeedAndSplitGiveTheSameBytes() throws IOException {
    byte[] a = run(42, 3, DAY, DAY.plusDays(1));
    assertThat(run(42, 3, DAY, DAY.plusDays(1))).isEqualTo(a);
    assertThat(run(42, 4, DAY, DAY.plusDays(1))).isNotEqualTo(a);
    assertThat(run(43, 3, DAY, DAY.plusDays(1))).isNotEqualTo(a);
  }

  @Test
  void writesAboutTheQuota() {
    assertThat(totals.bytes()).isEqualTo(day.length);
    assertThat((double) day.length).isBetween(QUOTA * 0.9, QUOTA * 1.1);
    assertThat(totals.lines()).isEqualTo(lines(day).size());
  }

  @Test
  void damagedLinesAreExactlyTheOnesTheParserRejects() {
    AccessLineParser auto = AccessLogFormats.parser("auto");
    AccessLineParser combined = AccessLogFormats.parser("combined");
    AccessLogRecord r = new AccessLogRecord();
    Map<RejectReason, Integer> reasons = new HashMap<>();
    int rejected = 0;
    for (byte[] l : lines(day)) {
      RejectReason why = auto.parse(l, l.length, r);
      RejectReason compiled = combined.parse(l, l.length, r);
      assertThat(compiled == null).as(new String(l, StandardCharsets.ISO_8859_1))
          .isEqualTo(why == null);
      if (why != null) {
        rejected++;
        reasons.merge(why, 1, Integer::sum);
      }
    }
    assertThat(rejected).isEqualTo(totals.malformed());
    double fraction = (double) rejected / totals.lines();
    assertThat(fraction).isBetween(0.0003, 0.003);
    assertThat(reasons.keySet()).contains(RejectReason.BAD_TIMESTAMP);
  }

  @Test
  void looksLikeTheTrafficOfAShop() {
    AccessLineParser auto = AccessLogFormats.parser("auto");
    AccessLogRecord r = new AccessLogRecord();
    Map<String, Integer> paths = new HashMap<>();
    Map<String, List<Long>> byClient = new HashMap<>();
    Set<Integer> statuses = new HashSet<>();
    int[] perHour = new int[24];
    int v6 = 0;
    int bots = 0;
    int parsed = 0;
    long last = Long.MIN_VALUE;
    for (byte[] l : lines(day)) {
      if (auto.parse(l, l.length, r) != null) {
        continue;
      }
      parsed++;
      assertThat(r.timeMillis()).as("time order").isGreaterThanOrEqualTo(last);
      last = r.timeMillis();
      assertThat(r.timeMillis()).isBetween(DAY.toEpochDay() * 86_400_000L,
          DAY.plusDays(1).toEpochDay() * 86_400_000L - 1);
      perHour[(int) (r.timeMillis() / 3_600_000L % 24)]++;
      statuses.add(r.status());
      paths.merge(r.path().toString(), 1, Integer::sum);
      String client = r.client().toString();
      if (client.contains(":")) {
        v6++;
      }
      String agent = r.agent().toString();
      if (agent.contains("bot") || agent.contains("Bot")) {
        bots++;
      }
      byClient.computeIfAbsent(client + " " + agent, k -> new ArrayList<>()).add(r.timeMillis());
    }
    assertThat(statuses).contains(200, 301, 302, 304, 404, 500, 502);
    assertThat(v6 / (double) parsed).isBetween(0.03, 0.3);
    assertThat(bots / (double) parsed).isBetween(0.02, 0.5);
    // diurnal: the evening peak carries several times the night's traffic
    assertThat(perHour[20]).isGreaterThan(4 * perHour[4]);
    // Zipf: a few paths carry much, many paths a little
    List<Integer> counts = new ArrayList<>(paths.values());
    counts.sort((a, b) -> b - a);
    assertThat(paths.size()).isGreaterThan(500);
    assertThat(counts.get(0)).isGreaterThan(20 * counts.get(counts.size() / 2));
    // sessions: hits of a visitor seconds to minutes apart, and some visitors come back later
    int returned = 0;
    int multiHit = 0;
    for (List<Long> times : byClient.values()) {
      if (times.size() > 1) {
        multiHit++;
      }
      for (int i = 1; i < times.size(); i++) {
        if (times.get(i) - times.get(i - 1) > 30 * 60_000L) {
          returned++;
          break;
        }
      }
    }
    assertThat(multiHit).isGreaterThan(byClient.size() / 2);
    assertThat(returned).isGreaterThan(byClient.size() / 50);
  }

  @Test
  void quotasShareTheBytesEvenly() {
    long sum = 0;
    for (int split = 0; split < 7; split++) {
      for (int d = 0; d < 3; d++) {
        sum += GenKeys.quota(1_000_003, 3, 7, split, d);
      }
    }
    assertThat(sum).isEqualTo(1_000_003);
    assertThat(GenKeys.quota(1_000_003, 3, 7, 0, 0) - GenKeys.quota(1_000_003, 3, 7, 6, 2))
        .isBetween(0L, 1L);
  }
}
