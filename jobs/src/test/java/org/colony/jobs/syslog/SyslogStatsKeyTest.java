package org.colony.jobs.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.WritableComparator;
import org.junit.jupiter.api.Test;

/**
 * The shuffle key of syslog-stats: serialization, the raw sort and grouping comparators against
 * object comparison (field lengths across the vint size boundaries), and the partitioner.
 */
class SyslogStatsKeyTest {
  /** Field lengths around the vint size boundaries (1 byte up to 127) and beyond. */
  private static final int[] LENGTHS = {0, 1, 2, 111, 112, 127, 128, 255, 256, 300, 70_000};

  private static byte[] serialize(SyslogStatsKey k) throws IOException {
    DataOutputBuffer out = new DataOutputBuffer();
    k.write(out);
    return Arrays.copyOf(out.getData(), out.getLength());
  }

  private static SyslogStatsKey deserialize(byte[] b) throws IOException {
    SyslogStatsKey k = new SyslogStatsKey();
    k.readFields(new DataInputStream(new ByteArrayInputStream(b)));
    return k;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static SyslogStatsKey hourly(long hour, byte[] host, byte[] app, int severity) {
    return new SyslogStatsKey().setHourly(hour, host, 0, host.length, app, 0, app.length,
        severity);
  }

  private static SyslogStatsKey template(byte[] t, byte[] host, byte[] app) {
    return new SyslogStatsKey().setTemplate(t, 0, t.length, host, 0, host.length, app, 0,
        app.length);
  }

  /** Byte strings that share prefixes and differ in the high bit, of lengths across vints. */
  private static List<byte[]> fields(Random rnd, int n) {
    List<byte[]> l = new ArrayList<>();
    while (l.size() < n) {
      byte[] v = new byte[LENGTHS[rnd.nextInt(LENGTHS.length)] % (rnd.nextInt(4) == 0 ? 100_000
          : 400)];
      rnd.nextBytes(v);
      l.add(v);
      if (v.length > 0) {
        l.add(Arrays.copyOf(v, v.length - 1));
        byte[] w = v.clone();
        w[w.length - 1] ^= (byte) 0x80;
        l.add(w);
      }
    }
    return l;
  }

  private static List<SyslogStatsKey> randomKeys(Random rnd, int n) {
    List<byte[]> templates = fields(rnd, 30);
    List<byte[]> hosts = fields(rnd, 12);
    List<byte[]> apps = fields(rnd, 12);
    long[] hours = {SyslogStatsKey.NO_HOUR, -1, 0, 1, 255, 256, 493_594, 493_595, Long.MAX_VALUE};
    List<SyslogStatsKey> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] h = hosts.get(rnd.nextInt(hosts.size()));
      byte[] a = apps.get(rnd.nextInt(apps.size()));
      if (rnd.nextBoolean()) {
        keys.add(hourly(hours[rnd.nextInt(hours.length)], h, a, rnd.nextInt(9)));
      } else {
        keys.add(template(templates.get(rnd.nextInt(templates.size())), h, a));
      }
    }
    return keys;
  }

  @Test
  void roundTripKeepsEveryFieldAndReusesTheObject() throws IOException {
    byte[] big = new byte[70_000];
    new Random(1).nextBytes(big);
    SyslogStatsKey reused = new SyslogStatsKey();
    for (SyslogStatsKey k : List.of(
        hourly(493_594, utf8("web1"), utf8("sshd"), 6),
        hourly(SyslogStatsKey.NO_HOUR, new byte[0], new byte[0], Severity.NONE),
        hourly(-5, big, utf8("postfix/smtpd"), 0),
        template(utf8("Failed password for root from <ip> port <num> ssh2"), utf8("web2"),
            utf8("sshd")),
        template(big, new byte[0], big),
        template(new byte[0], utf8("db1"), new byte[0]))) {
      byte[] b = serialize(k);
      SyslogStatsKey copy = deserialize(b);
      assertThat(copy).isEqualTo(k).hasSameHashCodeAs(k);
      assertThat(copy.kind()).isEqualTo(k.kind());
      assertThat(copy.hour()).isEqualTo(k.hour());
      assertThat(copy.severity()).isEqualTo(k.severity());
      assertThat(Arrays.copyOf(copy.template(), copy.templateLength()))
          .isEqualTo(Arrays.copyOf(k.template(), k.templateLength()));
      assertThat(Arrays.copyOf(copy.host(), copy.hostLength()))
          .isEqualTo(Arrays.copyOf(k.host(), k.hostLength()));
      assertThat(Arrays.copyOf(copy.app(), copy.appLength()))
          .isEqualTo(Arrays.copyOf(k.app(), k.appLength()));
      reused.readFields(new DataInputStream(new ByteArrayInputStream(b)));
      assertThat(reused).isEqualTo(k);
      assertThat(serialize(reused)).isEqualTo(b);
    }
    assertThat(hourly(1, utf8("h"), utf8("a"), 3).toString()).isEqualTo("hourly 1 h a err");
    assertThat(template(utf8("t <num>"), utf8("h"), utf8("a")).toString())
        .isEqualTo("template t <num> | h a");
  }

  @Test
  void serializedLayout() throws IOException {
    assertThat(serialize(hourly(1, utf8("h"), utf8("ab"), 4)))
        .containsExactly(0, 0x80, 0, 0, 0, 0, 0, 0, 1, 1, 'h', 2, 'a', 'b', 4);
    assertThat(serialize(template(utf8("t"), utf8(""), utf8("a"))))
        .containsExactly(1, 1, 't', 0, 1, 'a');
  }

  @Test
  void rawSortComparatorAgreesWithObjectComparison() throws IOException {
    Random rnd = new Random(42);
    List<SyslogStatsKey> keys = randomKeys(rnd, 400);
    assertThat(WritableComparator.get(SyslogStatsKey.class))
        .isInstanceOf(SyslogStatsKey.Comparator.class);
    SyslogStatsKey.Comparator raw = new SyslogStatsKey.Comparator();
    int equal = 0;
    int checked = 0;
    for (SyslogStatsKey a : keys) {
      byte[] sa = serialize(a);
      for (int j = 0; j < 60; j++) {
        SyslogStatsKey b = keys.get(rnd.nextInt(keys.size()));
        byte[] sb = serialize(b);
        // at offsets inside a larger buffer, as in the sort buffer
        byte[] buf = new byte[sa.length + sb.length + 9];
        System.arraycopy(sa, 0, buf, 4, sa.length);
        System.arraycopy(sb, 0, buf, 4 + sa.length + 3, sb.length);
        int rawCmp = raw.compare(buf, 4, sa.length, buf, 4 + sa.length + 3, sb.length);
        int objCmp = a.compareTo(b);
        assertThat(Integer.signum(rawCmp)).as("%s vs %s", a, b).isEqualTo(Integer.signum(objCmp));
        assertThat(Integer.signum(b.compareTo(a))).isEqualTo(-Integer.signum(objCmp));
        equal += objCmp == 0 ? 1 : 0;
        checked++;
      }
    }
    assertThat(checked).isEqualTo(24_000);
    assertThat(equal).as("some pairs are the same key").isPositive();
  }

  @Test
  void objectOrderIsKindThenFieldsAsUnsignedBytes() {
    byte[] x = utf8("x");
    // every hourly key before every template key
    assertThat(hourly(Long.MAX_VALUE, x, x, 8).compareTo(template(new byte[0], x, x)))
        .isNegative();
    // hour first, in numeric order, no hour before all
    assertThat(hourly(SyslogStatsKey.NO_HOUR, utf8("z"), x, 0).compareTo(hourly(-1, x, x, 0)))
        .isNegative();
    assertThat(hourly(-1, utf8("z"), x, 0).compareTo(hourly(0, utf8("a"), x, 0))).isNegative();
    // hosts as bytes: a prefix first, the high bit as unsigned
    assertThat(hourly(5, utf8("web1"), x, 0).compareTo(hourly(5, utf8("web10"), x, 0)))
        .isNegative();
    assertThat(hourly(5, new byte[] {0x7F}, x, 0).compareTo(hourly(5, new byte[] {(byte) 0x80},
        x, 0))).isNegative();
    assertThat(hourly(5, x, utf8("cron"), 7).compareTo(hourly(5, x, utf8("sshd"), 0)))
        .isNegative();
    assertThat(hourly(5, x, x, 3).compareTo(hourly(5, x, x, Severity.NONE))).isNegative();
    // templates, then host, then app
    assertThat(template(utf8("a"), utf8("z"), x).compareTo(template(utf8("b"), utf8("a"), x)))
        .isNegative();
    assertThat(template(x, utf8("db1"), utf8("z")).compareTo(template(x, utf8("web1"), utf8("a"))))
        .isNegative();
    assertThat(template(x, x, utf8("a")).compareTo(template(x, x, utf8("b")))).isNegative();
  }

  @Test
  void groupingComparesTemplatesOnlyAndWholeHourlyKeys() throws IOException {
    Random rnd = new Random(7);
    List<SyslogStatsKey> keys = randomKeys(rnd, 400);
    SyslogStatsKey.GroupComparator group = new SyslogStatsKey.GroupComparator();
    SyslogStatsKey.Comparator sort = new SyslogStatsKey.Comparator();
    int sameTemplateOtherKey = 0;
    for (SyslogStatsKey a : keys) {
      byte[] sa = serialize(a);
      for (int j = 0; j < 60; j++) {
        SyslogStatsKey b = keys.get(rnd.nextInt(keys.size()));
        byte[] sb = serialize(b);
        byte[] buf = new byte[sa.length + sb.length + 2];
        System.arraycopy(sa, 0, buf, 1, sa.length);
        System.arraycopy(sb, 0, buf, 1 + sa.length, sb.length);
        int want;
        if (a.kind() != b.kind()) {
          want = Integer.compare(a.kind(), b.kind());
        } else if (a.kind() == SyslogStatsKey.HOURLY) {
          want = Integer.signum(a.compareTo(b));
        } else {
          want = Integer.signum(Arrays.compareUnsigned(
              Arrays.copyOf(a.template(), a.templateLength()),
              Arrays.copyOf(b.template(), b.templateLength())));
        }
        int rawGroup = group.compare(buf, 1, sa.length, buf, 1 + sa.length, sb.length);
        assertThat(Integer.signum(rawGroup)).as("%s vs %s", a, b).isEqualTo(Integer.signum(want));
        assertThat(Integer.signum(group.compare(a, b))).isEqualTo(Integer.signum(want));
        // grouping is coarser than sorting: a group is a contiguous run of the sort
        int rawSort = sort.compare(buf, 1, sa.length, buf, 1 + sa.length, sb.length);
        if (want != 0) {
          assertThat(Integer.signum(rawSort)).isEqualTo(Integer.signum(want));
        } else if (rawSort != 0) {
          sameTemplateOtherKey++;
        }
      }
    }
    assertThat(sameTemplateOtherKey).as("pairs of one template with other hosts or apps")
        .isGreaterThan(100);
  }

  @Test
  void templatesPartitionByTemplateOnlyHourlyKeysByAll() {
    SyslogStatsPartitioner<SyslogStats> p = new SyslogStatsPartitioner<>();
    SyslogStats value = new SyslogStats().setCount(1);
    Random rnd = new Random(3);
    for (SyslogStatsKey k : randomKeys(rnd, 300)) {
      for (int partitions : new int[] {1, 2, 3, 7, 64, 1009}) {
        int got = p.getPartition(k, value, partitions);
        assertThat(got).isBetween(0, partitions - 1);
        if (k.kind() == SyslogStatsKey.TEMPLATE) {
          byte[] t = Arrays.copyOf(k.template(), k.templateLength());
          assertThat(got).isEqualTo(((31 + hash(t)) & Integer.MAX_VALUE) % partitions);
          SyslogStatsKey other = template(t, utf8("other-host"), utf8("other-app"));
          assertThat(p.getPartition(other, value, partitions)).isEqualTo(got);
        }
      }
    }
    // hourly keys of one hour go to several reducers, not all to one
    long spread = java.util.stream.IntStream.range(0, 50)
        .map(i -> p.getPartition(hourly(493_594, utf8("web" + i), utf8("sshd"), 6), value, 8))
        .distinct().count();
    assertThat(spread).isGreaterThan(4);
    // pinned (worked out in Python: 31 + the bytes hash, masked, mod 1009), so that a change of
    // the hash, which moves templates between reducers from one release to the next, is noticed
    assertThat(p.getPartition(template(utf8("Failed password for root from <ip> port <num> ssh2"),
        utf8("web1"), utf8("sshd")), value, 1009)).isEqualTo(147);
  }

  /** Hadoop's WritableComparator.hashBytes, written out. */
  private static int hash(byte[] b) {
    int h = 1;
    for (byte x : b) {
      h = 31 * h + x;
    }
    return h;
  }
}
