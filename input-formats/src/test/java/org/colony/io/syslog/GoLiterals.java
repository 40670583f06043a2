package org.colony.io.syslog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the few Go expressions go-syslog's test cases are written in, from their source text:
 * string literals (interpreted, with every Go escape, and raw), joined by {@code +}, the
 * {@code BOM} constant, {@code isoLatin1String(...)}, integers and dotted names. Strings become
 * the bytes Go would hold.
 */
final class GoLiterals {
  private final String src;
  private int pos;

  GoLiterals(String src, int pos) {
    this.src = src;
    this.pos = pos;
  }

  int pos() {
    return pos;
  }

  /** The arguments of a call whose '(' is just before the cursor, up to its ')'. */
  List<Object> arguments() {
    List<Object> args = new ArrayList<>();
    skip();
    if (peek() == ')') {
      pos++;
      return args;
    }
    while (true) {
      args.add(value());
      skip();
      char c = src.charAt(pos++);
      if (c == ')') {
        return args;
      }
      if (c != ',') {
        throw error("expected , or )");
      }
      skip();
      if (peek() == ')') {
        pos++;
        return args;
      }
    }
  }

  /** A string expression (as bytes), an integer (as Long) or a dotted name (as String). */
  Object value() {
    skip();
    char c = peek();
    if (c >= '0' && c <= '9') {
      int s = pos;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        pos++;
      }
      return Long.parseLong(src.substring(s, pos));
    }
    if (c == '"' || c == '`' || src.startsWith("BOM", pos) || src.startsWith("isoLatin1String", pos)) {
      return bytes();
    }
    int s = pos;
    while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos))
        || src.charAt(pos) == '.' || src.charAt(pos) == '_')) {
      pos++;
    }
    if (s == pos) {
      throw error("unexpected " + c);
    }
    return src.substring(s, pos);
  }

  /** A string expression: terms joined by '+'. */
  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      skip();
      out.writeBytes(term());
      skip();
      if (peek() != '+') {
        return out.toByteArray();
      }
      pos++;
    }
  }

  private byte[] term() {
    char c = peek();
    if (c == '"') {
      return interpreted();
    }
    if (c == '`') {
      int end = src.indexOf('`', pos + 1);
      String raw = src.substring(pos + 1, end).replace("\r", "");
      pos = end + 1;
      return raw.getBytes(StandardCharsets.UTF_8);
    }
    if (src.startsWith("BOM", pos)) {
      pos += 3;
      return new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    }
    if (src.startsWith("isoLatin1String(", pos)) {
      pos += "isoLatin1String(".length();
      byte[] utf8 = bytes();
      skip();
      if (src.charAt(pos++) != ')') {
        throw error("expected )");
      }
      return new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
    }
    throw error("not a string");
  }

  private byte[] interpreted() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pos++;
    while (true) {
      char c = src.charAt(pos);
      if (c == '"') {
        pos++;
        return out.toByteArray();
      }
      if (c != '\\') {
        int cp = src.codePointAt(pos);
        pos += Character.charCount(cp);
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      char e = src.charAt(pos + 1);
      pos += 2;
      switch (e) {
        case 'a' -> out.write(7);
        case 'b' -> out.write(8);
        case 'f' -> out.write(12);
        case 'n' -> out.write(10);
        case 'r' -> out.write(13);
        case 't' -> out.write(9);
        case 'v' -> out.write(11);
        case '\\', '"', '\'' -> out.write(e);
        case 'x' -> {
          out.write(Integer.parseInt(src.substring(pos, pos + 2), 16));
          pos += 2;
        }
        case 'u', 'U' -> {
          int n = e == 'u' ? 4 : 8;
          int cp = Integer.parseInt(src.substring(pos, pos + n), 16);
          pos += n;
          out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        }
        default -> {
          if (e >= '0' && e <= '7') {
            out.write(Integer.parseInt(src.substring(pos - 1, pos + 2), 8));
            pos += 2;
          } else {
            throw error("unknown escape \\" + e);
          }
        }
      }
    }
  }

  /** Skips white space and // comments. */
  private void skip() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (src.startsWith("//", pos)) {
        int nl = src.indexOf('\n', pos);
        pos = nl < 0 ? src.length() : nl + 1;
      } else {
        return;
      }
    }
  }

  private char peek() {
    return pos < src.length() ? src.charAt(pos) : '\0';
  }

  private IllegalStateException error(String what) {
    return new IllegalStateException(what + " at " + pos + " in: "
        + src.substring(Math.max(0, pos - 40), Math.min(src.length(), pos + 40)));
  }
}
