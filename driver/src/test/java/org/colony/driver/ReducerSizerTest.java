package org.colony.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class ReducerSizerTest {
  private static final long MB = 1024 * 1024;

  @Test
  void ceilOfInputOverBytesPerReducerClamped() {
    ReducerSizer s = new ReducerSizer(256 * MB, 10);
    assertThat(s.decide(0, 0).reducers()).isEqualTo(1);
    assertThat(s.decide(1, 0).reducers()).isEqualTo(1);
    assertThat(s.decide(256 * MB, 0).reducers()).isEqualTo(1);
    assertThat(s.decide(256 * MB + 1, 0).reducers()).isEqualTo(2);
    assertThat(s.decide(2560 * MB, 0).reducers()).isEqualTo(10);
    SizingDecision capped = s.decide(100_000 * MB, 0);
    assertThat(capped.reducers()).isEqualTo(10);
    assertThat(capped.reason()).contains("= 391").contains("capped at colony.reducers.max 10");
  }

  @Test
  void explicitCountWinsAndIsNotCapped() {
    SizingDecision d = new ReducerSizer(256 * MB, 10).decide(5, 40);
    assertThat(d.reducers()).isEqualTo(40);
    assertThat(d.rule()).isEqualTo("explicit");
    assertThat(d.reason()).isEqualTo("--reducers 40");
  }

  @Test
  void readsItsKeysWithSuffixes() {
    Configuration conf = new Configuration(false);
    conf.set("colony.bytes.per.reducer", "1m");
    conf.set("colony.reducers.max", "3");
    SizingDecision d = new ReducerSizer(conf).decide(5 * MB / 2, 0);
    assertThat(d.reducers()).isEqualTo(3);
    assertThat(d.bytesPerReducer()).isEqualTo(MB);
    conf.set("colony.bytes.per.reducer", "0");
    assertThatThrownBy(() -> new ReducerSizer(conf)).hasMessageContaining("must be positive");
  }
}
