package org.colony.jobs.grep;

import java.util.Arrays;

/**
 * Finds a fixed byte string in byte arrays with Boyer-Moore-Horspool: the window's last byte
 * says how far the window may jump (up to the needle's length), so most bytes of the haystack are
 * never looked at. No allocation per search.
 */
public final class FixedBytes {
  private final byte[] needle;
  private final int[] skip = new int[256];

  public FixedBytes(byte[] needle) {
    this.needle = needle.clone();
    int n = needle.length;
    Arrays.fill(skip, Math.max(1, n));
    for (int i = 0; i < n - 1; i++) {
      skip[needle[i] & 0xFF] = n - 1 - i;
    }
  }

  /** Where the needle first occurs in {@code h[from, to)}, or -1. An empty needle is at from. */
  public int indexOf(byte[] h, int from, int to) {
    int n = needle.length;
    if (n == 0) {
      return from <= to ? from : -1;
    }
    int last = n - 1;
    byte lastByte = needle[last];
    int i = from;
    int end = to - n;
    while (i <= end) {
      byte c = h[i + last];
      if (c == lastByte && matchesAt(h, i, last)) {
        return i;
      }
      i += skip[c & 0xFF];
    }
    return -1;
  }

  private boolean matchesAt(byte[] h, int at, int last) {
    for (int j = 0; j < last; j++) {
      if (h[at + j] != needle[j]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the needle occurs in {@code h[0, length)}. */
  public boolean in(byte[] h, int length) {
    return indexOf(h, 0, length) >= 0;
  }

  public int length() {
    return needle.length;
  }
}
