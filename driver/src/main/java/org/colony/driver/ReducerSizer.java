package org.colony.driver;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.StringUtils;

/**
 * Chooses a job's reducer count: an explicit {@code --reducers N} wins; otherwise
 * {@code ceil(input bytes / colony.bytes.per.reducer)}, clamped to
 * {@code [1, colony.reducers.max]}.
 */
public final class ReducerSizer {
  private final long bytesPerReducer;
  private final int maxReducers;

  public ReducerSizer(Configuration conf) {
    this(ColonyKeys.BYTES_PER_REDUCER.getLong(conf), ColonyKeys.REDUCERS_MAX.getInt(conf));
  }

  public ReducerSizer(long bytesPerReducer, int maxReducers) {
    if (bytesPerReducer <= 0) {
      throw new IllegalArgumentException(
          ColonyKeys.BYTES_PER_REDUCER.name() + " must be positive, got " + bytesPerReducer);
    }
    if (maxReducers < 1) {
      throw new IllegalArgumentException(
          ColonyKeys.REDUCERS_MAX.name() + " must be at least 1, got " + maxReducers);
    }
    this.bytesPerReducer = bytesPerReducer;
    this.maxReducers = maxReducers;
  }

  /** The decision for {@code inputBytes} of input, or the explicit count when {@code requested > 0}. */
  public SizingDecision decide(long inputBytes, int requested) {
    if (requested > 0) {
      return new SizingDecision(requested, "explicit", inputBytes, bytesPerReducer, maxReducers,
          "--reducers " + requested);
    }
    long wanted = Math.max(1, (inputBytes + bytesPerReducer - 1) / bytesPerReducer);
    int reducers = (int) Math.min(wanted, maxReducers);
    String reason = "auto: ceil(" + human(inputBytes) + " input / " + human(bytesPerReducer)
        + " per reducer) = " + wanted
        + (wanted > maxReducers ? ", capped at colony.reducers.max " + maxReducers : "");
    return new SizingDecision(reducers, "input-bytes", inputBytes, bytesPerReducer, maxReducers,
        reason);
  }

  static String human(long bytes) {
    return StringUtils.byteDesc(bytes);
  }
}
