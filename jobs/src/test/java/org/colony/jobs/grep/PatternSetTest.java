package org.colony.jobs.grep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** Regexes on decoded characters, fixed strings on bytes, and the patterns' configuration. */
class PatternSetTest {

  /** Which of {@code patterns} match {@code record}. */
  private static List<String> matching(PatternSet set, byte[] record) {
    set.reset(record, record.length);
    List<String> l = new ArrayList<>();
    for (int i = 0; i < set.size(); i++) {
      if (set.matches(i)) {
        l.add(set.pattern(i));
      }
    }
    return l;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void regexesMatchCharactersAndFixedStringsMatchBytes() {
    byte[] line = utf8("2026-11-24 search 'M\u00fctze' returned 3 results");
    // (?i) alone folds ASCII only, as java.util.regex does; (?iu) folds \u00fc and \u00dc too
    PatternSet regex = new PatternSet(List.of("M.tze", "returned \\d+ results$", "^search",
        "(?i)m\u00dcTZE", "(?iu)m\u00dcTZE", "x.z"), false);
    assertThat(matching(regex, line)).containsExactly("M.tze", "returned \\d+ results$",
        "(?iu)m\u00dcTZE");
    PatternSet fixed = new PatternSet(List.of("M.tze", "M\u00fctze", "returned 3", "x.z"), true);
    assertThat(matching(fixed, line)).containsExactly("M\u00fctze", "returned 3");
    assertThat(matching(fixed, utf8("ax.zb"))).containsExactly("x.z");
    assertThat(matching(regex, utf8("axyzb"))).containsExactly("x.z");
  }

  @Test
  void asciiAndDecodedRecordsInTurnAndInvalidBytes() {
    PatternSet set = new PatternSet(List.of("^ab+c$", "\u00fc", "\uFFFD"), false);
    assertThat(matching(set, utf8("abbbc"))).containsExactly("^ab+c$");
    assertThat(matching(set, utf8("\u00fcber"))).containsExactly("\u00fc");
    assertThat(matching(set, utf8("abc"))).containsExactly("^ab+c$");
    // invalid UTF-8 decodes as U+FFFD, never fails
    assertThat(matching(set, new byte[] {'a', (byte) 0xC3, 'b'})).containsExactly("\uFFFD");
    // only the first n bytes are the record
    byte[] buffer = utf8("abc\u00fc");
    set.reset(buffer, 3);
    assertThat(set.matches(0)).isTrue();
    assertThat(set.matches(1)).isFalse();
    // a long record decodes into a grown buffer
    String longLine = "\u00e9".repeat(5000) + "end";
    assertThat(matching(new PatternSet(List.of("\u00e9end$"), false), utf8(longLine)))
        .hasSize(1);
  }

  @Test
  void badOrMissingPatternsAreOneClearLine() {
    assertThatThrownBy(() -> new PatternSet(List.of("ok", "x(y"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--pattern 'x(y'").hasMessageContaining("index")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(new PatternSet(List.of("x(y"), true).size()).isEqualTo(1);
    assertThatThrownBy(() -> new PatternSet(List.of(), false))
        .hasMessageContaining("colony.grep.patterns");
  }

  @Test
  void patternsAreLinesTakenExactlyWithoutEmptyOnesAndRepeats() {
    Configuration conf = new Configuration(false);
    GrepKeys.setPatterns(conf, List.of(" 500 ", "${user.name}", "", " 500 ", "a\tb"));
    assertThat(GrepKeys.patterns(conf)).containsExactly(" 500 ", "${user.name}", "a\tb");
    assertThat(GrepKeys.patterns(new Configuration(false))).isEmpty();
    assertThatThrownBy(() -> GrepKeys.setPatterns(conf, List.of("a\nb")))
        .isInstanceOf(IllegalArgumentException.class);
    conf.set(GrepKeys.FORMAT.name(), "json");
    assertThatThrownBy(() -> GrepKeys.format(conf)).hasMessageContaining("--format")
        .hasMessageContaining("colony.grep.format");
    conf.set(GrepKeys.FORMAT.name(), "Events");
    assertThat(GrepKeys.format(conf)).isEqualTo(GrepKeys.Format.EVENTS);
  }
}
