package org.colony.jobs.sessions;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.colony.conf.ConfigKey;
import org.colony.jobs.common.VisitorFields;

/** Configuration keys of sessions, with typed accessors. Documented in conf/colony-default.xml. */
public final class SessionsKeys {
  private SessionsKeys() {}

  public static final ConfigKey VISITOR = ConfigKey.of("colony.sessions.visitor", "client+agent",
      "What makes a visitor: 'client' (the effective client address), 'client+agent' (and the "
          + "user agent as logged) or 'client+agent+vhost' (and the virtual host).");

  public static final ConfigKey GAP = ConfigKey.of("colony.sessions.gap", "30m",
      "Inactivity that ends a session: a hit more than this after the visitor's previous hit "
          + "starts a new session (exactly this much apart stays in the same one). A whole number "
          + "with a unit ms, s, m or h; a bare number is seconds.");

  public static final ConfigKey SALT = ConfigKey.of("colony.sessions.visitor.salt", "",
      "Text put before the visitor's bytes when hashing them into the visitor_hash column "
          + "(SHA-256). Empty: the hash is the same for everyone, and anyone who can guess a "
          + "visitor (an address and an agent) can recompute it. The hash is a pseudonym, not "
          + "anonymization; a secret salt only keeps it from being recomputed by those who do not "
          + "know it (it is visible in the job's configuration).");

  private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)?");

  public static List<ConfigKey> all() {
    return List.of(VISITOR, GAP, SALT);
  }

  public static VisitorFields visitor(Configuration conf) {
    String v = VISITOR.get(conf);
    VisitorFields f = VisitorFields.of(v);
    if (f == null) {
      throw new IllegalArgumentException("--visitor takes client, client+agent or "
          + "client+agent+vhost, got '" + v + "' [" + VISITOR.name() + "]");
    }
    return f;
  }

  public static void setVisitor(Configuration conf, VisitorFields fields) {
    VISITOR.set(conf, fields.toString());
  }

  /** The session gap in milliseconds; at least 1. */
  public static long gapMillis(Configuration conf) {
    String v = GAP.get(conf);
    long ms = parseDuration(v);
    if (ms < 1) {
      throw new IllegalArgumentException("--gap takes a positive duration such as 30m, 900s or "
          + "1h, got '" + v + "' [" + GAP.name() + "]");
    }
    return ms;
  }

  public static void setGap(Configuration conf, String duration) {
    GAP.set(conf, duration);
  }

  /**
   * Milliseconds of a duration such as {@code 30m}, {@code 900s}, {@code 1h}, {@code 250ms} or
   * {@code 60} (seconds); -1 if malformed.
   */
  static long parseDuration(String s) {
    Matcher m = DURATION.matcher(s.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return -1;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    switch (unit) {
      case "ms":
        return n;
      case "s":
        return n * 1000L;
      case "m":
        return n * 60_000L;
      default:
        return n * 3_600_000L;
    }
  }

  /** The salt as given, not trimmed: spaces are part of it. */
  public static String salt(Configuration conf) {
    return conf.get(SALT.name(), SALT.defaultValue());
  }
}
