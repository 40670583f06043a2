package org.colony.io.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of one event, each with its part in a Java stack trace as {@code printStackTrace} and
 * logback print it: the exception line ({@code java.lang.IllegalStateException: msg}), frames
 * ({@code \tat a.b.C.m(C.java:1)}), {@code Caused by: ...}, {@code \tSuppressed: ...} and
 * {@code \t... 12 more} (or logback's {@code ... 12 common frames omitted}).
 *
 * <p>A line is an exception line when it starts with a class name followed by {@code :} or the end
 * of the line, and either a frame follows it or the name is qualified and ends in
 * {@code Exception}, {@code Error} or {@code Throwable} (traces the JVM printed without frames).
 * When frames follow the header itself, the header's message is taken as the exception line.
 * A view of its record: valid until the record changes.
 */
public final class StackTrace {

  /** What a line of an event is. */
  public enum Kind { HEADER, TEXT, EXCEPTION, FRAME, CAUSED_BY, SUPPRESSED, MORE }

  private static final Kind[] KINDS = Kind.values();
  private static final byte[] AT = bytes("at ");
  private static final byte[] CAUSED_BY = bytes("Caused by: ");
  private static final byte[] SUPPRESSED = bytes("Suppressed: ");
  private static final byte[] MORE = bytes("... ");
  private static final byte[] IN_THREAD = bytes("Exception in thread \"");

  private byte[] b;
  private int count;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private byte[] kinds = new byte[16];
  private int frames;
  /** Where the header's message starts, when it is the exception line; else -1. */
  private int headerException;

  void parse(byte[] bytes, int length, int headerMessageStart) {
    this.b = bytes;
    count = 0;
    frames = 0;
    int s = 0;
    while (s <= length) {
      int e = HeaderFields.indexOf(bytes, '\n', s, length);
      if (e < 0) {
        e = length;
      }
      add(s, e);
      s = e + 1;
    }
    kinds[0] = (byte) Kind.HEADER.ordinal();
    for (int i = 1; i < count; i++) {
      Kind k = classify(starts[i], ends[i]);
      kinds[i] = (byte) k.ordinal();
      if (k == Kind.FRAME) {
        frames++;
      }
    }
    for (int i = 1; i < count; i++) {
      if (kinds[i] == Kind.TEXT.ordinal()) {
        boolean frameNext = i + 1 < count && kinds[i + 1] == Kind.FRAME.ordinal();
        int name = nameStart(starts[i], ends[i]);
        int nameEnd = name < 0 ? -1 : nameEnd(name, ends[i]);
        if (nameEnd > 0 && (frameNext || isThrowableName(name, nameEnd))) {
          kinds[i] = (byte) Kind.EXCEPTION.ordinal();
        }
      }
    }
    headerException = -1;
    if (count > 1 && kinds[1] == Kind.FRAME.ordinal()) {
      int name = nameStart(headerMessageStart, ends[0]);
      if (name >= 0 && nameEnd(name, ends[0]) > 0) {
        headerException = headerMessageStart;
      }
    }
  }

  private void add(int s, int e) {
    if (count == starts.length) {
      int n = count * 2;
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
      kinds = Arrays.copyOf(kinds, n);
    }
    starts[count] = s;
    ends[count] = e;
    count++;
  }

  private Kind classify(int s, int e) {
    int p = HeaderFields.skipSpaces(b, s, e);
    boolean indented = p > s;
    if (indented && startsWith(p, e, AT)) {
      return Kind.FRAME;
    }
    if (startsWith(p, e, CAUSED_BY)) {
      return Kind.CAUSED_BY;
    }
    if (indented && startsWith(p, e, SUPPRESSED)) {
      return Kind.SUPPRESSED;
    }
    if (indented && startsWith(p, e, MORE) && p + 4 < e && b[p + 4] >= '0' && b[p + 4] <= '9') {
      return Kind.MORE;
    }
    return Kind.TEXT;
  }

  /**
   * Where the class name of an exception line (or of a Caused by or Suppressed line) starts:
   * after indentation, those prefixes and {@code Exception in thread "name" }; -1 if no name is
   * there.
   */
  private int nameStart(int s, int e) {
    int p = HeaderFields.skipSpaces(b, s, e);
    if (startsWith(p, e, CAUSED_BY)) {
      p += CAUSED_BY.length;
    } else if (startsWith(p, e, SUPPRESSED)) {
      p += SUPPRESSED.length;
    } else if (startsWith(p, e, IN_THREAD)) {
      int q = HeaderFields.indexOf(b, '"', p + IN_THREAD.length, e);
      if (q < 0 || q + 1 >= e || b[q + 1] != ' ') {
        return -1;
      }
      p = q + 2;
    }
    return p < e ? p : -1;
  }

  /** The end of the class name at {@code p} when {@code :} or the line end follows it, else -1. */
  private int nameEnd(int p, int e) {
    int q = p;
    while (q < e && b[q] != ':' && b[q] != ' ' && b[q] != '\t') {
      q++;
    }
    return (q == e || b[q] == ':') && HeaderFields.isName(b, p, q) && b[q - 1] != '.' ? q : -1;
  }

  private boolean isThrowableName(int p, int q) {
    return HeaderFields.indexOf(b, '.', p, q) > 0
        && (endsWith(p, q, "Exception") || endsWith(p, q, "Error") || endsWith(p, q, "Throwable"));
  }

  private boolean endsWith(int p, int q, String suffix) {
    int n = suffix.length();
    if (q - p < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (b[q - n + i] != suffix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean startsWith(int p, int e, byte[] prefix) {
    if (e - p < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[p + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Lines of the event (the header is line 0). */
  public int lines() {
    return count;
  }

  public Kind kind(int line) {
    return KINDS[kinds[check(line)]];
  }

  /** Where line {@code line} starts in the event's text. */
  public int start(int line) {
    return starts[check(line)];
  }

  /** Where line {@code line} ends in the event's text (its newline, or the text's end). */
  public int end(int line) {
    return ends[check(line)];
  }

  public String line(int line) {
    return string(start(line), end(line));
  }

  /** Frames ({@code at ...} lines), in all causes and suppressed exceptions. */
  public int frames() {
    return frames;
  }

  /** Whether the event has frames or an exception line. */
  public boolean isEmpty() {
    return frames == 0 && exceptionClass() == null;
  }

  /** The class of the exception the trace is of (its first exception line), or null. */
  public String exceptionClass() {
    if (headerException >= 0) {
      return className(headerException, ends[0]);
    }
    for (int i = 1; i < count; i++) {
      if (kinds[i] == Kind.EXCEPTION.ordinal()) {
        return className(starts[i], ends[i]);
      }
    }
    return null;
  }

  /**
   * The class of the last {@code Caused by:} of the exception's own chain (not indented: causes
   * of suppressed exceptions are not in it), or the exception's class when it has no cause.
   */
  public String rootCauseClass() {
    for (int i = count - 1; i > 0; i--) {
      if (kinds[i] == Kind.CAUSED_BY.ordinal() && b[starts[i]] == 'C') {
        String c = className(starts[i], ends[i]);
        if (c != null) {
          return c;
        }
      }
    }
    return exceptionClass();
  }

  /** The exception's class, then each class of its {@code Caused by:} chain. */
  public List<String> causes() {
    List<String> chain = new ArrayList<>();
    String first = exceptionClass();
    if (first != null) {
      chain.add(first);
    }
    for (int i = 1; i < count; i++) {
      if (kinds[i] == Kind.CAUSED_BY.ordinal() && b[starts[i]] == 'C') {
        String c = className(starts[i], ends[i]);
        if (c != null) {
          chain.add(c);
        }
      }
    }
    return chain;
  }

  /** The first frame, without its {@code at }, or null. */
  public String firstFrame() {
    return firstFrame("");
  }

  /**
   * The first frame whose method starts with {@code prefix} (a package such as
   * {@code com.example.shop.}), without its {@code at }, or null.
   */
  public String firstFrame(String prefix) {
    byte[] pre = bytes(prefix);
    for (int i = 1; i < count; i++) {
      if (kinds[i] == Kind.FRAME.ordinal()) {
        int p = HeaderFields.skipSpaces(b, starts[i], ends[i]) + AT.length;
        if (startsWith(p, ends[i], pre)) {
          return string(p, ends[i]);
        }
      }
    }
    return null;
  }

  private String className(int s, int e) {
    int p = nameStart(s, e);
    int q = p < 0 ? -1 : nameEnd(p, e);
    return q < 0 ? null : string(p, q);
  }

  private int check(int line) {
    if (line < 0 || line >= count) {
      throw new IndexOutOfBoundsException("line " + line + " of " + count);
    }
    return line;
  }

  private String string(int s, int e) {
    return new String(b, s, e - s, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
