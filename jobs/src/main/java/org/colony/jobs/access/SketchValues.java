package org.colony.jobs.access;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllLongsSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.colony.jobs.common.TsvRow;
import org.colony.jobs.common.VisitorSketches;

/**
 * Merges the sketch values of one key, for the combiner and the reducer: HLL sketches by union
 * (with their requests and bytes summed), KLL sketches by merge. An HLL union has the same
 * registers whatever the order and grouping of its inputs; its estimate may still differ slightly
 * with them (a sketch grown in order keeps the HIP estimator, a union of full sketches uses the
 * composite one), always within the error bounds it reports. KLL's rank error bound holds for any
 * merge tree.
 */
final class SketchValues {
  private SketchValues() {}

  /** The percentiles of latency/. */
  static final int[] PERCENTILES = {50, 95, 99};

  /** The union of the HLL sketches of {@code values}; their requests and bytes into totals. */
  static HllSketch unionVisitors(Iterable<AccessValue> values, HitStats totals) {
    Union union = null;
    long requests = 0;
    long bytes = 0;
    for (AccessValue v : values) {
      union = VisitorSketches.add(union, VisitorSketches.read(v.sketchBytes(), v.sketchLength()));
      requests += v.counts().requests();
      bytes += v.counts().bytes();
    }
    totals.setTotals(requests, bytes);
    return union.getResult(VisitorSketches.STORED_TYPE);
  }

  /** The merge of the KLL sketches of {@code values}. */
  static KllLongsSketch mergeLatency(Iterable<AccessValue> values) {
    KllLongsSketch merged = null;
    for (AccessValue v : values) {
      KllLongsSketch s = KllLongsSketch.heapify(Memory.wrap(
          Arrays.copyOf(v.sketchBytes(), v.sketchLength())));
      if (merged == null) {
        merged = s;
      } else {
        merged.merge(s);
      }
    }
    return merged;
  }

  /**
   * Appends count, p50, p95, p99 and max of a latency sketch, times in milliseconds. A
   * percentile is by the nearest-rank definition, as KLL's inclusive search gives it: the smallest
   * response time at least p% of the requests did not exceed; always a logged value.
   */
  static TsvRow latency(TsvRow row, KllLongsSketch sketch) {
    row.field(sketch.getN());
    for (int p : PERCENTILES) {
      millis(row, sketch.getQuantile(p / 100.0, QuantileSearchCriteria.INCLUSIVE));
    }
    return millis(row, sketch.getMaxItem());
  }

  /** Appends microseconds as milliseconds with three decimals: 1234567 is 1234.567. */
  static TsvRow millis(TsvRow row, long micros) {
    byte[] b = formatMillis(micros).getBytes(StandardCharsets.US_ASCII);
    return row.plain(b, 0, b.length);
  }

  static String formatMillis(long micros) {
    long ms = Math.floorDiv(micros, 1000);
    long frac = Math.floorMod(micros, 1000);
    return ms + "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + frac;
  }
}
