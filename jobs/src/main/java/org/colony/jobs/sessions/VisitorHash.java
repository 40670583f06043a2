package org.colony.jobs.sessions;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The visitor column of sessions/: the first 8 bytes of SHA-256(salt bytes, visitor bytes) as 16
 * lowercase hex digits. The same visitor and salt give the same hash in every run, so sessions can
 * be joined across days. It is a pseudonym, not anonymization: without a secret salt, anyone who
 * can guess a visitor's address and agent can recompute its hash.
 */
public final class VisitorHash {
  /** Hex digits written per visitor. */
  public static final int LENGTH = 16;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final MessageDigest sha256;
  private final byte[] salt;
  private final byte[] digest = new byte[32];

  public VisitorHash(String salt) {
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    this.salt = salt.getBytes(StandardCharsets.UTF_8);
  }

  /** Writes the hash of {@code visitor[s, s+n)} into {@code out[at, at+16)}. */
  public void hex(byte[] visitor, int s, int n, byte[] out, int at) {
    sha256.reset();
    sha256.update(salt);
    sha256.update(visitor, s, n);
    try {
      sha256.digest(digest, 0, digest.length);
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < LENGTH / 2; i++) {
      out[at + 2 * i] = HEX[(digest[i] >>> 4) & 0xF];
      out[at + 2 * i + 1] = HEX[digest[i] & 0xF];
    }
  }
}
