package org.colony.jobs.syslog;

import java.nio.charset.StandardCharsets;

/**
 * Turns a syslog message into its template: the variable parts replaced by a mask, so that
 * {@code Failed password for root from 203.0.113.5 port 50228 ssh2} and the same line with
 * another address and port are one template, {@code Failed password for root from <ip> port
 * <num> ssh2}. Works on bytes, one pass, no regular expressions, no allocation once its buffer
 * has grown to the longest template.
 *
 * <p>The message is scanned left to right. Where a token may start, after the start of the
 * message or a byte that is not a word byte ({@code [A-Za-z0-9_]}), the rules below are tried in
 * order and the first that matches replaces what it matched; otherwise a whole word, or one
 * other byte, is copied as it is. A rule matches only when the thing it masks ends where a token
 * ends: a byte that is not a word byte follows (or the end). So {@code ssh2}, {@code eth0} and
 * {@code x86_64} stay, while the {@code 0} of {@code pts/0} is masked.
 *
 * <ol>
 *   <li>{@code <user>}, only when users are masked: the name (a word of {@code [A-Za-z0-9._-]}
 *       starting with a letter or {@code _}, trailing dots and dashes left out) after
 *       {@code user }, {@code User }, {@code user=}, {@code ruser=}, {@code USER=},
 *       {@code logname=}; between {@code for } and {@code  from } (sshd); between {@code by } and
 *       {@code (uid=} (pam); before {@code  : } at the start of the message (sudo); between a
 *       {@code (} that starts the message and {@code ) CMD } (cron).
 *   <li>{@code "<str>"}: a double-quoted string, backslash escapes inside; and {@code '<str>'}: a
 *       single-quoted one, up to the next {@code '}, which must end a token ({@code can't} is no
 *       quote). An unclosed quote is copied.
 *   <li>{@code <url>}: {@code scheme://} and what follows up to a space, a control byte or one of
 *       {@code "'<>()[]{},;}.
 *   <li>{@code <path>}: {@code /} and at least one more byte up to the same stop bytes, without
 *       trailing {@code .} and {@code :}, when the {@code /} starts the message or follows a
 *       space, tab or one of {@code =:([{<,"'} (so {@code pts/0} and {@code 0.1/0/0.2} are no
 *       paths).
 *   <li>{@code <email>}: {@code local@domain}, the domain two or more labels.
 *   <li>{@code <uuid>}: 8-4-4-4-12 hex digits.
 *   <li>{@code <mac>}: six or more groups of two hex digits joined by {@code :}, not preceded or
 *       followed by {@code :}.
 *   <li>{@code <ip>}: an IPv6 address (RFC 4291 text: groups of 1-4 hex digits, at most one
 *       {@code ::}, an IPv4 address as the last 32 bits; at least two colons and a hex digit;
 *       not preceded by {@code :}; a trailing {@code .} or single {@code :} is not part of it),
 *       or an IPv4 address (four decimal octets 0-255 without leading zeros, not followed by
 *       {@code .} and a digit). A port stays apart: {@code <ip>:<num>}.
 *   <li>{@code <host>}: a lower-case host name with at least two dots ({@code mx.example.org});
 *       its last label letters only, two or more of them. A name with one dot is left alone: it
 *       cannot be told apart from unit and file names ({@code nginx.service}, {@code app.js}),
 *       and neither can upper-case names from Java classes.
 *   <li>{@code <time>}: a date and time ({@code 2026-11-24T10:15:02.123+01:00},
 *       {@code 2026/11/24 10:15:02}) or a clock time {@code hh:mm:ss[.fff]}; {@code <date>}: a
 *       date {@code yyyy-mm-dd} or {@code yyyy/mm/dd} alone.
 *   <li>{@code <duration>}: a number with a unit ns, us, ms, s, sec, m, min, h or d
 *       ({@code 12ms}); {@code <size>}: with B, kB, KB, KiB, MB, MiB, GB, GiB, TB or TiB. A
 *       number and its unit apart ({@code 5000 ms}) are {@code <num> ms}.
 *   <li>{@code <hex>}: {@code 0x} and hex digits; a run of hex digits with both a digit and a
 *       letter that starts with a digit ({@code 1f}) or is 5 or more long ({@code 4F2A31C0E1},
 *       postfix's queue ids, {@code C081D} and {@code 3A1F2} in "queued as", hashes). Such
 *       words are masked too ({@code ED25519}, {@code e1000e}): a constant word masked costs a
 *       little detail, a variable one left costs a template per value. Shorter runs starting
 *       with a letter ({@code ab12}) are words.
 *   <li>{@code <id>}: a run of 16 or more of {@code [A-Za-z0-9+/]} starting with a letter or a
 *       digit and holding both, with its {@code =} padding (base64 keys, tokens, long ids); not
 *       followed by {@code +} or {@code /}.
 *   <li>{@code <num>}: digits, with {@code .digits} groups ({@code 1.8}, {@code 8.2302.0}).
 * </ol>
 *
 * <p>Everything else, spaces included, is copied byte for byte; bytes that are not ASCII are
 * never word bytes.
 */
