package org.colony.driver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The phases of a run as the driver sees them while polling: map (submission until every map is
 * done), shuffle (until the reducers' copy and sort are done: two thirds of reduce progress, as
 * Hadoop counts it) and reduce (the rest). Precise to the poll interval; works in local mode,
 * which has no task reports.
 */
final class Phases {
  private final long submitted;
  private long mapsDone = -1;
  private long shuffleDone = -1;
  private long finished = -1;

  Phases(long submitted) {
    this.submitted = submitted;
  }

  void observe(float map, float reduce, long now) {
    if (mapsDone < 0 && map >= 1.0f) {
      mapsDone = now;
    }
    if (shuffleDone < 0 && reduce >= 2.0f / 3) {
      shuffleDone = now;
    }
  }

  void finish(long now, boolean mapOnly) {
    finished = now;
    if (mapsDone < 0) {
      mapsDone = now;
    }
    if (shuffleDone < 0) {
      shuffleDone = mapOnly ? mapsDone : now;
    }
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mapMs", mapsDone - submitted);
    m.put("shuffleMs", shuffleDone - mapsDone);
    m.put("reduceMs", finished - shuffleDone);
    return m;
  }
}
