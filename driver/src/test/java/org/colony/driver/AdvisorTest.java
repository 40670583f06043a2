package org.colony.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdvisorTest {
  private static final long MB = 1L << 20;

  private static Map<String, Object> reducer(int n, long shuffle, long ms) {
    return Map.of("reducer", n, "shuffleBytes", shuffle, "reduceMs", ms);
  }

  private static Map<String, Object> report(List<Map<String, Object>> reducers) {
    Map<String, Object> r = new HashMap<>();
    r.put("reducerStats", reducers);
    r.put("inputFiles", 2L);
    r.put("inputBytes", 500 * MB);
    return r;
  }

  private static List<String> checks(Map<String, Object> report) {
    List<String> l = new ArrayList<>();
    Advisor.advise(report, 128 * MB).forEach(a -> l.add(a.get("check")));
    return l;
  }

  @Test
  void balancedRunGetsNoAdvice() {
    assertThat(checks(report(List.of(reducer(0, 90 * MB, 60_000), reducer(1, 100 * MB, 61_000),
        reducer(2, 110 * MB, 59_000))))).isEmpty();
  }

  @Test
  void skewNamesTheReducerAndTheSamplesHeavyKeys() {
    Map<String, Object> r = report(List.of(reducer(0, 10 * MB, 60_000),
        reducer(1, 90 * MB, 600_000), reducer(2, 12 * MB, 62_000)));
    r.put("reducers", Map.of("heavyKeys", List.of(
        Map.of("key", "1:/checkout", "bytes", 5000L, "partition", 1),
        Map.of("key", "1:/", "bytes", 4000L, "partition", 2))));
    List<Map<String, String>> advice = Advisor.advise(r, 128 * MB);
    assertThat(advice).hasSize(1);
    assertThat(advice.get(0).get("check")).isEqualTo("skew");
    assertThat(advice.get(0).get("message")).contains("reducer 1 took 90 MB", "7.5x the median",
        "1:/checkout").doesNotContain("1:/ (");
  }

  @Test
  void skewIgnoresTinyReducers() {
    assertThat(checks(report(List.of(reducer(0, 1000, 60_000), reducer(1, 90_000, 60_000)))))
        .doesNotContain("skew");
  }

  @Test
  void shortAndLongReducers() {
    assertThat(checks(report(List.of(reducer(0, 50 * MB, 2_000), reducer(1, 50 * MB, 3_000)))))
        .containsExactly("short-reducers");
    assertThat(checks(report(List.of(reducer(0, 50 * MB, 40 * 60_000),
        reducer(1, 50 * MB, 50 * 60_000))))).containsExactly("long-reducers");
  }

  @Test
  void spillsAndSmallInputs() {
    Map<String, Object> r = report(List.of());
    r.put("counters", Map.of("org.apache.hadoop.mapreduce.TaskCounter",
        Map.of("SPILLED_RECORDS", 3000L, "MAP_OUTPUT_RECORDS", 1000L)));
    r.put("inputFiles", 5000L);
    r.put("inputBytes", 5000 * 100_000L);
    List<Map<String, String>> advice = Advisor.advise(r, 128 * MB);
    assertThat(advice).extracting(a -> a.get("check")).containsExactly("spills", "small-inputs");
    assertThat(advice.get(0).get("message")).contains("mapreduce.task.io.sort.mb");
    assertThat(advice.get(1).get("message")).contains("colony.input.combine=true");
    r.put("inputCombined", true);
    assertThat(checks(r)).containsExactly("spills");
  }
}
