package org.colony.jobs;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.colony.conf.ConfigKey;

/**
 * What makes a Colony job: its name, a one-line description, its own options, and how it configures
 * a Hadoop {@link Job}. Everything every job needs (paths, sizing, staging, publishing, reports,
 * exit codes) belongs to the driver. A job is added by writing its package and one line in the
 * driver's registry.
 */
public interface JobSpec {

  /** The command name, for example {@code access-stats}. */
  String name();

  /** One line for {@code colony list}. */
  String description();

  /** The job's own options; the driver adds --input, --output, --reducers, --overwrite. */
  List<JobOption> options();

  /** Configuration keys the job reads, for the documentation check. */
  default List<ConfigKey> keys() {
    return options().stream().map(JobOption::key).toList();
  }

  /**
   * Sets the input format, mapper, combiner, reducer, key and value classes and whatever else the
   * job needs. The driver has already set the input paths, the output path (a staging folder) and
   * the number of reducers, and put the job's options into its configuration.
   */
  void configure(Job job) throws IOException;

  /** Whether the job has no reduce phase. */
  default boolean mapOnly() {
    return false;
  }

  /**
   * Whether the job has no reduce phase with {@code conf} (its options set), for jobs whose
   * options decide; by default {@link #mapOnly()}. The driver asks this one.
   */
  default boolean mapOnly(Configuration conf) {
    return mapOnly();
  }

  /**
   * Shuffle bytes per uncompressed input byte when the driver has neither history nor a sample
   * (after the combiner, as map output is materialized).
   */
  default double defaultShuffleRatio() {
    return 1.0;
  }

  /**
   * Whether the driver may run the mapper over samples of the input before the job to measure its
   * map output. No for jobs whose map output follows the number of files, not their bytes, or
   * whose mapper would read far more than the sample's bytes.
   */
  default boolean sampleMapOutput() {
    return true;
  }

  /** The report folders the job writes under its output, each a TSV table with a header. */
  List<Report> reports();

  /**
   * The report folders the job writes with {@code conf} (its options set); by default all of
   * {@link #reports()}. The driver creates those a run left empty, and names them.
   */
  default List<Report> reports(Configuration conf) {
    return reports();
  }

  /**
   * Work after the job succeeded and before its output is published: merging per-reducer pieces,
   * for example. {@code output} is the staging folder, invisible to readers.
   */
  default void afterSuccess(Job job, FileSystem fs, Path output) throws IOException {}

  /** A report folder and the header of its TSV files. */
  record Report(String folder, String header) {}
}
