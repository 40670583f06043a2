package org.colony.jobs.gen;

/**
 * A small deterministic random source (SplitMix64) for the generator: the same seed gives the same
 * numbers on every JVM and platform, which {@code java.util.Random}'s doubles and {@code Math.log}
 * do not promise. Logarithms and powers go through {@link StrictMath} for the same reason.
 */
final class GenRandom {
  private long state;

  GenRandom(long seed) {
    this.state = seed;
  }

  /** A seed derived from a seed and a stream number: independent streams for splits and days. */
  static long derive(long seed, long stream) {
    return mix(seed * 0x9E3779B97F4A7C15L + mix(stream + 0x632BE59BD9B4E019L));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    return mix(state);
  }

  /** Uniform in [0, n), n > 0. */
  int nextInt(int n) {
    return (int) (((nextLong() >>> 33) * n) >>> 31);
  }

  /** Uniform in [lo, hi). */
  int between(int lo, int hi) {
    return lo + nextInt(hi - lo);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  boolean chance(double p) {
    return nextDouble() < p;
  }

  /** An exponentially distributed value with the given mean. */
  double exponential(double mean) {
    return -mean * StrictMath.log(1.0 - nextDouble());
  }

  /** An index drawn with the given cumulative weights (ascending, last = total). */
  int pick(double[] cumulative) {
    double x = nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Cumulative weights of a Zipf distribution over n ranks with exponent s. */
  static double[] zipf(int n, double s) {
    double[] c = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1.0 / StrictMath.pow(k + 1, s);
      c[k] = sum;
    }
    return c;
  }

  /** Cumulative weights of explicit weights. */
  static double[] cumulative(double... weights) {
    double[] c = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      c[i] = sum;
    }
    return c;
  }
}
