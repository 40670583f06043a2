package org.colony.jobs.syslog;

import static org.colony.jobs.syslog.TemplateMasker.isDigit;
import static org.colony.jobs.syslog.TemplateMasker.isHex;
import static org.colony.jobs.syslog.TemplateMasker.isLetter;
import static org.colony.jobs.syslog.TemplateMasker.isWord;

/**
 * The address rules of {@link TemplateMasker}: IPv4, IPv6, MAC addresses, host names. Each takes
 * the message {@code b[s, e)} and a start {@code i}, and returns the index after what it
 * recognised, or -1.
 */
final class Addresses {
  private Addresses() {}

  /** Four octets; not followed by a word byte or by {@code .} and a digit. */
  static int ipv4(byte[] b, int i, int e) {
    int j = octet(b, i, e);
    for (int k = 0; k < 3 && j > 0; k++) {
      j = j < e && b[j] == '.' ? octet(b, j + 1, e) : -1;
    }
    if (j < 0 || j < e && (isWord(b[j]) || b[j] == '.' && j + 1 < e && isDigit(b[j + 1]))) {
      return -1;
    }
    return j;
  }

  /** A decimal 0-255 without leading zeros, its whole digit run: the index after it, or -1. */
  private static int octet(byte[] b, int i, int e) {
    int j = i;
    int v = 0;
    while (j < e && isDigit(b[j])) {
      v = v * 10 + b[j] - '0';
      if (++j - i > 3) {
        return -1;
      }
    }
    if (j == i || v > 255 || j - i > 1 && b[i] == '0') {
      return -1;
    }
    return j;
  }

  /**
   * An IPv6 address at {@code i}, not preceded by a colon: the longest run of hex digits, colons
   * and dots, less a trailing dot or a single trailing colon, must be one, and end a token.
   */
  static int ipv6(byte[] b, int s, int i, int e) {
    if (i > s && (b[i - 1] == ':' || isWord(b[i - 1]))) {
      return -1;
    }
    int j = i;
    while (j < e && (isHex(b[j]) || b[j] == ':' || b[j] == '.')) {
      j++;
    }
    while (j > i && b[j - 1] == '.') {
      j--;
    }
    if (j - i >= 2 && b[j - 1] == ':' && b[j - 2] != ':') {
      j--;
    }
    if (!isIpv6(b, i, j) || j < e && isWord(b[j])) {
      return -1;
    }
    return j;
  }

  /** Whether {@code b[i, j)} is an IPv6 address with at least two colons and a hex digit. */
  static boolean isIpv6(byte[] b, int i, int j) {
    int colons = 0;
    boolean hex = false;
    for (int k = i; k < j; k++) {
      colons += b[k] == ':' ? 1 : 0;
      hex |= isHex(b[k]);
    }
    if (colons < 2 || !hex) {
      return false;
    }
    int groups = 0;
    boolean skip = false;
    int k = i;
    if (b[k] == ':') {
      if (b[k + 1] != ':') {
        return false;
      }
      skip = true;
      k += 2;
    }
    while (k < j) {
      int m = k;
      while (m < j && isHex(b[m])) {
        m++;
      }
      if (m < j && b[m] == '.') {
        // an IPv4 address as the last 32 bits
        int end = ipv4Exact(b, k, j);
        if (end != j) {
          return false;
        }
        groups += 2;
        break;
      }
      if (m == k || m - k > 4) {
        return false;
      }
      groups++;
      if (m == j) {
        break;
      }
      // b[m] is ':'
      if (m + 1 < j && b[m + 1] == ':') {
        if (skip) {
          return false;
        }
        skip = true;
        k = m + 2;
      } else {
        k = m + 1;
        if (k == j) {
          return false;
        }
      }
    }
    return skip ? groups <= 7 : groups == 8;
  }

  /** Four octets from {@code i}: the index after them, or -1. */
  private static int ipv4Exact(byte[] b, int i, int e) {
    int j = octet(b, i, e);
    for (int k = 0; k < 3 && j > 0; k++) {
      j = j < e && b[j] == '.' ? octet(b, j + 1, e) : -1;
    }
    return j;
  }

  /**
   * Six or more groups of two hex digits joined by colons, not preceded by a colon, ending a
   * token and not followed by a colon.
   */
  static int mac(byte[] b, int s, int i, int e) {
    if (i > s && b[i - 1] == ':') {
      return -1;
    }
    if (i + 2 > e || !isHex(b[i]) || !isHex(b[i + 1])) {
      return -1;
    }
    int j = i + 2;
    int groups = 1;
    while (j + 3 <= e && b[j] == ':' && isHex(b[j + 1]) && isHex(b[j + 2])) {
      j += 3;
      groups++;
    }
    if (groups < 6 || j < e && (isWord(b[j]) || b[j] == ':')) {
      return -1;
    }
    return j;
  }

  /**
   * A lower-case host name of three or more labels whose last is two or more letters, ending a
   * token: not followed by a word byte, {@code -}, or {@code .} and a letter or digit.
   */
  static int hostName(byte[] b, int i, int e) {
    if (!isLabelStart(b[i])) {
      return -1;
    }
    int labels = 0;
    int last = i;
    int j = i;
    while (true) {
      last = j;
      while (j < e && isLabel(b[j])) {
        j++;
      }
      labels++;
      if (j + 1 < e && b[j] == '.' && isLabel(b[j + 1])) {
        j++;
      } else {
        break;
      }
    }
    if (labels < 3 || j - last < 2) {
      return -1;
    }
    for (int k = last; k < j; k++) {
      if (b[k] < 'a' || b[k] > 'z') {
        return -1;
      }
    }
    if (j < e && (isWord(b[j]) || b[j] == '-'
        || b[j] == '.' && j + 1 < e && (isLetter(b[j + 1]) || isDigit(b[j + 1])))) {
      return -1;
    }
    return j;
  }

  /**
   * The domain of an e-mail address at {@code i}: two or more labels of {@code [A-Za-z0-9-]}
   * joined by dots; the index after it, or -1.
   */
  static int labels(byte[] b, int i, int e, boolean lowerCaseOnly) {
    int j = i;
    int labels = 0;
    while (true) {
      int start = j;
      while (j < e && (lowerCaseOnly ? isLabel(b[j]) : isLetter(b[j]) || isDigit(b[j])
          || b[j] == '-')) {
        j++;
      }
      if (j == start) {
        return -1;
      }
      labels++;
      if (j + 1 < e && b[j] == '.' && (isLetter(b[j + 1]) || isDigit(b[j + 1])
          || b[j + 1] == '-')) {
        j++;
      } else {
        break;
      }
    }
    return labels >= 2 ? j : -1;
  }

  private static boolean isLabelStart(byte c) {
    return (c >= 'a' && c <= 'z') || isDigit(c);
  }

  private static boolean isLabel(byte c) {
    return (c >= 'a' && c <= 'z') || isDigit(c) || c == '-';
  }
}
