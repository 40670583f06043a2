package org.colony.io.uploads;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableUtils;
import org.colony.io.ParsedRecord;

/**
 * The value of a pack file's record (its key is the path relative to the uploads root, a
 * {@link Text}): one small upload's content and what was known of it when packed, its size,
 * modification time, owner and SHA-256. Serialized as
 * {@code [version 1][size: vlong][mtime: vlong][owner: Text][sha256: 32 bytes][length: vint][content]}.
 *
 * <p>Pack files come back as input (uploads-unpack), so a record is read as untrusted: a declared
 * content length above {@link #MAX_CONTENT} or below 0, or an unknown version, is an IOException,
 * not an allocation of whatever the bytes claim. The content buffer is reused across records.
 */
public final class PackedUpload extends ParsedRecord {
  /** The format version written first. */
  public static final byte VERSION = 1;
  /** Largest content a record may hold: 256 MiB (packed uploads are small files). */
  public static final int MAX_CONTENT = 256 << 20;
  public static final int SHA256_LENGTH = 32;

  private long size;
  private long modificationTime;
  private final Text owner = new Text();
  private final byte[] sha256 = new byte[SHA256_LENGTH];
  private byte[] content = new byte[0];
  private int length;

  /**
   * Sets every field. The content is {@code content[0, length)}, kept by reference until the next
   * set or read (no copy).
   */
  public PackedUpload set(long size, long mtime, Text owner, byte[] sha256, byte[] content,
      int length) {
    if (sha256.length != SHA256_LENGTH) {
      throw new IllegalArgumentException("SHA-256 is 32 bytes, got " + sha256.length);
    }
    if (length < 0 || length > MAX_CONTENT) {
      throw new IllegalArgumentException("content of " + length + " bytes: packs hold 0 to "
          + MAX_CONTENT);
    }
    this.size = size;
    this.modificationTime = mtime;
    this.owner.set(owner);
    System.arraycopy(sha256, 0, this.sha256, 0, SHA256_LENGTH);
    this.content = content;
    this.length = length;
    return this;
  }

  /** The size recorded when packed (the content's length, for a record written by Colony). */
  public long size() {
    return size;
  }

  /** Modification time, epoch milliseconds. */
  public long modificationTime() {
    return modificationTime;
  }

  public Text owner() {
    return owner;
  }

  /** The recorded SHA-256 (the array itself: do not change it). */
  public byte[] sha256() {
    return sha256;
  }

  public String sha256Hex() {
    return HexFormat.of().formatHex(sha256);
  }

  /** The content, valid up to {@link #contentLength()}. */
  public byte[] content() {
    return content;
  }

  public int contentLength() {
    return length;
  }

  /** Whether the content has the recorded size and SHA-256. */
  public boolean contentMatches() {
    return size == length && Arrays.equals(sha256, digest(content, length));
  }

  /** SHA-256 of {@code b[0, n)}. */
  public static byte[] digest(byte[] b, int n) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(b, 0, n);
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeByte(VERSION);
    WritableUtils.writeVLong(out, size);
    WritableUtils.writeVLong(out, modificationTime);
    owner.write(out);
    out.write(sha256);
    WritableUtils.writeVInt(out, length);
    out.write(content, 0, length);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    byte version = in.readByte();
    if (version != VERSION) {
      throw new IOException("not a packed upload of version " + VERSION + " (version byte "
          + version + ")");
    }
    size = WritableUtils.readVLong(in);
    modificationTime = WritableUtils.readVLong(in);
    owner.readFields(in, MAX_CONTENT);
    in.readFully(sha256);
    int n = WritableUtils.readVInt(in);
    if (n < 0 || n > MAX_CONTENT) {
      throw new IOException("packed upload declares " + n + " bytes of content; at most "
          + MAX_CONTENT + " are read");
    }
    if (content.length < n) {
      content = new byte[Math.max(n, Math.min(MAX_CONTENT, content.length * 2))];
    }
    in.readFully(content, 0, n);
    length = n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PackedUpload p && p.size == size
        && p.modificationTime == modificationTime && p.owner.equals(owner)
        && Arrays.equals(p.sha256, sha256)
        && Arrays.equals(p.content, 0, p.length, content, 0, length);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, modificationTime, owner, Arrays.hashCode(sha256));
  }

  /** Metadata only: upload content never goes into logs or reports. */
  @Override
  public String toString() {
    return "packed upload (" + owner + ", " + size + " B, mtime " + modificationTime + ", sha256 "
        + sha256Hex() + ")";
  }
}
