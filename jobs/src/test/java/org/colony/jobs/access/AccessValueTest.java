package org.colony.jobs.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.junit.jupiter.api.Test;

class AccessValueTest {

  private static byte[] write(AccessValue... values) throws IOException {
    DataOutputBuffer out = new DataOutputBuffer();
    for (AccessValue v : values) {
      v.write(out);
    }
    return java.util.Arrays.copyOf(out.getData(), out.getLength());
  }

  @Test
  void countsAreSerializedAsHitStatsAreWithNoTag() throws IOException {
    HitStats h = new HitStats().setRequest(404, 1234);
    DataOutputBuffer plain = new DataOutputBuffer();
    h.write(plain);
    byte[] b = write(new AccessValue().counts(h));
    assertThat(b).isEqualTo(java.util.Arrays.copyOf(plain.getData(), plain.getLength()));
  }

  @Test
  void countsAndSketchesRoundTripThroughOneReusedValue() throws IOException {
    AccessValue counts = new AccessValue().counts(new HitStats().setRequest(200, 300_000));
    byte[] big = new byte[5000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    AccessValue sketch = new AccessValue().sketch(big, big.length, 1_000_000_007L, 1L << 40);
    AccessValue empty = new AccessValue().sketch(new byte[0], 0, 0, 0);
    AccessValue small = new AccessValue().sketch(new byte[] {1, 2, 3}, 2, 5, 6);
    byte[] b = write(counts, sketch, empty, small, counts);

    DataInputBuffer in = new DataInputBuffer();
    in.reset(b, b.length);
    AccessValue r = new AccessValue();
    r.readFields(in);
    assertThat(r).isEqualTo(counts);
    assertThat(r.hasSketch()).isFalse();
    r.readFields(in);
    assertThat(r).isEqualTo(sketch);
    assertThat(r.counts().requests()).isEqualTo(1_000_000_007L);
    assertThat(r.counts().bytes()).isEqualTo(1L << 40);
    assertThat(java.util.Arrays.copyOf(r.sketchBytes(), r.sketchLength())).isEqualTo(big);
    r.readFields(in);
    assertThat(r).isEqualTo(empty);
    assertThat(r.hasSketch()).isTrue();
    assertThat(r.sketchLength()).isZero();
    r.readFields(in);
    assertThat(r.sketchLength()).isEqualTo(2);
    assertThat(r.sketchBytes()[0]).isEqualTo((byte) 1);
    assertThat(r.sketchBytes()[1]).isEqualTo((byte) 2);
    r.readFields(in);
    assertThat(r).isEqualTo(counts);
    assertThat(r.hasSketch()).isFalse();
    assertThat(in.getPosition()).isEqualTo(b.length);
  }
}
