package org.colony.driver;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Colony's version, from the build. */
public final class Version {
  private Version() {}

  private static final Properties PROPS = load();

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("colony-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // an unknown version is not worth failing for
    }
    return p;
  }

  public static String colony() {
    return PROPS.getProperty("version", "unknown");
  }
}
