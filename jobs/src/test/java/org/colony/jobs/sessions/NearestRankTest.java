package org.colony.jobs.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The nearest-rank percentile: ceil(p * N / 100)-th smallest value, worked out by hand. */
class NearestRankTest {

  @Test
  void ranksByHand() {
    // N = 1: every percentile is the only value
    assertThat(NearestRank.rank(50, 1)).isEqualTo(1);
    assertThat(NearestRank.rank(90, 1)).isEqualTo(1);
    // N = 2: median is the lower value (ceil(1) = 1), p90 the upper (ceil(1.8) = 2)
    assertThat(NearestRank.rank(50, 2)).isEqualTo(1);
    assertThat(NearestRank.rank(90, 2)).isEqualTo(2);
    // N = 5: median 3rd (ceil 2.5), p90 5th (ceil 4.5)
    assertThat(NearestRank.rank(50, 5)).isEqualTo(3);
    assertThat(NearestRank.rank(90, 5)).isEqualTo(5);
    // N = 10: p90 is exactly the 9th (9.0, no rounding up)
    assertThat(NearestRank.rank(90, 10)).isEqualTo(9);
    assertThat(NearestRank.rank(50, 10)).isEqualTo(5);
    // N = 11: p90 = ceil(9.9) = 10, median = ceil(5.5) = 6
    assertThat(NearestRank.rank(90, 11)).isEqualTo(10);
    assertThat(NearestRank.rank(50, 11)).isEqualTo(6);
    assertThat(NearestRank.rank(100, 11)).isEqualTo(11);
    assertThat(NearestRank.rank(1, 11)).isEqualTo(1);
    // large counts stay exact: ceil(0.9 * 10^15 + 0.9) = 900000000000001
    assertThat(NearestRank.rank(90, 1_000_000_000_000_001L)).isEqualTo(900_000_000_000_001L);
  }

  @Test
  void percentilesOfAHistogram() {
    // durations 0, 0, 0, 5, 60, 60, 61, 300, 1800, 7200 (N = 10)
    TreeMap<Long, Long> h = new TreeMap<>();
    h.put(0L, 3L);
    h.put(5L, 1L);
    h.put(60L, 2L);
    h.put(61L, 1L);
    h.put(300L, 1L);
    h.put(1800L, 1L);
    h.put(7200L, 1L);
    assertThat(NearestRank.of(50, h, 10)).isEqualTo(60); // 5th
    assertThat(NearestRank.of(90, h, 10)).isEqualTo(1800); // 9th
    assertThat(NearestRank.of(100, h, 10)).isEqualTo(7200);
    assertThat(NearestRank.of(30, h, 10)).isEqualTo(0); // 3rd
    assertThat(NearestRank.of(31, h, 10)).isEqualTo(5); // ceil(3.1) = 4th
    h.put(7200L, 2L); // N = 11: median 6th = 60, p90 10th = 7200
    assertThat(NearestRank.of(50, h, 11)).isEqualTo(60);
    assertThat(NearestRank.of(90, h, 11)).isEqualTo(7200);
  }

  @Test
  void badArguments() {
    assertThatThrownBy(() -> NearestRank.rank(0, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NearestRank.rank(101, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NearestRank.rank(50, 0)).isInstanceOf(IllegalArgumentException.class);
    TreeMap<Long, Long> h = new TreeMap<>();
    h.put(1L, 2L);
    assertThatThrownBy(() -> NearestRank.of(100, h, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
