package org.colony.jobs.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * TSV field escaping, on bytes. Output is always valid UTF-8 with no raw tab or line break inside a
 * field: backslash becomes {@code \\}, tab {@code \t}, newline {@code \n}, carriage return
 * {@code \r}, other control bytes and bytes that are not valid UTF-8 {@code \xHH}. Valid
 * multi-byte UTF-8 passes through. {@link #unescape} reverses it exactly.
 */
public final class Tsv {
  private Tsv() {}

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /** An escaped field's maximum length for {@code n} input bytes. */
  public static int maxEscapedLength(int n) {
    return 4 * n;
  }

  /**
   * Escapes {@code in[s, s+n)} into {@code out} at {@code at}, which must have room for
   * {@link #maxEscapedLength}(n) bytes.
   *
   * @return the index after the last byte written
   */
  public static int escape(byte[] in, int s, int n, byte[] out, int at) {
    int e = s + n;
    int o = at;
    int i = s;
    while (i < e) {
      int c = in[i] & 0xFF;
      if (c >= 0x20 && c < 0x7F) {
        if (c == '\\') {
          out[o++] = '\\';
        }
        out[o++] = (byte) c;
        i++;
      } else if (c < 0x80) {
        out[o++] = '\\';
        switch (c) {
          case '\t':
            out[o++] = 't';
            break;
          case '\n':
            out[o++] = 'n';
            break;
          case '\r':
            out[o++] = 'r';
            break;
          default:
            o = hex(c, out, o - 1);
        }
        i++;
      } else {
        int len = utf8SequenceLength(in, i, e);
        if (len > 0) {
          System.arraycopy(in, i, out, o, len);
          o += len;
          i += len;
        } else {
          o = hex(c, out, o);
          i++;
        }
      }
    }
    return o;
  }

  private static int hex(int c, byte[] out, int o) {
    out[o++] = '\\';
    out[o++] = 'x';
    out[o++] = HEX[c >>> 4];
    out[o++] = HEX[c & 0xF];
    return o;
  }

  /** Length of the valid UTF-8 sequence starting at {@code b[i]} (a byte >= 0x80), or 0. */
  static int utf8SequenceLength(byte[] b, int i, int e) {
    int c = b[i] & 0xFF;
    int len;
    int min2;
    int max2;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      min2 = 0x80;
      max2 = 0xBF;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      min2 = c == 0xE0 ? 0xA0 : 0x80;
      max2 = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      min2 = c == 0xF0 ? 0x90 : 0x80;
      max2 = c == 0xF4 ? 0x8F : 0xBF;
    } else {
      return 0;
    }
    if (i + len > e) {
      return 0;
    }
    int c2 = b[i + 1] & 0xFF;
    if (c2 < min2 || c2 > max2) {
      return 0;
    }
    for (int k = 2; k < len; k++) {
      int ck = b[i + k] & 0xFF;
      if (ck < 0x80 || ck > 0xBF) {
        return 0;
      }
    }
    return len;
  }

  /** The bytes an escaped field stands for. */
  public static byte[] unescape(String field) {
    byte[] in = field.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      byte c = in[i];
      if (c != '\\' || i + 1 == in.length) {
        out.write(c);
        continue;
      }
      byte n = in[++i];
      switch (n) {
        case 't':
          out.write('\t');
          break;
        case 'n':
          out.write('\n');
          break;
        case 'r':
          out.write('\r');
          break;
        case 'x':
          out.write(Integer.parseInt(new String(in, i + 1, 2, StandardCharsets.US_ASCII), 16));
          i += 2;
          break;
        default:
          out.write(n);
      }
    }
    return out.toByteArray();
  }
}
