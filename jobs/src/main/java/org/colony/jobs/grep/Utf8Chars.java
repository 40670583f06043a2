package org.colony.jobs.grep;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes as the characters a regex matches against, reused record after record: pure ASCII (the
 * common case in logs) is read in place, one char per byte, without copying; anything else is
 * decoded from UTF-8 into a reused buffer, invalid bytes as U+FFFD.
 */
final class Utf8Chars implements CharSequence {
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPLACE)
      .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private byte[] bytes = new byte[0];
  private int length;
  private CharBuffer decoded = CharBuffer.allocate(256);

  /** The characters of {@code b[0, n)}: this view for ASCII, else the decoded buffer. */
  CharSequence of(byte[] b, int n) {
    for (int i = 0; i < n; i++) {
      if (b[i] < 0) {
        return decode(b, n);
      }
    }
    bytes = b;
    length = n;
    return this;
  }

  private CharSequence decode(byte[] b, int n) {
    if (decoded.capacity() < n) {
      decoded = CharBuffer.allocate(Math.max(n, decoded.capacity() * 2));
    }
    decoded.clear();
    decoder.reset();
    ByteBuffer in = ByteBuffer.wrap(b, 0, n);
    decoder.decode(in, decoded, true); // UTF-8 never yields more chars than bytes
    decoder.flush(decoded);
    decoded.flip();
    return decoded;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index >= length) {
      throw new IndexOutOfBoundsException(index);
    }
    return (char) bytes[index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().substring(start, end);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.US_ASCII);
  }
}
