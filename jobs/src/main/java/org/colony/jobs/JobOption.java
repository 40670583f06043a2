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
  private final boolean repeatable;

  private JobOption(String longName, String argName, String description, ConfigKey key,
      boolean repeatable) {
    this.longName = Objects.requireNonNull(longName);
    this.argName = argName;
    this.description = Objects.requireNonNull(description);
    this.key = Objects.requireNonNull(key);
    this.repeatable = repeatable;
  }

  /** An option with a value: {@code --name VALUE} sets {@code key} to VALUE. */
  public static JobOption withValue(String longName, String argName, ConfigKey key,
      String description) {
    return new JobOption(longName, argName, description, key, false);
  }

  /**
   * An option that may be given several times: {@code --name A --name B} sets {@code key} to the
   * values in order, one per line ({@code A\nB}); a value cannot hold a line break.
   */
  public static JobOption repeatable(String longName, String argName, ConfigKey key,
      String description) {
    return new JobOption(longName, argName, description, key, true);
  }

  /** A flag: {@code --name} sets {@code key} to true. */
  public static JobOption flag(String longName, ConfigKey key, String description) {
    return new JobOption(longName, null, description, key, false);
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

  /** Whether the option may be given several times (its values one per line). */
  public boolean isRepeatable() {
    return repeatable;
  }

  public String description() {
    return description;
  }

  public ConfigKey key() {
    return key;
  }
}
