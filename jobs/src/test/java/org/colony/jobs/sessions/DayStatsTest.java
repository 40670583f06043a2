package org.colony.jobs.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.io.DataOutputBuffer;
import org.junit.jupiter.api.Test;

/** A day's summary pieces: merging, percentiles of the merge, rates, serialization. */
class DayStatsTest {

  private static DayStats roundTrip(DayStats s) throws IOException {
    DataOutputBuffer out = new DataOutputBuffer();
    s.write(out);
    DayStats copy = new DayStats(-999);
    copy.addSession(77, 3); // readFields replaces whatever was there
    copy.readFields(new DataInputStream(new ByteArrayInputStream(out.getData(), 0,
        out.getLength())));
    return copy;
  }

  @Test
  void piecesOfTwoReducersMergeIntoTheExactDay() throws IOException {
    DayStats a = new DayStats(20_781);
    a.addVisitor();
    a.addSession(0, 1);
    a.addSession(120, 4);
    a.addVisitor();
    a.addSession(0, 1);
    DayStats b = new DayStats(20_781);
    b.addVisitor();
    b.addSession(600, 9);
    b.addSession(120, 2);
    b.addSession(45, 3);

    DayStats day = roundTrip(a);
    day.add(roundTrip(b));
    assertThat(day.day()).isEqualTo(20_781);
    assertThat(day.sessions()).isEqualTo(6);
    assertThat(day.visitors()).isEqualTo(3);
    assertThat(day.hits()).isEqualTo(20);
    assertThat(day.bounces()).isEqualTo(2);
    assertThat(day.durations()).isEqualTo(new TreeMap<>(Map.of(0L, 2L, 45L, 1L, 120L, 2L,
        600L, 1L)));
    // sorted durations 0 0 45 120 120 600: median 3rd = 45, p90 ceil(5.4) = 6th = 600
    assertThat(day.durationPercentile(50)).isEqualTo(45);
    assertThat(day.durationPercentile(90)).isEqualTo(600);
    // 2 / 6 and 20 / 6
    assertThat(day.bounceRate()).isEqualTo("0.3333");
    assertThat(day.hitsPerSession()).isEqualTo("3.33");
    // neither reducer's own median is the day's: a's is 0, b's is 120
    assertThat(a.durationPercentile(50)).isEqualTo(0);
    assertThat(b.durationPercentile(50)).isEqualTo(120);
  }

  @Test
  void ratesRoundHalfUp() {
    DayStats d = new DayStats(0);
    d.addSession(0, 1);
    for (int i = 0; i < 7; i++) {
      d.addSession(10, 2);
    }
    // 1 / 8 = 0.125 exactly; 15 / 8 = 1.875 -> 1.88
    assertThat(d.bounceRate()).isEqualTo("0.1250");
    assertThat(d.hitsPerSession()).isEqualTo("1.88");
    DayStats e = new DayStats(0);
    for (int i = 0; i < 3; i++) {
      e.addSession(1, i == 0 ? 1 : 2);
    }
    // 1 / 3 and 5 / 3
    assertThat(e.bounceRate()).isEqualTo("0.3333");
    assertThat(e.hitsPerSession()).isEqualTo("1.67");
    DayStats all = new DayStats(0);
    all.addSession(0, 1);
    assertThat(all.bounceRate()).isEqualTo("1.0000");
    assertThat(all.hitsPerSession()).isEqualTo("1.00");
  }

  @Test
  void roundTripAndEquality() throws IOException {
    DayStats d = new DayStats(-3);
    d.addVisitor();
    d.addSession(86_400 * 3, 1_000_000);
    d.addSession(0, 1);
    DayStats copy = roundTrip(d);
    assertThat(copy).isEqualTo(d).hasSameHashCodeAs(d);
    copy.addSession(1, 2);
    assertThat(copy).isNotEqualTo(d);
    assertThat(roundTrip(new DayStats(5))).isEqualTo(new DayStats(5));
  }

  @Test
  void aPieceOfAnotherDayIsRefused() {
    assertThatThrownBy(() -> new DayStats(1).add(new DayStats(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
