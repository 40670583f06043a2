package org.colony.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TsvTest {

  private static String escape(byte[] in) {
    byte[] out = new byte[Tsv.maxEscapedLength(in.length)];
    int n = Tsv.escape(in, 0, in.length, out, 0);
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  @Test
  void escapesSeparatorsBackslashesAndBadBytes() {
    assertThat(escape("a\tb\nc\rd\\e".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("a\\tb\\nc\\rd\\\\e");
    assertThat(escape(new byte[] {'x', 0x01, 0x7F})).isEqualTo("x\\x01\\x7F");
    // Latin-1 e-acute is not UTF-8; the UTF-8 one passes through
    assertThat(escape(new byte[] {'c', 'a', 'f', (byte) 0xE9})).isEqualTo("caf\\xE9");
    assertThat(escape("café ✓ 😀".getBytes(StandardCharsets.UTF_8))).isEqualTo("café ✓ 😀");
    // overlong encoding, surrogate, truncated sequence
    assertThat(escape(new byte[] {(byte) 0xC0, (byte) 0xAF})).isEqualTo("\\xC0\\xAF");
    assertThat(escape(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))
        .isEqualTo("\\xED\\xA0\\x80");
    assertThat(escape(new byte[] {'a', (byte) 0xE2, (byte) 0x9C})).isEqualTo("a\\xE2\\x9C");
    assertThat(escape("Foo \\\"Bar\\\"".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("Foo \\\\\"Bar\\\\\"");
  }

  @Test
  void unescapeReversesEscapeForAnyBytes() {
    Random rnd = new Random(3);
    for (int i = 0; i < 2000; i++) {
      byte[] in = new byte[rnd.nextInt(40)];
      rnd.nextBytes(in);
      String escaped = escape(in);
      assertThat(escaped).doesNotContain("\t", "\n", "\r");
      assertThat(Tsv.unescape(escaped)).isEqualTo(in);
    }
  }

  @Test
  void rowBuildsFieldsWithDashForEmpty() {
    TsvRow row = new TsvRow();
    row.clear().field("").field(-12).field(0).field("a\tb").field(Long.MAX_VALUE);
    assertThat(row.text().toString()).isEqualTo("-\t-12\t0\ta\\tb\t" + Long.MAX_VALUE);
    assertThat(row.clear().field(Long.MIN_VALUE).text().toString())
        .isEqualTo(String.valueOf(Long.MIN_VALUE));
  }
}
