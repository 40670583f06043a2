package org.colony.io.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Utf8#isValid} against the JDK's strict UTF-8 decoder. */
class Utf8Test {

  @ParameterizedTest
  @ValueSource(strings = {"", "41", "c2a9", "e282ac", "f09f9880", "efbbbf", "f48fbfbf", "ed9fbf",
      "ee8080", "efbfbe"})
  void wellFormed(String hex) {
    assertThat(Utf8.isValid(bytes(hex), 0, hex.length() / 2)).isTrue();
    assertThat(jdk(bytes(hex))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"80", "bf", "c0af", "c1bf", "c2", "c241", "e082", "e080af", "eda080",
      "edbfbf", "f08f8080", "f4908080", "f5808080", "f8888080 80", "fe", "ff", "e282", "f09f98"})
  void illFormed(String hex) {
    byte[] b = bytes(hex.replace(" ", ""));
    assertThat(Utf8.isValid(b, 0, b.length)).isFalse();
    assertThat(jdk(b)).isFalse();
  }

  /** Random short sequences biased towards the interesting lead and continuation bytes. */
  @Test
  void agreesWithTheJdkOnRandomBytes() {
    Random rnd = new Random(42);
    int[] pool = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf,
        0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff};
    int valid = 0;
    for (int n = 0; n < 50_000; n++) {
      byte[] b = new byte[1 + rnd.nextInt(6)];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) (rnd.nextInt(4) == 0 ? rnd.nextInt(256) : pool[rnd.nextInt(pool.length)]);
      }
      boolean expected = jdk(b);
      assertThat(Utf8.isValid(b, 0, b.length)).as(HexFormat.of().formatHex(b)).isEqualTo(expected);
      valid += expected ? 1 : 0;
    }
    // both outcomes were exercised
    assertThat(valid).isBetween(500, 49_500);
  }

  @Test
  void checksOnlyTheRange() {
    byte[] b = bytes("ff41c2a9ff");
    assertThat(Utf8.isValid(b, 1, 4)).isTrue();
    assertThat(Utf8.isValid(b, 1, 3)).isFalse();
  }

  private static final CharsetDecoder DECODER = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

  private static boolean jdk(byte[] b) {
    try {
      DECODER.reset().decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
