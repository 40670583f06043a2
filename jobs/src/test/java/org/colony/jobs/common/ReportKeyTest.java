package org.colony.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.WritableComparator;
import org.junit.jupiter.api.Test;

class ReportKeyTest {

  private static byte[] serialize(ReportKey k) throws IOException {
    DataOutputBuffer out = new DataOutputBuffer();
    k.write(out);
    return java.util.Arrays.copyOf(out.getData(), out.getLength());
  }

  @Test
  void rawComparatorAgreesWithObjectComparison() throws IOException {
    Random rnd = new Random(42);
    List<ReportKey> keys = new ArrayList<>();
    // lengths around the vint size boundaries (1 byte up to 127, more above) and bytes >= 0x80
    int[] lengths = {0, 1, 2, 111, 112, 127, 128, 255, 256, 300, 70_000};
    for (int i = 0; i < 400; i++) {
      byte[] b = new byte[lengths[rnd.nextInt(lengths.length)]];
      rnd.nextBytes(b);
      if (rnd.nextInt(4) == 0 && b.length > 0) {
        b[b.length - 1] = 0; // shared prefixes of different lengths
      }
      keys.add(new ReportKey(rnd.nextInt(3), b));
    }
    keys.add(new ReportKey(1, new byte[] {1, 2}));
    keys.add(new ReportKey(1, new byte[] {1, 2, 0}));
    keys.add(new ReportKey(1, new byte[] {(byte) 0xFF}));
    keys.add(new ReportKey(1, new byte[] {0x7F}));
    WritableComparator raw = WritableComparator.get(ReportKey.class);
    assertThat(raw).isInstanceOf(ReportKey.Comparator.class);
    for (ReportKey a : keys) {
      byte[] sa = serialize(a);
      for (int j = 0; j < 60; j++) {
        ReportKey b = keys.get(rnd.nextInt(keys.size()));
        byte[] sb = serialize(b);
        // offsets inside larger buffers, as in the sort buffer
        byte[] buf = new byte[sa.length + sb.length + 7];
        System.arraycopy(sa, 0, buf, 3, sa.length);
        System.arraycopy(sb, 0, buf, 3 + sa.length + 2, sb.length);
        int rawCmp = raw.compare(buf, 3, sa.length, buf, 3 + sa.length + 2, sb.length);
        assertThat(Integer.signum(rawCmp)).as("%s vs %s", a, b)
            .isEqualTo(Integer.signum(a.compareTo(b)));
      }
    }
  }

  @Test
  void unsignedByteOrderAndReportFirst() {
    assertThat(new ReportKey(0, new byte[] {(byte) 0xFF}).compareTo(new ReportKey(1, new byte[0])))
        .isNegative();
    assertThat(new ReportKey(1, new byte[] {(byte) 0x80}).compareTo(new ReportKey(1, new byte[] {0x7F})))
        .isPositive();
  }

  @Test
  void numericKeysSortNumerically() {
    long[] values = {Long.MIN_VALUE, -500_000L, -1, 0, 1, 17, 493_000L, Long.MAX_VALUE};
    for (int i = 0; i + 1 < values.length; i++) {
      ReportKey a = new ReportKey().setLong(0, values[i]);
      ReportKey b = new ReportKey().setLong(0, values[i + 1]);
      assertThat(a.compareTo(b)).isNegative();
      assertThat(a.getLong()).isEqualTo(values[i]);
    }
  }

  @Test
  void roundTripEqualsAndHash() throws IOException {
    ReportKey k = new ReportKey(2, "/products/42".getBytes());
    ReportKey copy = new ReportKey();
    copy.readFields(new DataInputStream(new ByteArrayInputStream(serialize(k))));
    assertThat(copy).isEqualTo(k).hasSameHashCodeAs(k);
    assertThat(copy.toString()).isEqualTo("2:/products/42");
    assertThat(new ReportKey(3, "/products/42".getBytes())).isNotEqualTo(k);
  }
}
