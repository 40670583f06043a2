package org.colony.jobs.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;

/** Counting, merging in any order and grouping, the example's order, the Writable round trip. */
class SignatureStatsTest {

  /** An event: time, text, file, offset. */
  private record Ev(long time, String text, String file, long offset) {}

  private static SignatureStats of(List<Ev> events) {
    SignatureStats s = new SignatureStats();
    for (Ev e : events) {
      s.add(e.time, new Text(e.text), e.file.getBytes(StandardCharsets.UTF_8), e.offset,
          "msg of " + e.text);
    }
    return s;
  }

  private static List<Ev> events() {
    List<Ev> l = new ArrayList<>();
    l.add(new Ev(5_000, "late", "b.log", 10));
    l.add(new Ev(1_000, "zeta", "a.log", 300));
    l.add(new Ev(1_000, "alpha", "b.log", 900)); // the example: earliest, then smallest text
    l.add(new Ev(1_000, "alpha", "c.log", 5));
    l.add(new Ev(1_000, "alphabet", "a.log", 1));
    l.add(new Ev(SignatureStats.NO_TIME, "aaa", "a.log", 0)); // no time: counted, never first
    l.add(new Ev(9_000, "last", "a.log", 7));
    return l;
  }

  @Test
  void countsFirstLastAndTheEarliestExampleTiesByBytesThenFile() {
    SignatureStats s = of(events());
    assertThat(s.count()).isEqualTo(7);
    assertThat(s.first()).isEqualTo(1_000);
    assertThat(s.last()).isEqualTo(9_000);
    assertThat(s.exampleText().toString()).isEqualTo("alpha");
    assertThat(s.exampleFile().toString()).isEqualTo("b.log");
    assertThat(s.exampleOffset()).isEqualTo(900);
    assertThat(s.message().toString()).isEqualTo("msg of alpha");
  }

  @Test
  void anyOrderAndAnyGroupingMergeToTheSame() {
    SignatureStats want = of(events());
    Random random = new Random(42);
    for (int round = 0; round < 50; round++) {
      List<Ev> l = new ArrayList<>(events());
      Collections.shuffle(l, random);
      int cut1 = random.nextInt(l.size() + 1);
      int cut2 = cut1 + random.nextInt(l.size() - cut1 + 1);
      SignatureStats merged = new SignatureStats();
      for (List<Ev> part : List.of(l.subList(cut2, l.size()), l.subList(0, cut1),
          l.subList(cut1, cut2))) {
        merged.merge(of(part));
      }
      assertThat(merged).as("round %d", round).isEqualTo(want);
    }
  }

  @Test
  void withoutTimesFirstAndLastAreUnknownAndTheExampleIsStillChosen() {
    SignatureStats s = of(List.of(new Ev(SignatureStats.NO_TIME, "b", "f", 2),
        new Ev(SignatureStats.NO_TIME, "a", "f", 9)));
    assertThat(s.first()).isEqualTo(Long.MAX_VALUE);
    assertThat(s.last()).isEqualTo(Long.MIN_VALUE);
    assertThat(s.exampleText().toString()).isEqualTo("a");
  }

  @Test
  void roundTripsWithAndWithoutExample() throws Exception {
    for (SignatureStats s : List.of(of(events()), new SignatureStats().setCount(12),
        new SignatureStats())) {
      DataOutputBuffer out = new DataOutputBuffer();
      s.write(out);
      DataInputBuffer in = new DataInputBuffer();
      in.reset(out.getData(), out.getLength());
      SignatureStats back = of(List.of(new Ev(1, "x", "y", 3)));
      back.readFields(in);
      assertThat(back).isEqualTo(s).hasSameHashCodeAs(s).hasToString(s.toString());
    }
    assertThat(new SignatureStats().setCount(3)).isNotEqualTo(new SignatureStats().setCount(4));
  }
}
