package org.colony.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private static String run(boolean terminal, boolean mapOnly, long interval, float[][] polls) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(b, true, StandardCharsets.UTF_8);
    Progress p = new Progress("access-stats", mapOnly, terminal, interval, out);
    for (float[] poll : polls) {
      p.update(poll[0], poll[1], (long) poll[2]);
    }
    p.done();
    return b.toString(StandardCharsets.UTF_8);
  }

  @Test
  void terminalUpdatesOneLineInPlaceWithTimeLeft() {
    String s = run(true, false, 30_000, new float[][] {{0.2f, 0f, 1000}, {0.5f, 0f, 10_000},
        {1f, 0.5f, 30_000}});
    assertThat(s).startsWith("\raccess-stats  map  20%  reduce   0%  0:01");
    assertThat(s).contains("\raccess-stats  map  50%  reduce   0%  0:10  ~0:30 left");
    assertThat(s).contains("\raccess-stats  map 100%  reduce  50%  0:30  ~0:10 left");
    assertThat(s.chars().filter(c -> c == '\n').count()).as("one line, ended once").isEqualTo(1);
  }

  @Test
  void withoutTerminalAPlainLineEveryInterval() {
    String s = run(false, true, 30_000, new float[][] {{0.1f, 0f, 5_000}, {0.5f, 0f, 29_000},
        {0.6f, 0f, 31_000}, {0.9f, 0f, 45_000}, {1f, 0f, 61_000}});
    assertThat(s).doesNotContain("\r");
    assertThat(s.lines()).containsExactly(
        "access-stats  map  60%  reduce   0%  0:31  ~0:20 left",
        "access-stats  map 100%  reduce   0%  1:01");
  }
}
