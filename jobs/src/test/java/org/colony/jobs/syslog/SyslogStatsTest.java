package org.colony.jobs.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.io.DataOutputBuffer;
import org.junit.jupiter.api.Test;

/**
 * The value of syslog-stats and the figures of one template ({@link TemplateSummary}): sums in
 * any order and grouping, the example's choice, distinct hosts and the app list.
 */
class SyslogStatsTest {

  private static SyslogStats line(int severity, long micros, String message) {
    byte[] b = message.getBytes(StandardCharsets.UTF_8);
    return new SyslogStats().setLine(severity, micros, b, 0, b.length);
  }

  private static SyslogStats copy(SyslogStats s) throws IOException {
    DataOutputBuffer out = new DataOutputBuffer();
    s.write(out);
    SyslogStats c = new SyslogStats();
    c.readFields(new DataInputStream(new ByteArrayInputStream(out.getData(), 0,
        out.getLength())));
    return c;
  }

  private static String example(SyslogStats s) {
    return new String(s.example(), 0, s.exampleLength(), StandardCharsets.UTF_8);
  }

  @Test
  void sumKeepsCountsSeverityTimesAndTheEarliestExample() {
    SyslogStats sum = new SyslogStats().clear();
    sum.add(line(Severity.NONE, 500, "b later"));
    sum.add(line(6, 100, "b"));
    sum.add(line(3, 300, "x"));
    sum.add(line(4, 100, "a"));
    sum.add(line(Severity.NONE, SyslogStats.NO_TIME, "no time, smallest bytes: !"));
    assertThat(sum.count()).isEqualTo(5);
    assertThat(sum.warnings()).as("err and warning").isEqualTo(2);
    assertThat(sum.severity()).isEqualTo(3);
    assertThat(sum.first()).isEqualTo(100);
    assertThat(sum.last()).isEqualTo(500);
    assertThat(example(sum)).as("earliest, ties by bytes").isEqualTo("a");
  }

  @Test
  void linesWithoutTimeGiveAnExampleOnlyWhenNoLineHasOne() {
    SyslogStats sum = new SyslogStats().clear();
    sum.add(line(Severity.NONE, SyslogStats.NO_TIME, "zz"));
    sum.add(line(Severity.NONE, SyslogStats.NO_TIME, "yy"));
    assertThat(sum.first()).isEqualTo(SyslogStats.NO_TIME);
    assertThat(sum.last()).isEqualTo(SyslogStats.NO_LAST);
    assertThat(example(sum)).isEqualTo("yy");
    assertThat(sum.severity()).isEqualTo(Severity.NONE);
    assertThat(sum.warnings()).isZero();
    sum.add(line(7, 42, "zzz"));
    assertThat(example(sum)).isEqualTo("zzz");
    assertThat(sum.first()).isEqualTo(42);
    assertThat(sum.last()).isEqualTo(42);
    // an empty message is an example like any other: the smallest bytes
    SyslogStats empty = new SyslogStats().clear().add(line(6, 9, "b")).add(line(6, 9, ""));
    assertThat(example(empty)).isEmpty();
  }

