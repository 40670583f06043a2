package org.colony.jobs.gen;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.colony.conf.ConfigKey;

/** Configuration keys of gen-access-logs. Documented in conf/colony-default.xml. */
public final class GenKeys {
  private GenKeys() {}

  /** Files of about this size each, when --files is not given. */
  static final long AUTO_FILE_BYTES = 128L << 20;

  public static final ConfigKey BYTES = ConfigKey.of("colony.gen.bytes", "0",
      "About how many bytes of access logs gen-access-logs writes in all (uncompressed; "
          + "suffixes k, m, g, t). Required. Option: --bytes.");

  public static final ConfigKey DAYS = ConfigKey.of("colony.gen.days", "1",
      "How many days of logs gen-access-logs writes, one dt=YYYY-MM-DD/ folder each, the bytes "
          + "spread evenly over them. Option: --days.");

  public static final ConfigKey START = ConfigKey.of("colony.gen.start", "2026-11-25",
      "The first day gen-access-logs writes (YYYY-MM-DD). Option: --start.");

  public static final ConfigKey SEED = ConfigKey.of("colony.gen.seed", "1",
      "Seed of gen-access-logs: the same seed and the same --files give the same bytes. "
          + "Option: --seed.");

  public static final ConfigKey FILES = ConfigKey.of("colony.gen.files", "0",
      "How many map tasks gen-access-logs runs, each writing one file per day (0: one per "
          + "128 MB of a day's bytes, at least one). Option: --files.");

  public static final ConfigKey GZIP = ConfigKey.of("colony.gen.gzip", "false",
      "Whether gen-access-logs writes gzip files (part-m-NNNNN.gz). Option: --gzip.");

  public static final ConfigKey MALFORMED = ConfigKey.of("colony.gen.malformed.fraction",
      "0.001", "Fraction of the lines gen-access-logs damages (cut short, bad time, status or "
          + "byte count, an unclosed quote, binary garbage, error-log lines, empty lines), for "
          + "the readers' reject accounting.");

  public static List<ConfigKey> all() {
    return List.of(BYTES, DAYS, START, SEED, FILES, GZIP, MALFORMED);
  }

  /** The bytes to write; at least 1. */
  public static long bytes(Configuration conf) {
    long b = BYTES.getLong(conf);
    if (b <= 0) {
      throw new IllegalArgumentException("--bytes SIZE is required (e.g. 1g, 500m; "
          + BYTES.name() + ")");
    }
    return b;
  }

  public static int days(Configuration conf) {
    int d = DAYS.getInt(conf);
    if (d < 1 || d > 3660) {
      throw new IllegalArgumentException("--days must be 1 to 3660, got " + d);
    }
    return d;
  }

  public static LocalDate start(Configuration conf) {
    try {
      return LocalDate.parse(START.get(conf));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--start takes a date YYYY-MM-DD, got '"
          + START.get(conf) + "'");
    }
  }

  public static long seed(Configuration conf) {
    try {
      return Long.parseLong(SEED.get(conf));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed takes a whole number, got '" + SEED.get(conf)
          + "'");
    }
  }

  /** The number of map tasks (files per day): the configured one, or one per 128 MB a day. */
  public static int files(Configuration conf) {
    int f = FILES.getInt(conf);
    if (f < 0) {
      throw new IllegalArgumentException("--files must be at least 1, got " + f);
    }
    if (f > 0) {
      return f;
    }
    long perDay = bytes(conf) / days(conf);
    return (int) Math.max(1, Math.min(10_000, (perDay + AUTO_FILE_BYTES - 1) / AUTO_FILE_BYTES));
  }

  public static double malformed(Configuration conf) {
    double m = MALFORMED.getDouble(conf);
    if (m < 0 || m > 1) {
      throw new IllegalArgumentException(MALFORMED.name() + " must be between 0 and 1, got " + m);
    }
    return m;
  }

  /** The bytes split {@code split} of {@code splits} writes for each day: an even share. */
  public static long quota(long bytes, int days, int splits, int split, int day) {
    long pieces = (long) days * splits;
    long piece = (long) day * splits + split;
    return bytes / pieces + (piece < bytes % pieces ? 1 : 0);
  }
}
