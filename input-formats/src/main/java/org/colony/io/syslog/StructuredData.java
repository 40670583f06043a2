package org.colony.io.syslog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.io.Text;

/**
 * RFC 5424 STRUCTURED-DATA: {@code [SD-ID *(SP PARAM-NAME="PARAM-VALUE")]...}.
 *
 * <p>{@link #scan} checks it on bytes, as the parser needs: SD-ID and PARAM-NAME are 1-32
 * printable US-ASCII characters other than {@code = ] "} and space; an SD-ID appears once per line;
 * in a value, {@code "}, {@code \} and {@code ]} must be escaped with a backslash, and a backslash
 * before any other character is refused (as go-syslog does; RFC 5424 would keep it as a plain
 * backslash). One leniency: an unquoted value ({@code [meta sequenceId=10]}, as some devices
 * write) runs to the next space or {@code ]}.
 *
 * <p>{@link #elements} reads a checked section into maps, for tools and tests (it allocates).
 */
public final class StructuredData {
  private static final int MAX_NAME = 32;

  /** Start and length of each SD-ID seen on the current line, to refuse duplicates. */
  private int[] idStart = new int[8];
  private int[] idLength = new int[8];

  /**
   * Checks the structured data starting at {@code b[i]} (a '[').
   *
   * @return the index after its last element, or -1 if it is invalid
   */
  int scan(byte[] b, int i, int e) {
    int ids = 0;
    while (i < e && b[i] == '[') {
      int s = ++i;
      i = nameEnd(b, i, e);
      if (i < 0) {
        return -1;
      }
      if (isDuplicate(b, s, i - s, ids)) {
        return -1;
      }
      if (ids == idStart.length) {
        idStart = Arrays.copyOf(idStart, ids * 2);
        idLength = Arrays.copyOf(idLength, ids * 2);
      }
      idStart[ids] = s;
      idLength[ids] = i - s;
      ids++;
      while (true) {
        if (i >= e) {
          return -1;
        }
        if (b[i] == ']') {
          i++;
          break;
        }
        if (b[i] != ' ') {
          return -1;
        }
        i = nameEnd(b, i + 1, e);
        if (i < 0 || i >= e || b[i] != '=') {
          return -1;
        }
        i = valueEnd(b, i + 1, e);
        if (i < 0) {
          return -1;
        }
      }
    }
    return i;
  }

  private boolean isDuplicate(byte[] b, int s, int length, int ids) {
    for (int k = 0; k < ids; k++) {
      if (idLength[k] == length
          && Arrays.equals(b, idStart[k], idStart[k] + length, b, s, s + length)) {
        return true;
      }
    }
    return false;
  }

  /** The end of an SD-NAME of 1-32 characters at {@code b[i]}, or -1. */
  private static int nameEnd(byte[] b, int i, int e) {
    int s = i;
    while (i < e && isNameChar(b[i])) {
      i++;
    }
    return i == s || i - s > MAX_NAME ? -1 : i;
  }

  /** The index after a PARAM-VALUE at {@code b[i]} (after its closing quote), or -1. */
  private static int valueEnd(byte[] b, int i, int e) {
    if (i >= e) {
      return -1;
    }
    if (b[i] != '"') {
      int s = i;
      while (i < e && b[i] != ' ' && b[i] != ']' && b[i] != '"') {
        i++;
      }
      return i == s ? -1 : i;
    }
    i++;
    while (i < e) {
      byte c = b[i];
      if (c == '\\') {
        if (i + 1 >= e || !isEscapable(b[i + 1])) {
          return -1;
        }
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else if (c == ']') {
        return -1;
      } else {
        i++;
      }
    }
    return -1;
  }

  private static boolean isNameChar(byte c) {
    return c > 32 && c < 127 && c != '=' && c != ']' && c != '"';
  }

  private static boolean isEscapable(byte c) {
    return c == '"' || c == '\\' || c == ']';
  }

  /**
   * The elements of a structured data section as the parser accepted it (empty for none): SD-ID
   * to its parameters, in order of appearance. With {@code unescape}, values lose their escaping
   * backslashes ({@code \"} becomes {@code "}); without, they are as logged. A parameter named
   * twice in an element keeps its last value.
   *
   * @throws IllegalArgumentException if {@code sd} is not valid structured data
   */
  public static Map<String, Map<String, String>> elements(Text sd, boolean unescape) {
    byte[] b = sd.getBytes();
    int e = sd.getLength();
    if (e > 0 && new StructuredData().scan(b, 0, e) != e) {
      throw new IllegalArgumentException("not RFC 5424 structured data: " + sd);
    }
    Map<String, Map<String, String>> elements = new LinkedHashMap<>();
    int i = 0;
    while (i < e) {
      int s = ++i;
      i = nameEnd(b, i, e);
      Map<String, String> params = new LinkedHashMap<>();
      elements.put(ascii(b, s, i), params);
      while (b[i] == ' ') {
        int ns = i + 1;
        i = nameEnd(b, ns, e);
        String name = ascii(b, ns, i);
        int vs = i + 1;
        i = valueEnd(b, vs, e);
        params.put(name, b[vs] == '"' ? value(b, vs + 1, i - 1, unescape) : value(b, vs, i, false));
      }
      i++;
    }
    return elements;
  }

  private static String value(byte[] b, int s, int e, boolean unescape) {
    if (!unescape) {
      return new String(b, s, e - s, StandardCharsets.UTF_8);
    }
    byte[] out = new byte[e - s];
    int n = 0;
    for (int i = s; i < e; i++) {
      if (b[i] == '\\') {
        i++;
      }
      out[n++] = b[i];
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  private static String ascii(byte[] b, int s, int e) {
    return new String(b, s, e - s, StandardCharsets.US_ASCII);
  }
}