  /** Many lines summed in any order, any grouping, through serialization: the same sum. */
  @Test
  void sumDoesNotDependOnOrderGroupingOrSerialization() throws IOException {
    Random rnd = new Random(11);
    List<SyslogStats> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      long t = rnd.nextInt(5) == 0 ? SyslogStats.NO_TIME : 1_795_939_200_000_000L
          + rnd.nextInt(50);
      lines.add(line(rnd.nextInt(9), t, "m" + rnd.nextInt(40)));
    }
    SyslogStats want = new SyslogStats().clear();
    lines.forEach(want::add);
    assertThat(want.exampleLength()).isPositive();
    for (int round = 0; round < 20; round++) {
      List<SyslogStats> shuffled = new ArrayList<>(lines);
      Collections.shuffle(shuffled, rnd);
      // partial sums as combiners make them, serialized, then summed again
      List<SyslogStats> partials = new ArrayList<>();
      int i = 0;
      while (i < shuffled.size()) {
        int n = 1 + rnd.nextInt(40);
        SyslogStats p = new SyslogStats().clear();
        shuffled.subList(i, Math.min(i + n, shuffled.size())).forEach(p::add);
        partials.add(copy(p));
        i += n;
      }
      SyslogStats got = new SyslogStats().sumOf(partials);
      assertThat(got).isEqualTo(want);
      assertThat(copy(got)).isEqualTo(want).hasSameHashCodeAs(want);
    }
  }

  @Test
  void countsAloneStayCountsAlone() throws IOException {
    SyslogStats one = new SyslogStats().setCount(1);
    SyslogStats sum = new SyslogStats().sumOf(List.of(one, copy(one), new SyslogStats()
        .setCount(40)));
    assertThat(sum.count()).isEqualTo(42);
    assertThat(sum.exampleLength()).isZero();
    assertThat(sum.toString()).isEqualTo("42");
    DataOutputBuffer out = new DataOutputBuffer();
    one.write(out);
    assertThat(out.getLength()).as("a count alone is two bytes").isEqualTo(2);
  }

  @Test
  void summaryCountsDistinctHostsFromSortedValuesAndListsApps() {
    // the values of one template as the reducer gets them: sorted by host, then app; each value
    // a combiner's partial sum
    String[][] keys = {{"", "kernel"}, {"db1", "sshd"}, {"web1", "sshd"}, {"web1", "sshd"},
        {"web1", "systemd-logind"}, {"web10", ""}, {"web2", "sshd"}};
    TemplateSummary s = new TemplateSummary();
    s.start();
    long t = 1000;
    for (String[] k : keys) {
      byte[] host = k[0].getBytes(StandardCharsets.UTF_8);
      byte[] app = k[1].getBytes(StandardCharsets.UTF_8);
      s.add(host, host.length, app, app.length, line(6, t--, "from " + k[0]));
    }
    assertThat(s.hosts()).as("'', db1, web1, web10, web2").isEqualTo(5);
    assertThat(s.stats().count()).isEqualTo(7);
    assertThat(example(s.stats())).isEqualTo("from web2");
    assertThat(apps(s)).isEqualTo("-,kernel,sshd,systemd-logind");

    // the next template starts afresh
    s.start();
    byte[] h = {'h'};
    s.add(h, 1, h, 1, line(6, 5, "x"));
    assertThat(s.hosts()).isEqualTo(1);
    assertThat(apps(s)).isEqualTo("h");
    assertThat(s.stats().count()).isEqualTo(1);
  }

  @Test
  void appListKeepsTheSmallestTenWhateverTheOrder() {
    List<String> apps = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      apps.add(String.format("app-%02d", i));
    }
    Random rnd = new Random(5);
    for (int round = 0; round < 10; round++) {
      Collections.shuffle(apps, rnd);
      TemplateSummary s = new TemplateSummary();
      s.start();
      for (String a : apps) {
        byte[] b = a.getBytes(StandardCharsets.UTF_8);
        s.add(new byte[0], 0, b, b.length, line(6, 1, "m"));
        s.add(new byte[0], 0, b, b.length, line(6, 1, "m"));
      }
      assertThat(apps(s)).isEqualTo("app-00,app-01,app-02,app-03,app-04,app-05,app-06,app-07,"
          + "app-08,app-09,...");
      assertThat(s.hosts()).isEqualTo(1);
    }
    // exactly ten: no dots
    TemplateSummary s = new TemplateSummary();
    s.start();
    for (String a : apps.stream().sorted().limit(10).toList()) {
      byte[] b = a.getBytes(StandardCharsets.UTF_8);
      s.add(b, b.length, b, b.length, line(6, 1, "m"));
    }
    assertThat(apps(s)).doesNotContain("...");
    assertThat(s.hosts()).isEqualTo(10);
  }

  private static String apps(TemplateSummary s) {
    byte[] b = s.apps();
    return new String(Arrays.copyOf(b, s.appsLength()), StandardCharsets.UTF_8);
  }
}
