package org.colony.jobs.syslog;

import static org.colony.jobs.syslog.TemplateMasker.isDigit;
import static org.colony.jobs.syslog.TemplateMasker.isLetter;
import static org.colony.jobs.syslog.TemplateMasker.isWord;

import java.nio.charset.StandardCharsets;

/**
 * The user-name rule of {@link TemplateMasker} ({@code --mask-users}): where sshd, sudo, pam, cron
 * and PostgreSQL name a user, by the words around the name.
 */
final class UserNames {
  private UserNames() {}

  /** Words right before a name, themselves at the start of a token. */
  private static final byte[][] BEFORE = bytes("user ", "User ", "user=", "ruser=", "USER=",
      "logname=");
  private static final byte[] FOR = bytes("for ")[0];
  private static final byte[] FROM = bytes(" from ")[0];
  private static final byte[] BY = bytes("by ")[0];
  private static final byte[] UID = bytes("(uid=")[0];
  private static final byte[] SUDO = bytes(" : ")[0];
  private static final byte[] CMD = bytes(") CMD ")[0];

  /**
   * The end of the user name starting at {@code b[i]} (a letter or {@code _}), or -1 when the
   * words around it do not say it is one.
   */
  static int end(byte[] b, int s, int i, int e) {
    int j = i + 1;
    while (j < e && (isLetter(b[j]) || isDigit(b[j]) || b[j] == '_' || b[j] == '.'
        || b[j] == '-')) {
      j++;
    }
    while (b[j - 1] == '.' || b[j - 1] == '-') {
      j--;
    }
    for (byte[] before : BEFORE) {
      if (precededBy(b, s, i, before)) {
        return j;
      }
    }
    if (precededBy(b, s, i, FOR) && followedBy(b, j, e, FROM)
        || precededBy(b, s, i, BY) && followedBy(b, j, e, UID)
        || i == s && followedBy(b, j, e, SUDO)
        || i == s + 1 && b[s] == '(' && followedBy(b, j, e, CMD)) {
      return j;
    }
    return -1;
  }

  /** Whether {@code word} ends right before {@code i} and starts a token. */
  private static boolean precededBy(byte[] b, int s, int i, byte[] word) {
    int start = i - word.length;
    if (start < s || start > s && isWord(b[start - 1])) {
      return false;
    }
    return java.util.Arrays.equals(word, 0, word.length, b, start, i);
  }

  private static boolean followedBy(byte[] b, int j, int e, byte[] word) {
    return j + word.length <= e && java.util.Arrays.equals(word, 0, word.length, b, j,
        j + word.length);
  }

  private static byte[][] bytes(String... words) {
    byte[][] b = new byte[words.length][];
    for (int k = 0; k < words.length; k++) {
      b[k] = words[k].getBytes(StandardCharsets.US_ASCII);
    }
    return b;
  }
}
