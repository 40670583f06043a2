package org.colony.jobs.gen;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

/**
 * Formats hits as Apache {@code combined} lines ({@code %h %l %u %t "%r" %>s %b "%{Referer}i"
 * "%{User-Agent}i"}, server clock UTC) straight into bytes, and damages about a given fraction of
 * them the ways real access logs are damaged. Counts lines, damaged lines and bytes.
 */
final class CombinedLineWriter {
  private static final byte[] MONTHS = GenCatalog.ascii("JanFebMarAprMayJunJulAugSepOctNovDec");
  private static final byte[] ZONE = GenCatalog.ascii(" +0000] \"");
  private static final byte[] HTTP11 = GenCatalog.ascii("HTTP/1.1");
  private static final byte[] HTTP2 = GenCatalog.ascii("HTTP/2.0");
  private static final byte[] ERROR_LOG = GenCatalog.ascii("] [proxy_http:error] [pid 21734:tid "
      + "140231] (70007)The timeout specified has expired: [client 203.0.113.41:52144] AH01102: "
      + "error reading status line from remote server 127.0.0.1:8080");

  private final GenRandom random;
  private final double malformed;
  private final byte[] date = new byte[12]; // dd/Mon/yyyy:
  private byte[] b = new byte[1024];
  private int n;
  private long lines;
  private long damaged;
  private long bytes;
  // where the fields of the line being written are, for damaging it
  private int timeAt;
  private int requestAt;
  private int requestEnd;
  private int statusAt;
  private int bytesAt;
  private int bytesEnd;

  CombinedLineWriter(GenRandom random, double malformed) {
    this.random = random;
    this.malformed = malformed;
  }

  void startDay(LocalDate d) {
    int day = d.getDayOfMonth();
    date[0] = (byte) ('0' + day / 10);
    date[1] = (byte) ('0' + day % 10);
    date[2] = '/';
    System.arraycopy(MONTHS, (d.getMonthValue() - 1) * 3, date, 3, 3);
    date[6] = '/';
    int y = d.getYear();
    date[7] = (byte) ('0' + y / 1000 % 10);
    date[8] = (byte) ('0' + y / 100 % 10);
    date[9] = (byte) ('0' + y / 10 % 10);
    date[10] = (byte) ('0' + y % 10);
    date[11] = ':';
  }

  long lines() {
    return lines;
  }

  long malformed() {
    return damaged;
  }

  long bytes() {
    return bytes;
  }

  /** Writes one line for {@code h} of {@code s}; returns the bytes written, line end included. */
  int write(GenSession s, GenSession.Hit h, OutputStream out) throws IOException {
    n = 0;
    GenSession.Visitor v = s.visitor;
    append(v.client);
    append((byte) ' ');
    append((byte) '-');
    append((byte) ' ');
    if (h.user != null) {
      append(h.user);
    } else {
      append((byte) '-');
    }
    append((byte) ' ');
    append((byte) '[');
    timeAt = n;
    append(date);
    int t = h.time;
    two(t / 3600);
    append((byte) ':');
    two(t / 60 % 60);
    append((byte) ':');
    two(t % 60);
    append(ZONE);
    requestAt = n;
    append(h.method);
    append((byte) ' ');
    append(h.target);
    append((byte) ' ');
    append(s.kind == GenSession.Kind.HUMAN && (GenRandom.mix(s.sequence) & 1) == 0 ? HTTP2
        : HTTP11);
    requestEnd = n;
    append((byte) '"');
    append((byte) ' ');
    statusAt = n;
    number(h.status);
    append((byte) ' ');
    bytesAt = n;
    if (h.bytes < 0) {
      append((byte) '-');
    } else {
      number(h.bytes);
    }
    bytesEnd = n;
    append((byte) ' ');
    quoted(h.referrer);
    append((byte) ' ');
    quoted(v.agent);
    if (malformed > 0 && random.chance(malformed)) {
      damage(h);
      damaged++;
    }
    out.write(b, 0, n);
    out.write('\n');
    lines++;
    bytes += n + 1;
    return n + 1;
  }

  /** Damages the line in the buffer: one of the ways a real access log goes wrong. */
  private void damage(GenSession.Hit h) {
    switch (random.nextInt(8)) {
      case 0 -> n = requestAt + h.method.length + 1 + Math.min(3, h.target.length); // cut short
      case 1 -> { // an impossible time of day
        b[timeAt + 12] = '2';
        b[timeAt + 13] = '5';
        b[timeAt + 15] = '6';
        b[timeAt + 16] = '1';
      }
      case 2 -> { // status "abc"
        b[statusAt] = 'a';
        b[statusAt + 1] = 'b';
        b[statusAt + 2] = 'c';
      }
      case 3 -> { // the request's closing quote lost
        System.arraycopy(b, requestEnd + 1, b, requestEnd, n - requestEnd - 1);
        n--;
      }
      case 4 -> { // a byte count that is not a number
        byte[] k = GenCatalog.ascii("12k");
        byte[] rest = java.util.Arrays.copyOfRange(b, bytesEnd, n);
        n = bytesAt;
        append(k);
        append(rest);
      }
      case 5 -> { // binary garbage, as a crash leaves behind: no line break, no space
        n = 0;
        for (int i = 0; i < 12; i++) {
          append((byte) 0);
        }
        while (n < 96) {
          int c = random.nextInt(256);
          if (c != '\n' && c != '\r' && c != ' ') {
            append((byte) c);
          }
        }
      }
      case 6 -> { // an error-log line written to the access log
        n = 0;
        append(GenCatalog.ascii("[Wed Nov 25 "));
        int t = h.time;
        two(t / 3600);
        append((byte) ':');
        two(t / 60 % 60);
        append((byte) ':');
        two(t % 60);
        append(GenCatalog.ascii(".123456 2026"));
        append(ERROR_LOG);
      }
      default -> n = 0; // an empty line
    }
  }

  private void quoted(byte[] v) {
    append((byte) '"');
    if (v == null) {
      append((byte) '-');
    } else {
      append(v);
    }
    append((byte) '"');
  }

  private void two(int v) {
    append((byte) ('0' + v / 10));
    append((byte) ('0' + v % 10));
  }

  private void number(int v) {
    if (v >= 10) {
      number(v / 10);
    }
    append((byte) ('0' + v % 10));
  }

  private void append(byte c) {
    if (n == b.length) {
      b = java.util.Arrays.copyOf(b, b.length * 2);
    }
    b[n++] = c;
  }

  private void append(byte[] v) {
    if (n + v.length > b.length) {
      b = java.util.Arrays.copyOf(b, Math.max(b.length * 2, n + v.length));
    }
    System.arraycopy(v, 0, b, n, v.length);
    n += v.length;
  }
}
