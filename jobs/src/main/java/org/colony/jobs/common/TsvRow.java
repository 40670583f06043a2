package org.colony.jobs.common;

import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.Text;

/**
 * Builds one TSV row into a reused {@link Text}, escaping fields on the way, without creating
 * Strings. An empty text field is written as {@code -}.
 */
public final class TsvRow {
  private static final byte[] DASH = {'-'};

  private final Text text = new Text();
  private byte[] buf = new byte[256];
  private int length;
  private final byte[] digits = new byte[20];

  public TsvRow clear() {
    length = 0;
    return this;
  }

  /** Appends an escaped field; '-' when empty. */
  public TsvRow field(byte[] b, int s, int n) {
    separator();
    if (n == 0) {
      return raw(DASH, 0, 1);
    }
    ensure(Tsv.maxEscapedLength(n));
    length = Tsv.escape(b, s, n, buf, length);
    return this;
  }

  /** Appends an escaped field exactly: empty stays empty (for raw lines, where '-' is data). */
  public TsvRow exact(Text t) {
    separator();
    ensure(Tsv.maxEscapedLength(t.getLength()));
    length = Tsv.escape(t.getBytes(), 0, t.getLength(), buf, length);
    return this;
  }

  public TsvRow field(Text t) {
    return field(t.getBytes(), 0, t.getLength());
  }

  public TsvRow field(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return field(b, 0, b.length);
  }

  /** Appends bytes that need no escaping (ASCII without tabs, newlines or backslashes). */
  public TsvRow plain(byte[] b, int s, int n) {
    separator();
    return raw(b, s, n);
  }

  public TsvRow field(long v) {
    separator();
    int i = digits.length;
    boolean negative = v < 0;
    if (v == 0) {
      digits[--i] = '0';
    }
    while (v != 0) {
      digits[--i] = (byte) ('0' + Math.abs(v % 10));
      v /= 10;
    }
    if (negative) {
      digits[--i] = '-';
    }
    return raw(digits, i, digits.length - i);
  }

  private void separator() {
    if (length > 0) {
      ensure(1);
      buf[length++] = '\t';
    }
  }

  private TsvRow raw(byte[] b, int s, int n) {
    ensure(n);
    System.arraycopy(b, s, buf, length, n);
    length += n;
    return this;
  }

  private void ensure(int more) {
    if (length + more > buf.length) {
      byte[] bigger = new byte[Math.max(buf.length * 2, length + more)];
      System.arraycopy(buf, 0, bigger, 0, length);
      buf = bigger;
    }
  }

  /** The row so far, as a Text reused by the next call. */
  public Text text() {
    text.set(buf, 0, length);
    return text;
  }
}
