package org.colony.jobs.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The test's regex masker, which the job tests' oracle uses, gives the hand-written templates of
 * {@link TemplateMaskerTest}; and it agrees with {@link TemplateMasker} on many messages glued
 * together from pieces chosen to meet at the rules' corners.
 */
class RegexMaskerTest {

  /** Pieces of messages: values, near-values, separators, words, user contexts. */
  private static final String[] PIECES = {"1.2.3.4", "255.255.255.255", "256.1.1.1", "01.2.3.4",
      "::", "::1", "2001:db8::", "fe80::1", "::ffff:1.2.3.4", "1:2:3:4:5:6:7:8", "a:b", ":",
      "::::", ".", "..", "-", "_", "/", "//", "/usr/bin/x", "/a.", "/b:", "=", "(", ")", "[", "]",
      "{", "<", ">", ",", ";", "\"", "'", "\\", "\\\"", " ", "  ", "\t", "x", "ab", "abc", "AB",
      "Zz", "ssh2", "eth0", "0", "7", "12", "123", "4096", "00", "0x", "0x1f", "0xZ", "1f",
      "3A1F2", "deadbeef", "deadbeef1", "ED25519", "12ms", "1.5s", "5d", "2min", "3h", "12kB",
      "1GiB", "B", "ms", "ns", "10:15:02", "10:15:02.123", "2026-11-24", "2026/11/24", "T",
      "Z", "+01:00", "+0100", "-05", "2026-11-24T10:15:02Z", "52:54:00:12:34:56", "aa:bb",
      "c1a4e7b2-3f5d-4e8a-9b6c-2d1f0e9a8b7c", "a@b.c", "x@example.com", "u_s.e-r@mail.x.org",
      "@", "mail.example.com", "a.b.cc", "A.B.COM", "x.y", "http://x.org/p?q", "ftp:", "://",
      "QUJDREVGR0hJSktMTU5PUFFSU1RVVg==", "aGVsbG8gd29ybGQgMTIzNDU2Nzg5", "+", "%", "#", "*",
      "user ", "User ", "user=", "USER=", "ruser=", "logname=", "for ", " from ", "by ",
      "(uid=", " : ", ") CMD ", "root", "j.doe", "alice.", "é", "✓", "\u00FC", "port ", "ID="};

  private static String latin1(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static String fromLatin1(String s) {
    return new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  @Test
  void regexMaskerGivesTheHandWrittenTemplates() {
    SoftAssertions soft = new SoftAssertions();
    RegexMasker keep = new RegexMasker(false);
    RegexMasker users = new RegexMasker(true);
    for (String[][] table : List.of(TemplateMaskerTest.MESSAGES, TemplateMaskerTest.EDGES)) {
      for (String[] row : table) {
        soft.assertThat(fromLatin1(keep.mask(latin1(row[0])))).as(row[0]).isEqualTo(row[1]);
      }
    }
    for (String[] row : TemplateMaskerTest.USERS) {
      soft.assertThat(fromLatin1(users.mask(latin1(row[0])))).as(row[0]).isEqualTo(row[1]);
    }
    soft.assertAll();
  }

  @Test
  void bothMaskersAgreeOnGluedPieces() {
    Random rnd = new Random(20261124);
    for (boolean maskUsers : new boolean[] {false, true}) {
      TemplateMasker bytes = new TemplateMasker(maskUsers);
      RegexMasker regex = new RegexMasker(maskUsers);
      List<String> differ = new ArrayList<>();
      int n = 20_000;
      for (int i = 0; i < n; i++) {
        StringBuilder m = new StringBuilder();
        for (int k = rnd.nextInt(8); k >= 0; k--) {
          m.append(PIECES[rnd.nextInt(PIECES.length)]);
        }
        String message = latin1(m.toString());
        byte[] b = message.getBytes(StandardCharsets.ISO_8859_1);
        bytes.mask(b, 0, b.length);
        String got = new String(bytes.bytes(), 0, bytes.length(), StandardCharsets.ISO_8859_1);
        String want = regex.mask(message);
        if (!got.equals(want) && differ.size() < 10) {
          differ.add("[" + message + "] masker [" + got + "] regex [" + want + "]");
        }
      }
      assertThat(differ).as("users masked: %s", maskUsers).isEmpty();
    }
  }
}
