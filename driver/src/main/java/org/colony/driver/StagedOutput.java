package org.colony.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's output, written to a hidden staging folder beside its destination and published by
 * rename only when complete, with {@code _SUCCESS} and {@code _manifest.json} inside: readers see a
 * whole output or none.
 *
 * <p>Replacing an existing output takes two renames (old aside, new in), which no file system does
 * as one step for a non-empty folder. A journal beside the output records the intent first, so that
 * a run killed at any point is completed by the next one ({@link #recover}): forward when the new
 * output is complete, else back to the old one. The partition always ends whole: the old output or
 * the new one, never a mix; for the instant between the two renames the path is empty.
 */
public final class StagedOutput {
  private static final Logger LOG = LoggerFactory.getLogger(StagedOutput.class);
  public static final String SUCCESS = "_SUCCESS";

  /** The steps of a publish, for tests that stop a run between them. */
  public enum Step { JOURNAL_WRITTEN, OLD_MOVED_ASIDE, NEW_MOVED_IN, OLD_REMOVED }

  /** Called after each step; a test throws from it to stop the publish there. */
  public interface Hook {
    void after(Step step) throws IOException;
  }

  /**
   * For fault tests only: with the system property {@code colony.test.halt.at=STEP} the JVM halts
   * (no finally blocks, no shutdown hooks: as if killed) right after that publish step.
   */
  public static final String HALT_PROPERTY = "colony.test.halt.at";

  private static volatile Hook hook = defaultHook();

  private static Hook defaultHook() {
    String haltAt = System.getProperty(HALT_PROPERTY);
    return step -> {
      if (step.name().equals(haltAt)) {
        System.err.println("halting after publish step " + step + " (" + HALT_PROPERTY + ")");
        Runtime.getRuntime().halt(137);
      }
    };
  }

  private final FileSystem fs;
  private final Path output;
  private final Path staging;
  private final Path previous;
  private final Path journal;

  public StagedOutput(FileSystem fs, Path output, String runId) {
    this.fs = fs;
    this.output = output;
    Path parent = output.getParent();
    this.staging = new Path(parent, "." + output.getName() + ".colony-staging-" + runId);
    this.previous = new Path(parent, "." + output.getName() + ".colony-previous-" + runId);
    this.journal = journalOf(output);
  }

  /** Installs a hook (tests only); null restores the default, which does nothing. */
  public static void setHook(Hook h) {
    hook = h == null ? defaultHook() : h;
  }

  static Path journalOf(Path output) {
    return new Path(output.getParent(), "." + output.getName() + ".colony-publish");
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
   * Moves the staged output to its destination: journal, old output aside, new output in, old
   * output removed, journal removed.
   */
  public void publish() throws IOException {
    try (OutputStream o = fs.create(journal, true)) {
      o.write((staging + "\n" + previous + "\n").getBytes(StandardCharsets.UTF_8));
    }
    hook.after(Step.JOURNAL_WRITTEN);
    boolean replaced = false;
    if (fs.exists(output)) {
      if (!fs.rename(output, previous)) {
        throw new IOException("cannot move the old output aside: " + output + " -> " + previous);
      }
      replaced = true;
    }
    hook.after(Step.OLD_MOVED_ASIDE);
    if (!fs.rename(staging, output)) {
      if (replaced && !fs.rename(previous, output)) {
        LOG.error("the old output is at {}; restoring it to {} failed", previous, output);
      }
      fs.delete(journal, false);
      throw new IOException("cannot publish " + staging + " as " + output);
    }
    hook.after(Step.NEW_MOVED_IN);
    if (replaced && !fs.delete(previous, true)) {
      LOG.warn("could not remove the replaced output at {}", previous);
    }
    hook.after(Step.OLD_REMOVED);
    fs.delete(journal, false);
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

  /**
   * Completes a publish that a killed run left half done, if its journal is there: forward when
   * the staged output is complete (it has _SUCCESS), else back to the old output. Runs under the
   * partition's lock, before anything looks at the output.
   *
   * @return what was done, or null when there was nothing to recover
   */
  public static String recover(FileSystem fs, Path output) throws IOException {
    Path journal = journalOf(output);
    if (!fs.exists(journal)) {
      return removeLeftovers(fs, output) > 0 ? "removed the folders of killed runs" : null;
    }
    Path staged;
    Path old;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(journal),
        StandardCharsets.UTF_8))) {
      String s = r.readLine();
      String p = r.readLine();
      if (s == null || p == null) {
        fs.delete(journal, false);
        return "removed an empty publish journal";
      }
      staged = new Path(s);
      old = new Path(p);
    }
    String done;
    boolean stagedComplete = fs.exists(new Path(staged, SUCCESS));
    if (stagedComplete) {
      if (fs.exists(output) && !fs.exists(old)) {
        fs.rename(output, old);
      }
      if (!fs.rename(staged, output)) {
        throw new IOException("recovery: cannot move " + staged + " to " + output);
      }
      fs.delete(old, true);
      done = "completed the publish of " + staged.getName();
    } else if (!fs.exists(output) && fs.exists(old)) {
      if (!fs.rename(old, output)) {
        throw new IOException("recovery: cannot move " + old + " back to " + output);
      }
      fs.delete(staged, true);
      done = "restored the previous output";
    } else {
      fs.delete(staged, true);
      fs.delete(old, true);
      done = "the output was whole; removed leftovers";
    }
    fs.delete(journal, false);
    removeLeftovers(fs, output);
    LOG.warn("recovered {}: {}", output, done);
    return done;
  }

  /**
   * Removes staging and previous folders of this output. Called under the partition's lock, when
   * no run can be writing them: they belong to runs that were killed.
   */
  private static int removeLeftovers(FileSystem fs, Path output) throws IOException {
    FileStatus[] left = fs.globStatus(new Path(output.getParent(),
        "." + output.getName() + ".colony-{staging,previous}-*"));
    int n = 0;
    for (FileStatus f : left == null ? new FileStatus[0] : left) {
      if (fs.delete(f.getPath(), true)) {
        n++;
      }
    }
    return n;
  }
}
