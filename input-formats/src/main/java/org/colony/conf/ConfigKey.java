package org.colony.conf;

import java.util.Objects;
import org.apache.hadoop.conf.Configuration;

/**
 * One configuration key of Colony: its name, default and description, with typed accessors.
 *
 * <p>Every key the code reads is declared once as a {@code ConfigKey} constant in its module's keys
 * class and documented in {@code conf/colony-default.xml}; a test checks that the two agree.
 */
public final class ConfigKey {
  private final String name;
  private final String defaultValue;
  private final String description;

  private ConfigKey(String name, String defaultValue, String description) {
    this.name = Objects.requireNonNull(name);
    this.defaultValue = Objects.requireNonNull(defaultValue);
    this.description = Objects.requireNonNull(description);
  }

  public static ConfigKey of(String name, String defaultValue, String description) {
    return new ConfigKey(name, defaultValue, description);
  }

  public String name() {
    return name;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  public String get(Configuration conf) {
    return conf.getTrimmed(name, defaultValue);
  }

  public int getInt(Configuration conf) {
    try {
      return conf.getInt(name, Integer.parseInt(defaultValue));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got '" + conf.get(name) + "'");
    }
  }

  public long getLong(Configuration conf) {
    try {
      return conf.getLongBytes(name, parseBytes(defaultValue));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a whole number (suffixes k, m, g allowed), got '" + conf.get(name) + "'");
    }
  }

  public double getDouble(Configuration conf) {
    try {
      return conf.getDouble(name, Double.parseDouble(defaultValue));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + conf.get(name) + "'");
    }
  }

  /** A duration in milliseconds; values take Hadoop's suffixes (ms, s, m, h, d). */
  public long getDurationMillis(Configuration conf) {
    try {
      return conf.getTimeDuration(name, defaultValue, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a duration such as 90s, 30m or 6h, got '" + conf.get(name) + "'");
    }
  }

  public boolean getBoolean(Configuration conf) {
    String v = conf.getTrimmed(name, defaultValue);
    if ("true".equalsIgnoreCase(v)) {
      return true;
    }
    if ("false".equalsIgnoreCase(v)) {
      return false;
    }
    throw new IllegalArgumentException(name + " must be true or false, got '" + v + "'");
  }

  public void set(Configuration conf, String value) {
    conf.set(name, value, "colony");
  }

  public void setLong(Configuration conf, long value) {
    conf.setLong(name, value);
  }

  private static long parseBytes(String s) {
    return org.apache.hadoop.util.StringUtils.TraditionalBinaryPrefix.string2long(s);
  }

  @Override
  public String toString() {
    return name + "=" + defaultValue;
  }
}
