package org.colony.jobs.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Session cutting on hand-written hit sequences. */
class SessionCutterTest {
  private static final long S = 1000;
  private static final long MIN = 60 * S;
  private static final long T0 = 1_795_824_000_000L; // 2026-11-28T00:00:00Z

  /** A finished session, copied out of the reused one. */
  private record Cut(long start, long end, long duration, long hits, long bytes, String entry,
      String exit, long day) {}

  private final List<Cut> cuts = new ArrayList<>();

  private SessionCutter cutter(long gap) {
    return new SessionCutter(gap, s -> cuts.add(new Cut(s.start(), s.end(), s.durationSeconds(),
        s.hits(), s.bytes(), new String(s.entry(), 0, s.entryLength(), StandardCharsets.UTF_8),
        new String(s.exit(), 0, s.exitLength(), StandardCharsets.UTF_8), s.startDay())));
  }

  private static void hit(SessionCutter c, long time, String path, long bytes) throws Exception {
    byte[] p = ("xx" + path + "yy").getBytes(StandardCharsets.UTF_8);
    c.hit(time, p, 2, p.length - 4, bytes); // the path inside a larger buffer
  }

  @Test
  void aHitExactlyTheGapAfterThePreviousStaysInTheSession() throws Exception {
    SessionCutter c = cutter(30 * MIN);
    hit(c, T0, "/", 100);
    hit(c, T0 + 30 * MIN, "/a", 10); // exactly the gap: same session
    hit(c, T0 + 60 * MIN + 1, "/b", 1); // 1 ms more than the gap after /a: a new session
    hit(c, T0 + 90 * MIN + 1, "/c", 2); // exactly the gap again
    c.finish();
    assertThat(cuts).containsExactly(
        new Cut(T0, T0 + 30 * MIN, 1800, 2, 110, "/", "/a", 20_785),
        new Cut(T0 + 60 * MIN + 1, T0 + 90 * MIN + 1, 1800, 2, 3, "/b", "/c", 20_785));
  }

  @Test
  void theGapIsBetweenConsecutiveHitsNotFromTheStart() throws Exception {
    SessionCutter c = cutter(30 * MIN);
    for (int i = 0; i < 10; i++) {
      hit(c, T0 + i * 29 * MIN, "/p" + i, 1); // 4 h 21 min of hits 29 minutes apart
    }
    c.finish();
    assertThat(cuts).containsExactly(
        new Cut(T0, T0 + 261 * MIN, 261 * 60, 10, 10, "/p0", "/p9", 20_785));
  }

  @Test
  void singleHitSessionsLastZeroSeconds() throws Exception {
    SessionCutter c = cutter(15 * MIN);
    hit(c, T0, "/robots.txt", 68);
    hit(c, T0 + 15 * MIN + 1, "/", -1); // unknown size counts 0
    hit(c, T0 + 2 * 15 * MIN + 2, "/sitemap.xml", 5);
    c.finish();
    assertThat(cuts).containsExactly(
        new Cut(T0, T0, 0, 1, 68, "/robots.txt", "/robots.txt", 20_785),
        new Cut(T0 + 15 * MIN + 1, T0 + 15 * MIN + 1, 0, 1, 0, "/", "/", 20_785),
        new Cut(T0 + 30 * MIN + 2, T0 + 30 * MIN + 2, 0, 1, 5, "/sitemap.xml", "/sitemap.xml",
            20_785));
  }

  @Test
  void identicalTimestampsAreOneSessionInTheGivenOrder() throws Exception {
    SessionCutter c = cutter(S);
    hit(c, T0, "/", 1);
    hit(c, T0, "/app.js", 2);
    hit(c, T0, "/style.css", 4);
    hit(c, T0 + 1, "/z", 8);
    c.finish();
    assertThat(cuts).containsExactly(new Cut(T0, T0 + 1, 0, 4, 15, "/", "/z", 20_785));
  }

  @Test
  void durationIsWholeSecondsRoundedDown() throws Exception {
    SessionCutter c = cutter(30 * MIN);
    hit(c, T0 + 400, "/", 0);
    hit(c, T0 + 2 * S + 399, "/a", 0); // 1.999 s later
    c.finish();
    assertThat(cuts).extracting(Cut::duration).containsExactly(1L);
  }

  @Test
  void aSessionBelongsToTheUtcDayItStartsOn() throws Exception {
    SessionCutter c = cutter(30 * MIN);
    hit(c, T0 - 10 * MIN, "/late", 1); // 2026-11-27T23:50Z
    hit(c, T0 + 10 * MIN, "/after-midnight", 1);
    hit(c, T0 + 41 * MIN, "/next", 1);
    c.finish();
    assertThat(cuts).extracting(Cut::day).containsExactly(20_784L, 20_785L);
    assertThat(cuts.get(0).duration()).isEqualTo(20 * 60);
  }

  @Test
  void beforeEpochStartDaysRoundDown() throws Exception {
    SessionCutter c = cutter(MIN);
    hit(c, -1, "/", 1);
    c.finish();
    assertThat(cuts).extracting(Cut::day).containsExactly(-1L);
  }

  @Test
  void finishEndsTheVisitorAndTheCutterStartsAfresh() throws Exception {
    SessionCutter c = cutter(30 * MIN);
    c.finish(); // no hits: no session
    assertThat(cuts).isEmpty();
    hit(c, T0, "/a", 1);
    c.finish();
    hit(c, T0 + S, "/b", 2); // the next visitor, one second later: its own session
    c.finish();
    c.finish();
    assertThat(cuts).containsExactly(
        new Cut(T0, T0, 0, 1, 1, "/a", "/a", 20_785),
        new Cut(T0 + S, T0 + S, 0, 1, 2, "/b", "/b", 20_785));
  }

  @Test
  void longPathsAndEmptyPathsAreKept() throws Exception {
    SessionCutter c = cutter(30 * MIN);
    String longPath = "/" + "x".repeat(5000);
    hit(c, T0, "", 1);
    hit(c, T0 + S, longPath, 1);
    c.finish();
    assertThat(cuts.get(0).entry()).isEmpty();
    assertThat(cuts.get(0).exit()).isEqualTo(longPath);
  }

  @Test
  void hitsOutOfTimeOrderAreAnError() throws Exception {
    SessionCutter c = cutter(30 * MIN);
    hit(c, T0, "/", 1);
    assertThatThrownBy(() -> hit(c, T0 - 1, "/", 1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("out of time order");
    assertThatThrownBy(() -> cutter(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
