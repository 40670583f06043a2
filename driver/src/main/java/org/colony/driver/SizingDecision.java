package org.colony.driver;

/**
 * How many reducers a run gets and why, in words and numbers: printed before submission and
 * written to the manifest.
 */
public record SizingDecision(int reducers, String rule, long inputBytes, long bytesPerReducer,
    int maxReducers, String reason) {

  @Override
  public String toString() {
    return reducers + " (" + reason + ")";
  }
}