public final class TemplateMasker {
  static final byte[] USER = ascii("<user>");
  static final byte[] STR = ascii("\"<str>\"");
  static final byte[] SQUOTED = ascii("'<str>'");
  static final byte[] URL = ascii("<url>");
  static final byte[] PATH = ascii("<path>");
  static final byte[] EMAIL = ascii("<email>");
  static final byte[] UUID = ascii("<uuid>");
  static final byte[] MAC = ascii("<mac>");
  static final byte[] IP = ascii("<ip>");
  static final byte[] HOST = ascii("<host>");
  static final byte[] TIME = ascii("<time>");
  static final byte[] DATE = ascii("<date>");
  static final byte[] HEX = ascii("<hex>");
  static final byte[] ID = ascii("<id>");
  static final byte[] DURATION = ascii("<duration>");
  static final byte[] SIZE = ascii("<size>");
  static final byte[] NUM = ascii("<num>");

  private final boolean maskUsers;
  private byte[] out = new byte[256];
  private int length;
  /** The mask of the last rule that matched. */
  private byte[] mask;

  public TemplateMasker(boolean maskUsers) {
    this.maskUsers = maskUsers;
  }

  /** Masks {@code b[s, s+n)}; the template is {@link #bytes()} up to {@link #length()}. */
  public TemplateMasker mask(byte[] b, int s, int n) {
    length = 0;
    int e = s + n;
    int i = s;
    while (i < e) {
      if (i == s || !isWord(b[i - 1])) {
        int j = rule(b, s, i, e);
        if (j > i) {
          append(mask, 0, mask.length);
          i = j;
          continue;
        }
      }
      int j = i + 1;
      if (isWord(b[i])) {
        while (j < e && isWord(b[j])) {
          j++;
        }
      }
      append(b, i, j - i);
      i = j;
    }
    return this;
  }

  /** The template of a String's UTF-8 bytes, for tests and tools. */
  public String mask(String message) {
    byte[] b = message.getBytes(StandardCharsets.UTF_8);
    mask(b, 0, b.length);
    return new String(out, 0, length, StandardCharsets.UTF_8);
  }

  /** The template's bytes, valid up to {@link #length()}, overwritten by the next call. */
  public byte[] bytes() {
    return out;
  }

  public int length() {
    return length;
  }

  /** The end of what the first matching rule at {@code i} masks (setting {@link #mask}), or -1. */
  private int rule(byte[] b, int s, int i, int e) {
    byte c = b[i];
    int j;
    if (maskUsers && (isLetter(c) || c == '_') && (j = UserNames.end(b, s, i, e)) > 0) {
      return found(USER, j);
    }
    if (c == '"') {
      return found(STR, doubleQuoted(b, i, e));
    }
    if (c == '\'') {
      return found(SQUOTED, singleQuoted(b, i, e));
    }
    if (c == '/') {
      return found(PATH, path(b, s, i, e));
    }
    if (c == ':') {
      return found(IP, Addresses.ipv6(b, s, i, e));
    }
    if (!isWord(c)) {
      return -1;
    }
    // Most tokens are plain words and numbers: a run of letters (digits) followed by a byte that
    // can continue no rule's match is a word (a number), without trying each rule.
    int k = i + 1;
    if (isLetter(c)) {
      while (k < e && isLetter(b[k])) {
        k++;
      }
      if (k == e || !isDigit(b[k]) && !mayContinue(b[k])) {
        return -1;
      }
    } else if (isDigit(c)) {
      while (k < e && isDigit(b[k])) {
        k++;
      }
      if (k == e || !isLetter(b[k]) && !mayContinue(b[k])) {
        return found(NUM, k);
      }
    }
    if (isLetter(c) && (j = url(b, i, e)) > 0) {
      return found(URL, j);
    }
    if ((j = email(b, i, e)) > 0) {
      return found(EMAIL, j);
    }
    if (isHex(c)) {
      if ((j = uuid(b, i, e)) > 0) {
        return found(UUID, j);
      }
      if ((j = Addresses.mac(b, s, i, e)) > 0) {
        return found(MAC, j);
      }
      if ((j = Addresses.ipv6(b, s, i, e)) > 0) {
        return found(IP, j);
      }
    }
    if (isDigit(c) && (j = Addresses.ipv4(b, i, e)) > 0) {
      return found(IP, j);
    }
    if ((j = Addresses.hostName(b, i, e)) > 0) {
      return found(HOST, j);
    }
    if (isDigit(c)) {
      if ((j = Numbers.dateTime(b, i, e)) > 0) {
        return found(TIME, j);
      }
      if ((j = Numbers.date(b, i, e)) > 0) {
        return found(DATE, j);
      }
      if ((j = Numbers.clock(b, i, e)) > 0) {
        return found(TIME, j);
      }
    }
    if (isDigit(c)) {
      if ((j = Numbers.withUnit(b, i, e, true)) > 0) {
        return found(DURATION, j);
      }
      if ((j = Numbers.withUnit(b, i, e, false)) > 0) {
        return found(SIZE, j);
      }
    }
    if (isHex(c) && (j = Numbers.hex(b, i, e)) > 0) {
      return found(HEX, j);
    }
    if ((isLetter(c) || isDigit(c)) && (j = id(b, i, e)) > 0) {
      return found(ID, j);
    }
    return isDigit(c) ? found(NUM, Numbers.number(b, i, e)) : -1;
  }

