package org.colony.driver;

import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's output, written to a hidden staging folder beside its destination and published by
 * rename only when complete, so that readers see the whole output with its {@code _SUCCESS} or
 * nothing. On failure the staging folder is removed and the destination is left as it was.
 */
public final class StagedOutput {
  private static final Logger LOG = LoggerFactory.getLogger(StagedOutput.class);
  public static final String SUCCESS = "_SUCCESS";

  private final FileSystem fs;
  private final Path output;
  private final Path staging;
  private final Path previous;

  public StagedOutput(FileSystem fs, Path output, String runId) {
    this.fs = fs;
    this.output = output;
    Path parent = output.getParent();
    this.staging = new Path(parent, "." + output.getName() + ".colony-staging-" + runId);
    this.previous = new Path(parent, "." + output.getName() + ".colony-previous-" + runId);
  }

  public Path output() {
    return output;
  }

  /** Where the job writes; invisible to readers of the output's parent (a hidden name). */
  public Path staging() {
    return staging;
  }

  /** Checks the destination and creates its parent. */
  public void prepare(boolean overwrite) throws IOException, UsageException {
    if (fs.exists(output)) {
      FileStatus st = fs.getFileStatus(output);
      if (!overwrite) {
        throw new UsageException("output exists: " + output + " (use --overwrite to replace it)");
      }
      if (!st.isDirectory()) {
        throw new UsageException("output exists and is a file, not a folder: " + output);
      }
    }
    if (fs.exists(staging)) {
      throw new IOException("staging folder already exists: " + staging);
    }
    Path parent = output.getParent();
    if (parent != null && !fs.exists(parent) && !fs.mkdirs(parent)) {
      throw new IOException("cannot create " + parent);
    }
  }

  /** Marks the staged output complete: writes {@code _SUCCESS}. */
  public void markComplete() throws IOException {
    fs.create(new Path(staging, SUCCESS), false).close();
  }

  /**
   * Moves the staged output to its destination. An existing destination (with --overwrite) is
   * first moved aside, then removed once the new output is in place; if the final rename fails, it
   * is moved back.
   */
  public void publish() throws IOException {
    boolean replaced = false;
    if (fs.exists(output)) {
      if (!fs.rename(output, previous)) {
        throw new IOException("cannot move the old output aside: " + output + " -> " + previous);
      }
      replaced = true;
    }
    if (!fs.rename(staging, output)) {
      if (replaced && !fs.rename(previous, output)) {
        LOG.error("the old output is at {}; restoring it to {} failed", previous, output);
      }
      throw new IOException("cannot publish " + staging + " as " + output);
    }
    if (replaced && !fs.delete(previous, true)) {
      LOG.warn("could not remove the replaced output at {}", previous);
    }
  }

  /** Removes the staging folder, leaving the destination untouched. */
  public void abort() {
    try {
      if (fs.exists(staging)) {
        fs.delete(staging, true);
      }
    } catch (IOException e) {
      LOG.warn("could not remove staging folder {}: {}", staging, e.toString());
    }
  }
}
