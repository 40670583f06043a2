package org.colony.driver;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A run's input: the paths the user gave, globs expanded, with their files and bytes as the job
 * will read them (hidden files, whose names start with '_' or '.', are skipped, as
 * FileInputFormat skips them; folders are read recursively).
 */
public final class InputSet {
  /** One input path as given and what it matched. */
  public record Input(String given, List<Path> matched, int files, long bytes) {}

  private final List<Input> inputs;

  private InputSet(List<Input> inputs) {
    this.inputs = inputs;
  }

  public List<Input> inputs() {
    return inputs;
  }

  /** Every matched path, for FileInputFormat. */
  public List<Path> paths() {
    List<Path> l = new ArrayList<>();
    inputs.forEach(i -> l.addAll(i.matched()));
    return l;
  }

  public long bytes() {
    return inputs.stream().mapToLong(Input::bytes).sum();
  }

  public int files() {
    return inputs.stream().mapToInt(Input::files).sum();
  }

  /**
   * Resolves the given paths.
   *
   * @throws UsageException when a path matches nothing or holds no files
   */
  public static InputSet resolve(Configuration conf, List<String> given)
      throws IOException, UsageException {
    List<Input> inputs = new ArrayList<>();
    for (String g : given) {
      Path p = new Path(g);
      FileSystem fs = p.getFileSystem(conf);
      FileStatus[] matches;
      try {
        matches = fs.globStatus(p);
      } catch (FileNotFoundException e) {
        matches = null;
      }
      if (matches == null || matches.length == 0) {
        throw new UsageException("input not found: " + g);
      }
      List<Path> matched = new ArrayList<>();
      int files = 0;
      long bytes = 0;
      for (FileStatus m : matches) {
        if (isHidden(m.getPath())) {
          continue;
        }
        matched.add(m.getPath());
        if (m.isFile()) {
          files++;
          bytes += m.getLen();
          continue;
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
        while (it.hasNext()) {
          LocatedFileStatus f = it.next();
          if (!isHiddenBelow(f.getPath(), m.getPath())) {
            files++;
            bytes += f.getLen();
          }
        }
      }
      if (files == 0) {
        throw new UsageException("input has no files: " + g);
      }
      inputs.add(new Input(g, matched, files, bytes));
    }
    return new InputSet(inputs);
  }

  static boolean isHidden(Path p) {
    String n = p.getName();
    return n.startsWith("_") || n.startsWith(".");
  }

  /** Whether a path or any folder between it and {@code top} is hidden. */
  private static boolean isHiddenBelow(Path p, Path top) {
    String topPath = top.toUri().getPath();
    for (Path q = p; q != null && !q.toUri().getPath().equals(topPath); q = q.getParent()) {
      if (isHidden(q)) {
        return true;
      }
    }
    return false;
  }
}
