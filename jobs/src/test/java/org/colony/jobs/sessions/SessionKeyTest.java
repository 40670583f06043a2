package org.colony.jobs.sessions;

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
import org.apache.hadoop.io.RawComparator;
import org.apache.hadoop.io.VLongWritable;
import org.apache.hadoop.io.WritableComparator;
import org.junit.jupiter.api.Test;

/**
 * The shuffle key of sessions: serialization, the raw sort and grouping comparators against
 * object comparison (visitor lengths across the vint size boundaries), and the partitioner.
 */
class SessionKeyTest {
  /** Visitor and path lengths around the vint size boundaries (1 byte up to 127) and beyond. */
  private static final int[] LENGTHS = {0, 1, 2, 111, 112, 127, 128, 255, 256, 300, 70_000};

  private static byte[] serialize(SessionKey k) throws IOException {
    DataOutputBuffer out = new DataOutputBuffer();
    k.write(out);
    return Arrays.copyOf(out.getData(), out.getLength());
  }

  private static SessionKey deserialize(byte[] b) throws IOException {
    SessionKey k = new SessionKey();
    k.readFields(new DataInputStream(new ByteArrayInputStream(b)));
    return k;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Keys that share visitors, times and paths in many combinations. */
  private static List<SessionKey> randomKeys(Random rnd, int n) {
    List<byte[]> visitors = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      byte[] v = new byte[LENGTHS[rnd.nextInt(LENGTHS.length)]];
      rnd.nextBytes(v);
      visitors.add(v);
      if (v.length > 0) {
        visitors.add(Arrays.copyOf(v, v.length - 1)); // a prefix of another visitor
        byte[] w = v.clone();
        w[w.length - 1] ^= (byte) 0x80; // differs in the high bit of the last byte only
        visitors.add(w);
      }
    }
    long[] times = {Long.MIN_VALUE, -86_400_000L, -1, 0, 1, 255, 256, 1_795_939_200_000L,
        1_795_939_200_001L, Long.MAX_VALUE};
    List<SessionKey> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] p = new byte[rnd.nextInt(3) == 0 ? LENGTHS[rnd.nextInt(LENGTHS.length)]
          : rnd.nextInt(4)];
      rnd.nextBytes(p);
      long t = rnd.nextInt(3) == 0 ? rnd.nextLong() : times[rnd.nextInt(times.length)];
      keys.add(new SessionKey(visitors.get(rnd.nextInt(visitors.size())), t, p));
    }
    return keys;
  }

  @Test
  void roundTripKeepsEveryFieldAndReusesTheObject() throws IOException {
    byte[] longVisitor = new byte[70_000];
    new Random(1).nextBytes(longVisitor);
    SessionKey reused = new SessionKey();
    for (SessionKey k : List.of(
        new SessionKey(utf8("203.0.113.7\nMozilla/5.0 (X11)"), 1_795_939_200_000L, utf8("/")),
        new SessionKey(new byte[0], -1, new byte[0]),
        new SessionKey(longVisitor, Long.MIN_VALUE, utf8("/products/42")),
        new SessionKey(utf8("2001:db8::1\n"), Long.MAX_VALUE, longVisitor),
        new SessionKey(utf8("x"), 0, utf8("/a")))) {
      byte[] b = serialize(k);
      SessionKey copy = deserialize(b);
      assertThat(copy).isEqualTo(k).hasSameHashCodeAs(k);
      assertThat(copy.time()).isEqualTo(k.time());
      assertThat(Arrays.copyOf(copy.visitor(), copy.visitorLength()))
          .isEqualTo(Arrays.copyOf(k.visitor(), k.visitorLength()));
      assertThat(Arrays.copyOf(copy.path(), copy.pathLength()))
          .isEqualTo(Arrays.copyOf(k.path(), k.pathLength()));
      reused.readFields(new DataInputStream(new ByteArrayInputStream(b)));
      assertThat(reused).isEqualTo(k);
      assertThat(serialize(reused)).isEqualTo(b);
    }
    assertThat(new SessionKey(utf8("a\nb"), 0, utf8("/x")).toString())
        .isEqualTo("a|b @1970-01-01T00:00:00Z /x");
  }

  @Test
  void serializedLayoutIsVisitorTimeWithFlippedSignBitThenPath() throws IOException {
    byte[] b = serialize(new SessionKey(utf8("ab"), 1, utf8("/")));
    assertThat(b).containsExactly(2, 'a', 'b', 0x80, 0, 0, 0, 0, 0, 0, 1, 1, '/');
    byte[] longer = serialize(new SessionKey(new byte[200], -1, new byte[0]));
    // 200 takes a two-byte vint: a length marker, then the value
    assertThat(longer).hasSize(2 + 200 + 8 + 1);
    assertThat(longer[0]).isEqualTo((byte) -113);
    assertThat(longer[1] & 0xFF).isEqualTo(200);
    assertThat(Arrays.copyOfRange(longer, 202, 210))
        .containsExactly(0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
  }

  @Test
  void rawSortComparatorAgreesWithObjectComparison() throws IOException {
    Random rnd = new Random(42);
    List<SessionKey> keys = randomKeys(rnd, 500);
    RawComparator<?> raw = WritableComparator.get(SessionKey.class);
    assertThat(raw).isInstanceOf(SessionKey.Comparator.class);
    int checked = 0;
    int equal = 0;
    for (SessionKey a : keys) {
      byte[] sa = serialize(a);
      for (int j = 0; j < 80; j++) {
        SessionKey b = keys.get(rnd.nextInt(keys.size()));
        byte[] sb = serialize(b);
        // offsets inside a larger buffer, as in the sort buffer
        byte[] buf = new byte[sa.length + sb.length + 9];
        System.arraycopy(sa, 0, buf, 4, sa.length);
        System.arraycopy(sb, 0, buf, 4 + sa.length + 3, sb.length);
        int rawCmp = new SessionKey.Comparator().compare(buf, 4, sa.length, buf,
            4 + sa.length + 3, sb.length);
        int objCmp = a.compareTo(b);
        assertThat(Integer.signum(rawCmp)).as("%s vs %s", a, b).isEqualTo(Integer.signum(objCmp));
        assertThat(Integer.signum(b.compareTo(a))).isEqualTo(-Integer.signum(objCmp));
        checked++;
        equal += objCmp == 0 ? 1 : 0;
      }
    }
    assertThat(checked).isEqualTo(40_000);
    assertThat(equal).as("some pairs are the same key").isPositive();
  }

  @Test
  void objectOrderIsVisitorBytesUnsignedThenTimeThenPath() {
    byte[] v = utf8("v");
    assertThat(new SessionKey(new byte[] {0x7F}, 9, v)
        .compareTo(new SessionKey(new byte[] {(byte) 0x80}, 0, v))).isNegative();
    assertThat(new SessionKey(v, -5, utf8("/z")).compareTo(new SessionKey(v, 3, utf8("/a"))))
        .isNegative();
    assertThat(new SessionKey(v, Long.MIN_VALUE, v).compareTo(new SessionKey(v, Long.MAX_VALUE, v)))
        .isNegative();
    assertThat(new SessionKey(v, 3, utf8("/a")).compareTo(new SessionKey(v, 3, utf8("/a/"))))
        .isNegative();
    assertThat(new SessionKey(v, 3, new byte[] {(byte) 0xC3}).compareTo(
        new SessionKey(v, 3, utf8("/")))).isPositive();
    assertThat(new SessionKey(utf8("ab"), 0, v).compareTo(new SessionKey(utf8("a"), 9, v)))
        .isPositive();
  }

  @Test
  void rawGroupingComparatorComparesVisitorsOnlyAsObjectsDo() throws IOException {
    Random rnd = new Random(7);
    List<SessionKey> keys = randomKeys(rnd, 500);
    VisitorGroupingComparator group = new VisitorGroupingComparator();
    SessionKey.Comparator sort = new SessionKey.Comparator();
    int sameVisitor = 0;
    for (SessionKey a : keys) {
      byte[] sa = serialize(a);
      for (int j = 0; j < 80; j++) {
        SessionKey b = keys.get(rnd.nextInt(keys.size()));
        byte[] sb = serialize(b);
        byte[] buf = new byte[sa.length + sb.length + 2];
        System.arraycopy(sa, 0, buf, 1, sa.length);
        System.arraycopy(sb, 0, buf, 1 + sa.length, sb.length);
        int rawGroup = group.compare(buf, 1, sa.length, buf, 1 + sa.length, sb.length);
        int objGroup = Integer.signum(Arrays.compareUnsigned(
            Arrays.copyOf(a.visitor(), a.visitorLength()),
            Arrays.copyOf(b.visitor(), b.visitorLength())));
        assertThat(Integer.signum(rawGroup)).as("%s vs %s", a, b).isEqualTo(objGroup);
        assertThat(Integer.signum(group.compare(a, b))).isEqualTo(objGroup);
        // grouping is coarser than sorting: a group is a contiguous run of the sort
        int rawSort = sort.compare(buf, 1, sa.length, buf, 1 + sa.length, sb.length);
        if (objGroup != 0) {
          assertThat(Integer.signum(rawSort)).isEqualTo(objGroup);
        } else {
          sameVisitor++;
        }
      }
    }
    assertThat(sameVisitor).as("pairs of one visitor with other times or paths").isGreaterThan(100);
  }

  @Test
  void partitionDependsOnTheVisitorOnlyAndIsHadoopsBytesHash() {
    VisitorPartitioner<VLongWritable> p = new VisitorPartitioner<>();
    VLongWritable value = new VLongWritable(1);
    Random rnd = new Random(3);
    for (SessionKey k : randomKeys(rnd, 300)) {
      byte[] visitor = Arrays.copyOf(k.visitor(), k.visitorLength());
      for (int partitions : new int[] {1, 2, 3, 7, 64, 1009}) {
        int expected = (hash(visitor) & Integer.MAX_VALUE) % partitions;
        assertThat(p.getPartition(k, value, partitions)).isEqualTo(expected);
        SessionKey other = new SessionKey(visitor, rnd.nextLong(), utf8("/other/path"));
        assertThat(p.getPartition(other, new VLongWritable(99), partitions)).isEqualTo(expected);
      }
    }
    // pinned, so that a change of the hash (which would move visitors between reducers from one
    // release to the next) is noticed: 31 * h + b over the bytes, from 1
    assertThat(VisitorPartitioner.partitionOf(utf8("203.0.113.7\nMozilla/5.0"), 23, 1009))
        .isEqualTo(835);
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
