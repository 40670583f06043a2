package org.colony.jobs.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.io.DataOutputBuffer;
import org.junit.jupiter.api.Test;

/** A map task's in-memory sums: bounded, and summing to what summing every line gives. */
class MapSideSumsTest {

  /** What a map task emits: serialized, as the map output buffer would take it. */
  private static final class Emitted implements MapSideSums.Sink {
    final List<byte[]> keys = new ArrayList<>();
    final List<byte[]> values = new ArrayList<>();

    @Override
    public void write(SyslogStatsKey key, SyslogStats value) throws IOException {
      DataOutputBuffer k = new DataOutputBuffer();
      key.write(k);
      keys.add(java.util.Arrays.copyOf(k.getData(), k.getLength()));
      DataOutputBuffer v = new DataOutputBuffer();
      value.write(v);
      values.add(java.util.Arrays.copyOf(v.getData(), v.getLength()));
    }

    /** The emitted values summed per key. */
    Map<SyslogStatsKey, SyslogStats> summed() throws IOException {
      Map<SyslogStatsKey, SyslogStats> m = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        SyslogStatsKey k = new SyslogStatsKey();
        k.readFields(new DataInputStream(new ByteArrayInputStream(keys.get(i))));
        SyslogStats v = new SyslogStats();
        v.readFields(new DataInputStream(new ByteArrayInputStream(values.get(i))));
        m.computeIfAbsent(k, x -> new SyslogStats().clear()).add(v);
      }
      return m;
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void boundedSumsEmitWhatSummingEveryLineGives() throws Exception {
    Random rnd = new Random(9);
    Map<SyslogStatsKey, SyslogStats> want = new HashMap<>();
    MapSideSums few = new MapSideSums(7, Long.MAX_VALUE);
    MapSideSums small = new MapSideSums(Integer.MAX_VALUE, 4_000);
    MapSideSums large = new MapSideSums(Integer.MAX_VALUE, Long.MAX_VALUE);
    Emitted fewOut = new Emitted();
    Emitted smallOut = new Emitted();
    Emitted largeOut = new Emitted();
    // one key object and one value object, reused as the mapper reuses them
    SyslogStatsKey key = new SyslogStatsKey();
    SyslogStats value = new SyslogStats();
    int lines = 3000;
    for (int i = 0; i < lines; i++) {
      byte[] host = utf8("web" + rnd.nextInt(5));
      byte[] app = utf8(rnd.nextBoolean() ? "sshd" : "cron");
      if (rnd.nextBoolean()) {
        key.setHourly(rnd.nextInt(3), host, 0, host.length, app, 0, app.length, rnd.nextInt(9));
        value.setCount(1);
      } else {
        byte[] t = utf8("template " + rnd.nextInt(6));
        byte[] m = utf8("message " + rnd.nextInt(1000));
        key.setTemplate(t, 0, t.length, host, 0, host.length, app, 0, app.length);
        value.setLine(rnd.nextInt(9), rnd.nextInt(100_000), m, 0, m.length);
      }
      want.computeIfAbsent(new SyslogStatsKey().set(key), k -> new SyslogStats().clear())
          .add(value);
      few.add(key, value, fewOut);
      small.add(key, value, smallOut);
      large.add(key, value, largeOut);
    }
    for (MapSideSums s : List.of(few, small, large)) {
      assertThat(s.size()).isLessThanOrEqualTo(want.size());
    }
    few.flush(fewOut);
    small.flush(smallOut);
    large.flush(largeOut);
    assertThat(few.size()).isZero();

    assertThat(want.size()).as("distinct keys").isGreaterThan(100);
    for (Emitted out : List.of(fewOut, smallOut, largeOut)) {
      assertThat(out.summed()).isEqualTo(want);
    }
    assertThat(largeOut.keys).as("one record per key").hasSize(want.size());
    assertThat(large.flushes()).isEqualTo(1);
    assertThat(few.flushes()).as("every 7 new keys").isGreaterThan(lines / 100);
    assertThat(small.flushes()).as("every 4,000 bytes")
        .isGreaterThan(want.size() * (long) MapSideSums.ENTRY_OVERHEAD / 4_000 - 1);
    assertThat(fewOut.keys.size()).isGreaterThan(want.size()).isLessThan(lines);
  }
}
