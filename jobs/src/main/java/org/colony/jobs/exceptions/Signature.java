package org.colony.jobs.exceptions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What identifies a kind of failure: the class of the exception that was logged (the outermost),
 * the class of its root cause (the last {@code Caused by:}, or the exception itself), and the
 * first frames of the application's own code, as {@code class.method} (innermost first; no line
 * numbers, which move with every change of the file). The message is not part of it: it is the
 * example's, carried along.
 *
 * <p>Its {@link #key} is its parts joined with newlines, which no part holds; its {@link #id} the
 * first 16 hex digits of the key's SHA-256: the same in every run, on every machine.
 *
 * @param message the logged exception's message, or "" (not part of the signature)
 */
public record Signature(String exception, String rootCause, List<String> frames, String message) {
  /** Length of {@link #id}. */
  public static final int ID_LENGTH = 16;

  public Signature {
    frames = List.copyOf(frames);
  }

  /** {@code exception \n rootCause (\n frame)*}, UTF-8. */
  public byte[] key() {
    StringBuilder b = new StringBuilder(exception).append('\n').append(rootCause);
    for (String f : frames) {
      b.append('\n').append(f);
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The stable short hash of the signature. */
  public String id() {
    byte[] k = key();
    return id(k, 0, k.length);
  }

  /** The frames joined with {@code ;}, or {@code -} when there are none. */
  public String framesText() {
    return frames.isEmpty() ? "-" : String.join(";", frames);
  }

  /** The first 16 hex digits of SHA-256 of {@code key[s, s+n)}. */
  public static String id(byte[] key, int s, int n) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(key, s, n);
      return HexFormat.of().formatHex(sha.digest()).substring(0, ID_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }

  /** The signature whose {@link #key} is {@code key[s, s+n)} (without message). */
  public static Signature fromKey(byte[] key, int s, int n) {
    String[] parts = new String(key, s, n, StandardCharsets.UTF_8).split("\n", -1);
    List<String> frames = new ArrayList<>();
    for (int i = 2; i < parts.length; i++) {
      frames.add(parts[i]);
    }
    return new Signature(parts[0], parts.length > 1 ? parts[1] : "", frames, "");
  }
}
