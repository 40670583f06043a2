package org.colony.driver.sizing;

/**
 * A number the sizing used and where it came from: {@code history}, {@code sample} or
 * {@code default}, with the details a person needs to judge it.
 */
public record Estimate(double value, String source, String detail) {
  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%.4g (%s: %s)", value, source, detail);
  }
}
