package org.colony.io.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableUtils;
import org.junit.jupiter.api.Test;

class PackedUploadTest {

  private static byte[] bytes(PackedUpload p) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    p.write(new DataOutputStream(b));
    return b.toByteArray();
  }

  private static PackedUpload read(byte[] b) throws IOException {
    PackedUpload p = new PackedUpload();
    p.readFields(new DataInputStream(new ByteArrayInputStream(b)));
    return p;
  }

  @Test
  void roundTripOfContentAndMetadataWithTheBufferReused() throws Exception {
    byte[] content = "hello, upload".getBytes(StandardCharsets.UTF_8);
    PackedUpload p = new PackedUpload().set(content.length, 1764000000123L, new Text("alice"),
        PackedUpload.digest(content, content.length), content, content.length);
    assertThat(p.contentMatches()).isTrue();
    PackedUpload back = read(bytes(p));
    assertThat(back).isEqualTo(p);
    assertThat(back.modificationTime()).isEqualTo(1764000000123L);
    assertThat(back.owner()).hasToString("alice");
    assertThat(back.sha256Hex()).isEqualTo(java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(content)));
    assertThat(back.toString()).doesNotContain("hello");

    byte[] big = new byte[100_000];
    Arrays.fill(big, (byte) 7);
    PackedUpload q = new PackedUpload().set(big.length, 1, new Text(), PackedUpload.digest(big,
        big.length), big, big.length);
    back.readFields(new DataInputStream(new ByteArrayInputStream(bytes(q))));
    assertThat(back).isEqualTo(q);
    back.readFields(new DataInputStream(new ByteArrayInputStream(bytes(p))));
    assertThat(back).isEqualTo(p);
    assertThat(back.contentLength()).isEqualTo(content.length);
  }

  @Test
  void contentThatDoesNotMatchItsHashOrSizeIsNoticed() throws IOException {
    byte[] content = "abc".getBytes(StandardCharsets.US_ASCII);
    byte[] sha = PackedUpload.digest(content, 3);
    PackedUpload p = new PackedUpload().set(4, 0, new Text(), sha, content, 3);
    assertThat(read(bytes(p)).contentMatches()).as("size 4, 3 bytes").isFalse();
    byte[] other = "abd".getBytes(StandardCharsets.US_ASCII);
    p.set(3, 0, new Text(), sha, other, 3);
    assertThat(read(bytes(p)).contentMatches()).as("other bytes").isFalse();
  }

  @Test
  void hostileLengthsAndVersionsAreErrorsNotAllocations() throws IOException {
    for (int declared : new int[] {Integer.MAX_VALUE, PackedUpload.MAX_CONTENT + 1, -5}) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(b);
      out.writeByte(PackedUpload.VERSION);
      WritableUtils.writeVLong(out, 3);
      WritableUtils.writeVLong(out, 0);
      new Text("x").write(out);
      out.write(new byte[32]);
      WritableUtils.writeVInt(out, declared);
      assertThatThrownBy(() -> read(b.toByteArray())).isInstanceOf(IOException.class)
          .hasMessageContaining("declares " + declared);
    }
    assertThatThrownBy(() -> read(new byte[] {9, 0, 0})).isInstanceOf(IOException.class)
        .hasMessageContaining("version");
  }
}
