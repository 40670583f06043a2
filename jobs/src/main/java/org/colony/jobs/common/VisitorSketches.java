package org.colony.jobs.common;

import java.util.Arrays;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Unique-visitor counting with DataSketches HLL sketches, as access-stats and uv-rollup do it:
 * sketches are built per map task, merged by union (order and grouping do not change the
 * registers), and reported as an estimate with bounds at {@link #BOUND_STD_DEVS} standard
 * deviations. The relative standard error is at most about {@code 1.04 / sqrt(2^lgK)} (1.6% for
 * lgK 12: the composite estimator of merged sketches; a sketch grown in order keeps the HIP
 * estimator, about {@code 0.84 / sqrt(2^lgK)}).
 */
public final class VisitorSketches {
  private VisitorSketches() {}

  /** The report bounds' width in standard deviations (about 95.4% confidence). */
  public static final int BOUND_STD_DEVS = 2;
  /** The type of stored and shuffled sketches: 4 bits per register, the smallest. */
  public static final TgtHllType STORED_TYPE = TgtHllType.HLL_4;

  /** A sketch from {@code b[0, n)} (a compact or updatable serialized HLL sketch). */
  public static HllSketch read(byte[] b, int n) {
    return HllSketch.heapify(n == b.length ? b : Arrays.copyOf(b, n));
  }

  /** The union of {@code sketch} into {@code union}, created on first use with its lgK. */
  public static Union add(Union union, HllSketch sketch) {
    Union u = union != null ? union : new Union(sketch.getLgConfigK());
    u.update(sketch);
    return u;
  }

  /** The serialized form kept in files and the shuffle. */
  public static byte[] toBytes(HllSketch sketch) {
    return sketch.getTgtHllType() == STORED_TYPE ? sketch.toCompactByteArray()
        : sketch.copyAs(STORED_TYPE).toCompactByteArray();
  }

  /** Appends the estimate, rounded, and the bounds, rounded outwards, as three fields. */
  public static TsvRow estimate(TsvRow row, HllSketch sketch) {
    return row.field(Math.round(sketch.getEstimate()))
        .field((long) Math.floor(sketch.getLowerBound(BOUND_STD_DEVS)))
        .field((long) Math.ceil(sketch.getUpperBound(BOUND_STD_DEVS)));
  }
}
