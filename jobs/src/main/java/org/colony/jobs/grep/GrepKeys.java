package org.colony.jobs.grep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.colony.conf.ConfigKey;

/** Configuration keys of grep, with typed accessors. Documented in conf/colony-default.xml. */
public final class GrepKeys {
  private GrepKeys() {}

  /** What grep reads its input as. */
  public enum Format { LINES, ACCESS, SYSLOG, EVENTS }

  public static final ConfigKey PATTERNS = ConfigKey.of("colony.grep.patterns", "",
      "What to search for: one pattern per line, taken exactly as written (not trimmed; empty "
          + "lines ignored, repeats dropped); --pattern, repeatable, sets it. A java.util.regex "
          + "pattern, found anywhere in the record (Matcher.find; ^ and $ anchor, (?i) ignores "
          + "ASCII case, (?iu) any case, (?m) makes ^ and $ match at the lines of an event), "
          + "matched against the record decoded from UTF-8 (invalid bytes as U+FFFD); with "
          + "colony.grep.fixed, a literal string matched on the record's bytes (its UTF-8 "
          + "bytes).");

  public static final ConfigKey FIXED = ConfigKey.of("colony.grep.fixed", "false",
      "Whether the patterns are literal strings, matched byte for byte without decoding "
          + "(faster), instead of regular expressions.");

  public static final ConfigKey FORMAT = ConfigKey.of("colony.grep.format", "lines",
      "What a record is: 'lines' (every line of text as it is), 'access' or 'syslog' (the lines "
          + "that parse as access log or syslog lines; the others are rejected with their "
          + "reason, as access-stats rejects them; colony.access.format applies), 'events' (the "
          + "multi-line events of application logs, as the exceptions job reads them; "
          + "colony.events.* apply).");

  public static final ConfigKey COUNT = ConfigKey.of("colony.grep.count", "false",
      "Whether to count the matching records per pattern into counts/ (a small reduce phase). "
          + "Without it grep is map-only and writes matches/ only.");

  public static List<ConfigKey> all() {
    return List.of(PATTERNS, FIXED, FORMAT, COUNT);
  }

  /**
   * The patterns in order, without empty lines and repeats. Read raw: a regex's {@code ${...}} is
   * not a configuration variable.
   */
  public static List<String> patterns(Configuration conf) {
    String v = conf.getRaw(PATTERNS.name());
    Set<String> l = new LinkedHashSet<>();
    if (v != null) {
      for (String p : v.split("\n", -1)) {
        if (!p.isEmpty()) {
          l.add(p);
        }
      }
    }
    return new ArrayList<>(l);
  }

  public static void setPatterns(Configuration conf, List<String> patterns) {
    for (String p : patterns) {
      if (p.indexOf('\n') >= 0 || p.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a pattern cannot hold a line break: " + p);
      }
    }
    PATTERNS.set(conf, String.join("\n", patterns));
  }

  public static Format format(Configuration conf) {
    String v = FORMAT.get(conf);
    try {
      return Format.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--format takes lines, access, syslog or events, got '"
          + v + "' [" + FORMAT.name() + "]");
    }
  }

  public static void setFormat(Configuration conf, Format format) {
    FORMAT.set(conf, format.name().toLowerCase(Locale.ROOT));
  }
}
