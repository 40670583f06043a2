package org.colony.jobs.grep;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The patterns of a grep run, matched against one record after another. Fixed strings are found
 * in the record's bytes ({@link FixedBytes}); regexes with {@link Matcher#find} in its characters,
 * decoded at most once per record and only when a regex asks ({@link Utf8Chars}). Not
 * thread-safe: one per task.
 */
public final class PatternSet {
  private final String[] patterns;
  private final byte[][] utf8;
  private final FixedBytes[] fixed;
  private final Matcher[] regex;
  private final Utf8Chars chars = new Utf8Chars();
  private byte[] record;
  private int length;
  private CharSequence decoded;

  /**
   * @throws IllegalArgumentException naming the pattern, when a regex does not compile or there
   *     is no pattern
   */
  public PatternSet(List<String> patterns, boolean fixedStrings) {
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("grep needs at least one --pattern ["
          + GrepKeys.PATTERNS.name() + "]");
    }
    int n = patterns.size();
    this.patterns = patterns.toArray(new String[0]);
    utf8 = new byte[n][];
    fixed = new FixedBytes[n];
    regex = new Matcher[n];
    for (int i = 0; i < n; i++) {
      utf8[i] = this.patterns[i].getBytes(StandardCharsets.UTF_8);
      if (fixedStrings) {
        fixed[i] = new FixedBytes(utf8[i]);
      } else {
        try {
          regex[i] = Pattern.compile(this.patterns[i]).matcher("");
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException("--pattern '" + this.patterns[i]
              + "' is no regex: " + e.getDescription() + " near index " + e.getIndex()
              + " (--fixed searches for it literally)");
        }
      }
    }
  }

  public int size() {
    return patterns.length;
  }

  public String pattern(int i) {
    return patterns[i];
  }

  /** The pattern's UTF-8 bytes. */
  public byte[] patternBytes(int i) {
    return utf8[i];
  }

  /** Makes {@code b[0, n)} the record {@link #matches} looks at. */
  public void reset(byte[] b, int n) {
    record = b;
    length = n;
    decoded = null;
  }

  /** Whether pattern {@code i} occurs in the current record. */
  public boolean matches(int i) {
    if (fixed[i] != null) {
      return fixed[i].in(record, length);
    }
    if (decoded == null) {
      decoded = chars.of(record, length);
    }
    return regex[i].reset(decoded).find();
  }
}
