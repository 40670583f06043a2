package org.colony.jobs.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.kll.KllLongsSketch;
import org.colony.jobs.common.TsvRow;
import org.junit.jupiter.api.Test;

class SketchValuesTest {

  @Test
  void microsecondsPrintAsMillisecondsWithThreeDecimals() {
    assertThat(SketchValues.formatMillis(0)).isEqualTo("0.000");
    assertThat(SketchValues.formatMillis(7)).isEqualTo("0.007");
    assertThat(SketchValues.formatMillis(70)).isEqualTo("0.070");
    assertThat(SketchValues.formatMillis(1000)).isEqualTo("1.000");
    assertThat(SketchValues.formatMillis(1_234_567)).isEqualTo("1234.567");
    assertThat(SketchValues.formatMillis(Long.MAX_VALUE)).isEqualTo("9223372036854775.807");
  }

  /** Below k values a KLL sketch is exact: its percentiles are the nearest-rank ones. */
  @Test
  void fewResponseTimesGiveExactNearestRankPercentilesAndMax() {
    // 1..20 ms in a shuffled order, merged from two sketches
    KllLongsSketch a = KllLongsSketch.newHeapInstance(200);
    KllLongsSketch b = KllLongsSketch.newHeapInstance(200);
    int[] order = {7, 3, 20, 1, 14, 9, 2, 18, 11, 5, 16, 4, 12, 19, 6, 13, 8, 17, 10, 15};
    for (int i = 0; i < order.length; i++) {
      (i % 2 == 0 ? a : b).update(order[i] * 1000L);
    }
    List<AccessValue> values = new ArrayList<>();
    for (KllLongsSketch s : List.of(a, b)) {
      byte[] bytes = s.toByteArray();
      values.add(new AccessValue().sketch(bytes, bytes.length, 0, 0));
    }
    TsvRow row = new TsvRow();
    SketchValues.latency(row.clear(), SketchValues.mergeLatency(values));
    // nearest rank of 20 values: p50 rank 10, p95 rank 19, p99 rank 20
    assertThat(row.text().toString()).isEqualTo("20\t10.000\t19.000\t20.000\t20.000");
  }

  @Test
  void visitorUnionSumsRequestsAndBytes() {
    List<AccessValue> values = new ArrayList<>();
    for (int part = 0; part < 3; part++) {
      HllSketch s = new HllSketch(12, TgtHllType.HLL_8);
      for (int i = part * 10; i < part * 10 + 20; i++) {
        s.update("visitor " + i);
      }
      byte[] b = s.toCompactByteArray();
      values.add(new AccessValue().sketch(b, b.length, 100 + part, 1000 * part));
    }
    HitStats totals = new HitStats();
    HllSketch union = SketchValues.unionVisitors(values, totals);
    assertThat(totals.requests()).isEqualTo(303);
    assertThat(totals.bytes()).isEqualTo(3000);
    // visitors 0..39: a sketch this small holds them as a list, and counts them exactly
    assertThat(Math.round(union.getEstimate())).isEqualTo(40);
    assertThat(union.getTgtHllType()).isEqualTo(TgtHllType.HLL_4);
  }
}
