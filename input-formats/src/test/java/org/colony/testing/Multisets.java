package org.colony.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Multiset comparison of large lists, with a short failure message. */
public final class Multisets {
  private Multisets() {}

  /**
   * Asserts that the lists hold the same elements the same number of times; on failure shows a
   * few of the missing and of the extra (or repeated) elements, abbreviated.
   */
  public static void assertSameMultiset(String what, List<String> actual,
      List<String> expected) {
    Map<String, Integer> count = new HashMap<>();
    expected.forEach(e -> count.merge(e, 1, Integer::sum));
    actual.forEach(a -> count.merge(a, -1, Integer::sum));
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    count.forEach((k, v) -> {
      for (int i = 0; i < Math.abs(v); i++) {
        (v > 0 ? missing : extra).add(abbreviate(k));
      }
    });
    assertThat(missing.size()).as("%s: expected but absent, for example %s", what,
        missing.subList(0, Math.min(5, missing.size()))).isZero();
    assertThat(extra.size()).as("%s: unexpected or repeated, for example %s", what,
        extra.subList(0, Math.min(5, extra.size()))).isZero();
    assertThat(actual).as(what).hasSameSizeAs(expected);
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "...(" + s.length() + " chars)" : s;
  }
}
