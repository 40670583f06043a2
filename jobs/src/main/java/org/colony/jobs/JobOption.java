package org.colony.jobs;

import java.util.Objects;
import org.colony.conf.ConfigKey;

/**
 * A command-line option of one job, tied to the configuration key it sets (as DistCp ties each
 * switch to its key). The driver turns these into its CLI; jobs read only the configuration.
 */
public final class JobOption {
  private final String longName;
  private final String argName;
  private final String description;
  private final ConfigKey key;

  private JobOption(String longName, String argName, String description, ConfigKey key) {
    this.longName = Objects.requireNonNull(longName);
    this.argName = argName;
    this.description = Objects.requireNonNull(description);
    this.key = Objects.requireNonNull(key);
  }

  /** An option with a value: {@code --name VALUE} sets {@code key} to VALUE. */
  public static JobOption withValue(String longName, String argName, ConfigKey key,
      String description) {
    return new JobOption(longName, argName, description, key);
  }

  /** A flag: {@code --name} sets {@code key} to true. */
  public static JobOption flag(String longName, ConfigKey key, String description) {
    return new JobOption(longName, null, description, key);
  }

  public String longName() {
    return longName;
  }

  /** The value's name in help, or null for a flag. */
  public String argName() {
    return argName;
  }

  public boolean isFlag() {
    return argName == null;
  }

  public String description() {
    return description;
  }

  public ConfigKey key() {
    return key;
  }
}
