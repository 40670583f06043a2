package org.colony.jobs.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.colony.jobs.common.ReportKey;
import org.junit.jupiter.api.Test;

class MapSideSumsTest {

  @Test
  void flushedSumsAddUpToTheSumsOfEveryCountWhateverTheCap() throws Exception {
    Random random = new Random(5);
    List<ReportKey> keys = new ArrayList<>();
    List<HitStats> values = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      int report = random.nextInt(5);
      byte[] b = ("k" + random.nextInt(300)).getBytes(StandardCharsets.UTF_8);
      keys.add(report == AccessReports.HOURLY ? new ReportKey().setLong(report, b.length)
          : new ReportKey(report, b));
      values.add(random.nextBoolean() ? new HitStats().setHit()
          : new HitStats().setRequest(200 + 100 * random.nextInt(4), random.nextInt(5000)));
    }
    Map<ReportKey, HitStats> expected = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      expected.computeIfAbsent(keys.get(i), k -> new HitStats()).add(values.get(i));
    }
    for (int cap : new int[] {1, 7, 100, 1_000_000}) {
      Map<ReportKey, HitStats> got = new HashMap<>();
      int[] written = {0};
      MapSideSums sums = new MapSideSums(cap, (k, v) -> {
        written[0]++;
        ReportKey copy = new ReportKey();
        copy.set(k.report(), k.bytes(), 0, k.length());
        got.computeIfAbsent(copy, x -> new HitStats()).add(v);
      });
      for (int i = 0; i < keys.size(); i++) {
        sums.add(keys.get(i), values.get(i));
      }
      sums.flush();
      assertThat(got).as("cap %d", cap).isEqualTo(expected);
      if (cap >= expected.size()) {
        assertThat(written[0]).isEqualTo(expected.size());
      } else {
        assertThat(written[0]).isGreaterThan(expected.size());
      }
    }
  }
}
