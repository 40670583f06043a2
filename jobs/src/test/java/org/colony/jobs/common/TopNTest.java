package org.colony.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopNTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void keepsBestWithTiesByValue() {
    TopN top = new TopN(3);
    top.offer(b("c"), 0, 1, 5);
    top.offer(b("a"), 0, 1, 5);
    top.offer(b("z"), 0, 1, 9);
    top.offer(b("b"), 0, 1, 5);
    top.offer(b("y"), 0, 1, 1);
    assertThat(top.best()).extracting(TopN.Entry::toString).containsExactly("z=9", "a=5", "b=5");
  }

  @Test
  void mergeOfPartitionsEqualsGlobalTop() {
    Random rnd = new Random(7);
    Map<String, Long> counts = new HashMap<>();
    for (int i = 0; i < 2000; i++) {
      counts.put("v" + rnd.nextInt(5000), (long) rnd.nextInt(30));
    }
    // independent answer: sort everything
    List<Map.Entry<String, Long>> all = new ArrayList<>(counts.entrySet());
    all.sort((x, y) -> x.getValue().equals(y.getValue()) ? x.getKey().compareTo(y.getKey())
        : Long.compare(y.getValue(), x.getValue()));
    List<String> expected = all.subList(0, 25).stream().map(e -> e.getKey() + "=" + e.getValue())
        .toList();

    // four partitions, each offered in shuffled order, then merged
    TopN merged = new TopN(25);
    for (int p = 0; p < 4; p++) {
      TopN part = new TopN(25);
      List<Map.Entry<String, Long>> mine = new ArrayList<>();
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        if ((e.getKey().hashCode() & Integer.MAX_VALUE) % 4 == p) {
          mine.add(e);
        }
      }
      Collections.shuffle(mine, rnd);
      mine.forEach(e -> part.offer(b(e.getKey()), 0, e.getKey().length(), e.getValue()));
      part.best().forEach(e -> merged.offer(e.value(), 0, e.value().length, e.count()));
    }
    assertThat(merged.best()).extracting(TopN.Entry::toString).containsExactlyElementsOf(expected);
  }

  @Test
  void payloadsTravelWithTheirValuesAndAreKeptOnlyWithThem() {
    TopN top = new TopN(2);
    assertThat(top.offer(b("b"), 0, 1, 5, b("row b"))).isTrue();
    assertThat(top.offer(b("c"), 0, 1, 5, b("row c"))).isTrue();
    assertThat(top.wouldKeep(b("d"), 0, 1, 5)).as("a tie, larger value").isFalse();
    assertThat(top.offer(b("d"), 0, 1, 5, b("row d"))).isFalse();
    assertThat(top.wouldKeep(b("a"), 0, 1, 5)).as("a tie, smaller value").isTrue();
    assertThat(top.offer(b("xa"), 1, 1, 5, b("row a"))).isTrue();
    assertThat(top.offer(b("z"), 0, 1, 6, b("row z"))).isTrue();
    assertThat(top.best()).extracting(e -> new String(e.payload(), StandardCharsets.UTF_8))
        .containsExactly("row z", "row a");
    assertThat(top.best().get(1)).isEqualTo(new TopN.Entry(b("a"), 5, b("row a")))
        .isNotEqualTo(new TopN.Entry(b("a"), 5));
  }

  @Test
  void rejectsZero() {
    assertThatThrownBy(() -> new TopN(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