  private int found(byte[] m, int end) {
    mask = m;
    return end;
  }

  /** {@code "..."} with backslash escapes: the index after the closing quote, or -1. */
  static int doubleQuoted(byte[] b, int i, int e) {
    int j = i + 1;
    while (j < e) {
      if (b[j] == '\\') {
        j += 2;
      } else if (b[j] == '"') {
        return j + 1;
      } else {
        j++;
      }
    }
    return -1;
  }

  /** {@code '...'} up to the next quote, which must end a token: the index after it, or -1. */
  static int singleQuoted(byte[] b, int i, int e) {
    int j = i + 1;
    while (j < e && b[j] != '\'') {
      j++;
    }
    return j < e && (j + 1 == e || !isWord(b[j + 1])) ? j + 1 : -1;
  }

  static int url(byte[] b, int i, int e) {
    int j = i + 1;
    while (j < e && (isLetter(b[j]) || isDigit(b[j]) || b[j] == '+' || b[j] == '.'
        || b[j] == '-')) {
      j++;
    }
    if (j + 3 > e || b[j] != ':' || b[j + 1] != '/' || b[j + 2] != '/') {
      return -1;
    }
    j += 3;
    while (j < e && !isStop(b[j])) {
      j++;
    }
    return j;
  }

  static int path(byte[] b, int s, int i, int e) {
    if (i > s) {
      byte p = b[i - 1];
      if (p != ' ' && p != '\t' && p != '=' && p != ':' && p != '(' && p != '[' && p != '{'
          && p != '<' && p != ',' && p != '"' && p != '\'') {
        return -1;
      }
    }
    int j = i + 1;
    while (j < e && !isStop(b[j])) {
      j++;
    }
    while (j > i + 1 && (b[j - 1] == '.' || b[j - 1] == ':')) {
      j--;
    }
    return j > i + 1 ? j : -1;
  }

  static int email(byte[] b, int i, int e) {
    int j = i + 1;
    while (j < e && (isWord(b[j]) || b[j] == '.' || b[j] == '%' || b[j] == '+' || b[j] == '-')) {
      j++;
    }
    if (j >= e || b[j] != '@') {
      return -1;
    }
    int end = Addresses.labels(b, j + 1, e, false);
    if (end < 0 || end < e && isWord(b[end])) {
      return -1;
    }
    return end;
  }

  static int uuid(byte[] b, int i, int e) {
    if (i + 36 > e) {
      return -1;
    }
    for (int k = 0; k < 36; k++) {
      boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
      if (dash ? b[i + k] != '-' : !isHex(b[i + k])) {
        return -1;
      }
    }
    return i + 36 < e && isWord(b[i + 36]) ? -1 : i + 36;
  }

  static int id(byte[] b, int i, int e) {
    int j = i;
    boolean digit = false;
    boolean letter = false;
    while (j < e && (isLetter(b[j]) || isDigit(b[j]) || b[j] == '+' || b[j] == '/')) {
      digit |= isDigit(b[j]);
      letter |= isLetter(b[j]);
      j++;
    }
    if (j - i < 16 || !digit || !letter) {
      return -1;
    }
    while (j < e && b[j] == '=') {
      j++;
    }
    return j < e && (isWord(b[j]) || b[j] == '+' || b[j] == '/') ? -1 : j;
  }

  private void append(byte[] b, int s, int n) {
    if (length + n > out.length) {
      byte[] bigger = new byte[Math.max(out.length * 2, length + n)];
      System.arraycopy(out, 0, bigger, 0, length);
      out = bigger;
    }
    System.arraycopy(b, s, out, length, n);
    length += n;
  }

  static boolean isWord(byte c) {
    return isLetter(c) || isDigit(c) || c == '_';
  }

  static boolean isLetter(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  static boolean isHex(byte c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /**
   * Bytes after a run of letters or digits with which some rule could still match: the word
   * byte {@code _} and the separators of addresses, numbers, dates, e-mail, URLs and ids.
   */
  private static boolean mayContinue(byte c) {
    switch (c) {
      case '_':
      case ':':
      case '+':
      case '.':
      case '-':
      case '@':
      case '%':
      case '/':
        return true;
      default:
        return false;
    }
  }

  /** Bytes that end a URL or a path: spaces, control bytes and {@code "'<>()[]{},;}. */
  static boolean isStop(byte c) {
    if (c >= 0 && c <= ' ') {
      return true;
    }
    switch (c) {
      case '"':
      case '\'':
      case '<':
      case '>':
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case ',':
      case ';':
        return true;
      default:
        return false;
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
