package org.colony.driver;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.colony.io.Codecs;

/**
 * A run's input: the paths the user gave, globs expanded, with their files and bytes as the job
 * will read them (hidden files, whose names start with '_' or '.', are skipped, as
 * FileInputFormat skips them; folders are read recursively), and the on-disk bytes per codec.
 */
public final class InputSet {
  /** The codec name of plain files in {@link #bytesByCodec()}. */
  public static final String PLAIN = "none";
  /** How many files per codec are kept for sampling. */
  private static final int SAMPLE_FILES = 4;

  /** One input path as given and what it matched. */
  public record Input(String given, List<Path> matched, int files, long bytes) {}

  /** One file the job will read. */
  public record InputFile(String path, long bytes, long modificationTime) {}

  private final List<Input> inputs;
  private final Map<String, Long> bytesByCodec;
  private final Map<String, List<FileStatus>> samples;
  private final List<InputFile> files;

  private InputSet(List<Input> inputs, Map<String, Long> bytesByCodec,
      Map<String, List<FileStatus>> samples, List<InputFile> files) {
    this.inputs = inputs;
    this.bytesByCodec = bytesByCodec;
    this.samples = samples;
    this.files = files;
  }

  /** Every file, sorted by path. */
  public List<InputFile> fileList() {
    return files;
  }

  /**
   * A digest of every file's path, size and modification time: equal digests mean the input did
   * not change (for --if-changed).
   */
  public String fingerprint() {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      for (InputFile f : files) {
        md.update((f.path() + "\t" + f.bytes() + "\t" + f.modificationTime() + "\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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

  /** On-disk bytes by codec extension (gz, bz2, zst, ...; "none" for plain files). */
  public Map<String, Long> bytesByCodec() {
    return bytesByCodec;
  }

  /** The largest few files of each codec, for sampling. */
  public Map<String, List<FileStatus>> samples() {
    return samples;
  }

  /**
   * Resolves the given paths.
   *
   * @throws UsageException when a path matches nothing or holds no files
   */
  public static InputSet resolve(Configuration conf, List<String> given)
      throws IOException, UsageException {
    CompressionCodecFactory codecs = Codecs.factory(conf);
    Map<String, Long> byCodec = new TreeMap<>();
    Map<String, List<FileStatus>> samples = new TreeMap<>();
    List<InputFile> files = new ArrayList<>();
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
      long[] totals = new long[2];
      for (FileStatus m : matches) {
        if (isHidden(m.getPath())) {
          continue;
        }
        matched.add(m.getPath());
        if (m.isFile()) {
          add(m, codecs, byCodec, samples, totals, files);
          continue;
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
        while (it.hasNext()) {
          LocatedFileStatus f = it.next();
          if (!isHiddenBelow(f.getPath(), m.getPath())) {
            add(f, codecs, byCodec, samples, totals, files);
          }
        }
      }
      if (totals[0] == 0) {
        throw new UsageException("input has no files: " + g);
      }
      inputs.add(new Input(g, matched, (int) totals[0], totals[1]));
    }
    files.sort((a, b) -> a.path().compareTo(b.path()));
    return new InputSet(inputs, byCodec, samples, files);
  }

  private static void add(FileStatus f, CompressionCodecFactory codecs, Map<String, Long> byCodec,
      Map<String, List<FileStatus>> samples, long[] totals, List<InputFile> files) {
    files.add(new InputFile(f.getPath().toString(), f.getLen(), f.getModificationTime()));
    totals[0]++;
    totals[1] += f.getLen();
    String codec = codecName(codecs.getCodec(f.getPath()));
    byCodec.merge(codec, f.getLen(), Long::sum);
    List<FileStatus> kept = samples.computeIfAbsent(codec, k -> new ArrayList<>());
    kept.add(f);
    kept.sort((a, b) -> Long.compare(b.getLen(), a.getLen()));
    if (kept.size() > SAMPLE_FILES) {
      kept.remove(kept.size() - 1);
    }
  }

  /** A codec's short name: its default extension without the dot ("none" for no codec). */
  public static String codecName(CompressionCodec codec) {
    return codec == null ? PLAIN : codec.getDefaultExtension().replaceFirst("^\\.", "");
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
