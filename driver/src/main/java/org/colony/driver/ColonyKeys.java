package org.colony.driver;

import java.util.List;
import org.colony.conf.ConfigKey;

/** Configuration keys read by the driver. Documented in conf/colony-default.xml. */
public final class ColonyKeys {
  private ColonyKeys() {}

  public static final ConfigKey BYTES_PER_REDUCER = ConfigKey.of("colony.bytes.per.reducer",
      "256m", "Input bytes per reducer when the driver sizes a job: reducers = ceil(input bytes "
          + "/ this), clamped to [1, colony.reducers.max]. Suffixes k, m, g, t allowed.");

  public static final ConfigKey REDUCERS_MAX = ConfigKey.of("colony.reducers.max", "1009",
      "Most reducers the driver chooses for a job (an explicit --reducers N is not capped).");

  public static final ConfigKey REJECTS_MAX_FRACTION = ConfigKey.of("colony.rejects.max.fraction",
      "0.05", "Largest fraction of input records that may be rejected. Above it the job fails, "
          + "names a sample rejected line (file and byte offset), and publishes nothing.");

  public static final ConfigKey MAP_OUTPUT_CODEC = ConfigKey.of("colony.map.output.codec",
      "org.apache.hadoop.io.compress.SnappyCodec", "Codec class that compresses map output "
          + "(the shuffle), or 'none'. Set only when mapreduce.map.output.compress is not set.");

  public static final ConfigKey PROGRESS_INTERVAL = ConfigKey.of("colony.progress.interval.ms",
      "30000", "When standard error is not a terminal (cron, Oozie), how often a running job "
          + "prints a progress line, in milliseconds. On a terminal one line updates in place.");

  public static final ConfigKey HISTORY_DIR = ConfigKey.of("colony.history.dir",
      "/user/${user.name}/.colony/history", "Where run reports go (one JSON file per run, under "
          + "a folder per job), on the file system of the job's output. The reducer sizing learns "
          + "from them; colony history lists them.");

  public static final ConfigKey HISTORY_RUNS = ConfigKey.of("colony.sizing.history.runs", "10",
      "How many recent runs of a job the sizing looks at for compression and map-output ratios.");

  public static final ConfigKey SAMPLE_BYTES = ConfigKey.of("colony.sizing.sample.bytes", "2m",
      "Uncompressed input the pre-run sample reads from each sampled split, twice over (the "
          + "growth of the combined map output from one to two samples is extrapolated to the "
          + "whole split); 0 disables sampling.");

  public static final ConfigKey SAMPLE_SPLITS = ConfigKey.of("colony.sizing.sample.splits", "4",
      "How many splits, spread over the input, the pre-run sample reads.");

  public static final ConfigKey LOCK_STALE_AFTER = ConfigKey.of("colony.lock.stale.after", "6h",
      "A partition lock older than this belongs to a run that died: a new run takes it over (with "
          + "a warning) instead of exiting 4. Longer than your longest job.");

  public static final ConfigKey LOGS_ROOT = ConfigKey.of("colony.logs.root", "/logs",
      "Where colony daily finds its inputs: <logs root>/<source>/dt=YYYY-MM-DD/[hr=HH/]. "
          + "Option: --logs-root.");

  public static final ConfigKey REPORTS_ROOT = ConfigKey.of("colony.reports.root", "/reports",
      "Where colony daily writes: <reports root>/<job>/dt=YYYY-MM-DD/[hr=HH/]. "
          + "Option: --reports-root.");

  public static final ConfigKey UPLOADS_ROOT = ConfigKey.of("colony.uploads.root", "/uploads",
      "The upload store colony daily's upload jobs read as a whole, ${uploads} in a pipeline: "
          + "<uploads root>/<owner>/... Option: --uploads-root.");

  public static final ConfigKey DONE_FLAG = ConfigKey.of("colony.input.done.flag", "_SUCCESS",
      "The file whose presence says an input partition is complete (as log shippers and "
          + "upstream jobs write it); empty: the partition's folder existing is enough.");

  public static final ConfigKey WAIT_POLL = ConfigKey.of("colony.input.wait.poll", "1m",
      "With --wait, how often colony daily looks again for inputs that are not ready.");

  public static List<ConfigKey> all() {
    return List.of(BYTES_PER_REDUCER, REDUCERS_MAX, REJECTS_MAX_FRACTION, MAP_OUTPUT_CODEC,
        PROGRESS_INTERVAL, HISTORY_DIR, HISTORY_RUNS, SAMPLE_BYTES, SAMPLE_SPLITS,
        LOCK_STALE_AFTER, LOGS_ROOT, REPORTS_ROOT, UPLOADS_ROOT, DONE_FLAG, WAIT_POLL);
  }
}
