package org.colony.jobs.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllLongsSketch;
import org.apache.datasketches.memory.Memory;
import org.junit.jupiter.api.Test;

class HourSketchesTest {
  private static final long DAY = 20_000;

  /** Everything a flush passed on. */
  private static final class Collected implements HourSketches.Sink {
    final List<String> calls = new ArrayList<>();
    final TreeMap<Long, Union> hourVisitors = new TreeMap<>();
    final TreeMap<Long, Union> dayVisitors = new TreeMap<>();
    final TreeMap<Long, KllLongsSketch> latency = new TreeMap<>();
    final TreeMap<Long, long[]> dayTotals = new TreeMap<>();

    @Override
    public void hourVisitors(long hour, byte[] sketch) {
      calls.add("hour " + hour);
      hourVisitors.computeIfAbsent(hour, h -> new Union(12)).update(HllSketch.heapify(sketch));
    }

    @Override
    public void hourLatency(long hour, byte[] sketch) {
      calls.add("latency " + hour);
      KllLongsSketch s = KllLongsSketch.heapify(Memory.wrap(sketch));
      latency.merge(hour, s, (a, b) -> {
        a.merge(b);
        return a;
      });
    }

    @Override
    public void dayVisitors(long day, byte[] sketch, long requests, long bytes) {
      calls.add("day " + day);
      dayVisitors.computeIfAbsent(day, d -> new Union(12)).update(HllSketch.heapify(sketch));
      long[] t = dayTotals.computeIfAbsent(day, d -> new long[2]);
      t[0] += requests;
      t[1] += bytes;
    }
  }

  private static byte[] visitor(int i) {
    return ("192.0." + (i % 250) + "." + (i / 250) + "\nagent " + (i % 3))
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aFlushGivesHoursInOrderThenTheirDaysAsUnionsOfTheHours() throws Exception {
    HourSketches s = new HourSketches(12, 200, 100);
    Collected c = new Collected();
    HllSketch day1 = new HllSketch(12, TgtHllType.HLL_8);
    long firstHour = DAY * 24;
    // hour 25 (day 2) first, then hours 0 and 1 of day 1; one visitor buffer reused, as the
    // mapper's Text is, with garbage after the visitor
    byte[] buf = new byte[64];
    for (int i = 0; i < 3000; i++) {
      long hour = i < 1000 ? firstHour + 25 : i < 2000 ? firstHour : firstHour + 1;
      byte[] v = visitor(i % 1700);
      java.util.Arrays.fill(buf, (byte) 'x');
      System.arraycopy(v, 0, buf, 0, v.length);
      s.add(hour, buf, v.length, i >= 2000 ? i : -1, i < 1000 ? 10 : -1, c);
      if (hour < firstHour + 24) {
        day1.update(v);
      }
    }
    assertThat(c.calls).isEmpty();
    assertThat(s.size()).isEqualTo(3);
    s.flush(c);
    assertThat(c.calls).containsExactly("hour " + firstHour, "hour " + (firstHour + 1),
        "latency " + (firstHour + 1), "hour " + (firstHour + 25), "day " + DAY, "day " + (DAY + 1));
    assertThat(s.size()).isZero();
    // the day is the union of its hours: the same registers as hashing every visitor into one
    // sketch, so the same estimate from the registers alone (the composite estimator)
    assertThat(c.dayVisitors.get(DAY).getResult().getCompositeEstimate())
        .isEqualTo(day1.getCompositeEstimate());
    assertThat(c.dayTotals.get(DAY)).containsExactly(2000, 0);
    assertThat(c.dayTotals.get(DAY + 1)).containsExactly(1000, 10_000);
    KllLongsSketch latency = c.latency.get(firstHour + 1);
    assertThat(latency.getN()).isEqualTo(1000);
    assertThat(latency.getMinItem()).isEqualTo(2000);
    assertThat(latency.getMaxItem()).isEqualTo(2999);
    // nothing held: a second flush passes nothing
    s.flush(c);
    assertThat(c.calls).hasSize(6);
  }

  @Test
  void moreHoursThanTheCapFlushEarlyAndTheFlushesAddUpToTheSameSketches() throws Exception {
    HourSketches capped = new HourSketches(12, 200, 2);
    HourSketches whole = new HourSketches(12, 200, 1000);
    Collected early = new Collected();
    Collected once = new Collected();
    // 5 hours of one day, visited round-robin so the cap is hit again and again
    for (int i = 0; i < 5000; i++) {
      long hour = DAY * 24 + i % 5;
      byte[] v = visitor(i % 2100);
      capped.add(hour, v, v.length, i, 1, early);
      whole.add(hour, v, v.length, i, 1, once);
    }
    assertThat(early.calls).isNotEmpty();
    assertThat(capped.size()).isLessThanOrEqualTo(2);
    capped.flush(early);
    whole.flush(once);
    assertThat(early.calls.size()).isGreaterThan(once.calls.size());
    // the same registers (the estimator the union ends with may differ: composite vs HIP)
    assertThat(early.dayVisitors.get(DAY).getResult().getCompositeEstimate())
        .isEqualTo(once.dayVisitors.get(DAY).getResult().getCompositeEstimate());
    assertThat(early.dayTotals.get(DAY)).containsExactly(5000, 5000);
    for (long h = DAY * 24; h < DAY * 24 + 5; h++) {
      assertThat(early.hourVisitors.get(h).getResult().getCompositeEstimate()).as("hour %d", h)
          .isEqualTo(once.hourVisitors.get(h).getResult().getCompositeEstimate());
      assertThat(early.latency.get(h).getN()).isEqualTo(1000);
      assertThat(early.latency.get(h).getMaxItem()).isEqualTo(once.latency.get(h).getMaxItem());
    }
  }

  @Test
  void largeSketchesAreHeldForFewerHours() {
    assertThat(AccessStatsMapper.maxHoursHeld(12, 200)).isEqualTo(512);
    // lgK 21: 2 MB per HLL_8 sketch, 15 of them in 32 MB
    assertThat(AccessStatsMapper.maxHoursHeld(21, 200)).isEqualTo(15);
    assertThat(AccessStatsMapper.maxHoursHeld(21, 65_535)).isEqualTo(9);
  }
}
