package org.colony.jobs.exceptions;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.colony.conf.ConfigKey;

/**
 * Configuration keys of exceptions, with typed accessors. Documented in
 * conf/colony-default.xml.
 */
public final class ExceptionsKeys {
  private ExceptionsKeys() {}

  /** The most frames a signature may ask for. */
  static final int MAX_FRAMES = 50;

  public static final ConfigKey FRAMES = ConfigKey.of("colony.exceptions.frames", "3",
      "How many frames of the application's own code (colony.exceptions.package) a signature "
          + "holds, innermost first, 0-" + MAX_FRAMES + ".");

  public static final ConfigKey PACKAGE = ConfigKey.of("colony.exceptions.package", "",
      "The application's own code: one or more package prefixes, comma-separated (com.example "
          + "takes com.example.* and its subpackages). Empty: guessed per event, as the first "
          + "two parts of the package of its first frame outside the JDK (java., javax., jdk., "
          + "sun., com.sun., jakarta.); that guess is the library's package when a library "
          + "threw, so set this for stable signatures.");

  public static List<ConfigKey> all() {
    return List.of(FRAMES, PACKAGE);
  }

  /** Own-code frames per signature. */
  public static int frames(Configuration conf) {
    int n = FRAMES.getInt(conf);
    if (n < 0 || n > MAX_FRAMES) {
      throw new IllegalArgumentException("--frames takes 0 to " + MAX_FRAMES + ", got " + n
          + " [" + FRAMES.name() + "]");
    }
    return n;
  }

  /**
   * The configured package prefixes, each ending in a dot; empty when unset (guess per event).
   */
  public static List<String> packages(Configuration conf) {
    List<String> l = new ArrayList<>();
    for (String p : PACKAGE.get(conf).split(",")) {
      String s = p.trim();
      while (s.endsWith(".") || s.endsWith("*")) {
        s = s.substring(0, s.length() - 1);
      }
      if (s.isEmpty()) {
        continue;
      }
      if (!s.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
        throw new IllegalArgumentException("--package takes Java package names such as "
            + "com.example, comma-separated, got '" + p.trim() + "' [" + PACKAGE.name() + "]");
      }
      l.add(s + ".");
    }
    return l;
  }

  public static void setFrames(Configuration conf, int frames) {
    FRAMES.set(conf, Integer.toString(frames));
  }

  public static void setPackage(Configuration conf, String packages) {
    PACKAGE.set(conf, packages);
  }
}
