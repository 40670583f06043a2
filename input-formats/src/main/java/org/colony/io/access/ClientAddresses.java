package org.colony.io.access;

/**
 * Classifies the client addresses of an access log line, on bytes. A forwarded-for chain lists
 * proxies too; the effective client is its first public address (as Elastic's nginx pipeline
 * chooses), else its first entry.
 */
final class ClientAddresses {
  private ClientAddresses() {}

  /** Whether {@code b[s,e)} is an IPv4 or IPv6 literal (no port, no brackets). */
  static boolean isIpLiteral(byte[] b, int s, int e) {
    return ipv4(b, s, e) >= 0 || isIpv6(b, s, e);
  }

  /**
   * Whether {@code b[s,e)} is an IP address outside the private, loopback, link-local, shared
   * (100.64/10) and unspecified ranges. Host names and words such as "unknown" are not.
   */
  static boolean isPublic(byte[] b, int s, int e) {
    long v4 = ipv4(b, s, e);
    if (v4 >= 0) {
      int a = (int) (v4 >>> 24);
      int c = (int) (v4 >>> 16) & 0xFF;
      return !(a == 0 || a == 10 || a == 127 || (a == 169 && c == 254) || (a == 172 && c >= 16
          && c <= 31) || (a == 192 && c == 168) || (a == 100 && c >= 64 && c <= 127));
    }
    if (!isIpv6(b, s, e)) {
      return false;
    }
    int first = firstHextet(b, s, e);
    if (first == 0) {
      // ::, ::1 and IPv4-mapped forms: public only if a mapped IPv4 address is.
      int lastColon = lastIndexOf(b, s, e, (byte) ':');
      return ipv4(b, lastColon + 1, e) >= 0 && isPublic(b, lastColon + 1, e);
    }
    return !((first & 0xFE00) == 0xFC00 || (first & 0xFFC0) == 0xFE80);
  }

  /** The IPv4 address of {@code b[s,e)} as an unsigned 32-bit value, or -1. */
  static long ipv4(byte[] b, int s, int e) {
    long value = 0;
    int parts = 0;
    int i = s;
    while (i < e) {
      int octet = 0;
      int n = 0;
      while (i < e && b[i] >= '0' && b[i] <= '9' && n < 4) {
        octet = octet * 10 + (b[i] - '0');
        i++;
        n++;
      }
      if (n == 0 || n > 3 || octet > 255) {
        return -1;
      }
      value = (value << 8) | octet;
      parts++;
      if (i == e) {
        break;
      }
      if (b[i] != '.' || parts == 4) {
        return -1;
      }
      i++;
      if (i == e) {
        return -1;
      }
    }
    return parts == 4 ? value : -1;
  }

  private static boolean isIpv6(byte[] b, int s, int e) {
    int colons = 0;
    for (int i = s; i < e; i++) {
      byte c = b[i];
      if (c == ':') {
        colons++;
      } else if (!(c >= '0' && c <= '9' || (c | 0x20) >= 'a' && (c | 0x20) <= 'f' || c == '.')) {
        return false;
      }
    }
    return colons >= 2 && colons <= 7;
  }

  private static int firstHextet(byte[] b, int s, int e) {
    int v = 0;
    for (int i = s; i < e && b[i] != ':'; i++) {
      int c = b[i];
      int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
      v = (v << 4) | d;
    }
    return v & 0xFFFF;
  }

  private static int lastIndexOf(byte[] b, int s, int e, byte c) {
    for (int i = e - 1; i >= s; i--) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
