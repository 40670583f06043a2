package org.colony.driver.sizing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small statistics for the sizing: medians of a handful of numbers. */
final class Stats {
  private Stats() {}

  static double median(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }
}
