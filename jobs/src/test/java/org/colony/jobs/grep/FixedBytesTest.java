package org.colony.jobs.grep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Boyer-Moore-Horspool against a naive search, and its edges. */
class FixedBytesTest {

  private static int naive(byte[] h, int from, int to, byte[] n) {
    outer:
    for (int i = from; i + n.length <= to; i++) {
      for (int j = 0; j < n.length; j++) {
        if (h[i + j] != n[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void findsWhatANaiveSearchFindsOnRandomBytes() {
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      int alphabet = 1 + random.nextInt(round % 3 == 0 ? 256 : 4); // small alphabets repeat a lot
      byte[] h = new byte[random.nextInt(200)];
      for (int i = 0; i < h.length; i++) {
        h[i] = (byte) (random.nextInt(alphabet) - (alphabet > 128 ? 128 : 0));
      }
      byte[] n;
      if (h.length > 0 && random.nextBoolean()) {
        int s = random.nextInt(h.length);
        int len = random.nextInt(Math.min(12, h.length - s) + 1);
        n = java.util.Arrays.copyOfRange(h, s, s + len);
      } else {
        n = new byte[1 + random.nextInt(6)];
        for (int i = 0; i < n.length; i++) {
          n[i] = (byte) (random.nextInt(alphabet) - (alphabet > 128 ? 128 : 0));
        }
      }
      int from = h.length == 0 ? 0 : random.nextInt(h.length);
      int to = from + random.nextInt(h.length - from + 1);
      assertThat(new FixedBytes(n).indexOf(h, from, to)).as("round %d", round)
          .isEqualTo(naive(h, from, to, n));
    }
  }

  @Test
  void edges() {
    byte[] h = utf8("GET /search?q=M\u00fctze HTTP/1.1");
    assertThat(new FixedBytes(utf8("GET")).indexOf(h, 0, h.length)).isZero();
    assertThat(new FixedBytes(utf8("HTTP/1.1")).indexOf(h, 0, h.length))
        .isEqualTo(h.length - 8);
    assertThat(new FixedBytes(utf8("M\u00fctze")).in(h, h.length)).isTrue();
    assertThat(new FixedBytes(utf8("Mutze")).in(h, h.length)).isFalse();
    assertThat(new FixedBytes(utf8("HTTP/1.1")).in(h, h.length - 1)).as("only up to length")
        .isFalse();
    assertThat(new FixedBytes(utf8("HTTP/1.1 and more")).in(h, h.length)).isFalse();
    assertThat(new FixedBytes(new byte[0]).indexOf(h, 3, h.length)).isEqualTo(3);
    assertThat(new FixedBytes(new byte[0]).in(new byte[0], 0)).isTrue();
    assertThat(new FixedBytes(utf8("a")).in(new byte[0], 0)).isFalse();
    // a needle whose last byte repeats inside it, and bytes above 0x7F in the skip table
    byte[] hay = {(byte) 0xC3, (byte) 0xBC, 'a', 'a', 'b', 'a', 'a', 'a', 'b', (byte) 0xFF};
    assertThat(new FixedBytes(new byte[] {'a', 'a', 'a', 'b'}).indexOf(hay, 0, hay.length))
        .isEqualTo(5);
    assertThat(new FixedBytes(new byte[] {'b', (byte) 0xFF}).indexOf(hay, 0, hay.length))
        .isEqualTo(8);
    assertThat(new FixedBytes(new byte[] {(byte) 0xBC, 'a'}).indexOf(hay, 0, hay.length))
        .isEqualTo(1);
  }
}
