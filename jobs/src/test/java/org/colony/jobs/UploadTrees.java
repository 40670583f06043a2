package org.colony.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.colony.testing.LocalHadoop;

/**
 * Upload folders for tests: what is in one, computed with java.nio and java.security (not with
 * Colony), and a job spec run over one through LocalJobRunner.
 */
public final class UploadTrees {
  private UploadTrees() {}

  /** One visible file of a tree: size, SHA-256, owner (first folder, or ""). */
  public record Facts(String path, long size, String sha256, String owner, long mtime) {}

  /** Every file below {@code root} that Hadoop would list: no component hidden (_ or .). */
  public static Map<String, Facts> walk(Path root) throws Exception {
    Map<String, Facts> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        Path rel = root.relativize(p);
        boolean hidden = false;
        for (Path c : rel) {
          String n = c.toString();
          hidden |= n.startsWith(".") || n.startsWith("_");
        }
        if (hidden) {
          continue;
        }
        String r = rel.toString().replace(java.io.File.separatorChar, '/');
        String owner = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
        m.put(r, new Facts(r, Files.size(p), sha256(p), owner,
            Files.getLastModifiedTime(p).toMillis()));
      }
    }
    return m;
  }

  public static String sha256(Path p) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(p)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  public static void write(Path root, String relative, byte[] content) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
  }

  /** Runs {@code spec} over {@code inputs} into {@code out}, as the driver configures a job. */
  public static Job run(JobSpec spec, Path scratch, Path out, int reducers,
      Consumer<Configuration> settings, Path... inputs) throws Exception {
    Configuration conf = LocalHadoop.conf(scratch);
    settings.accept(conf);
    Job job = Job.getInstance(conf, spec.name() + " test");
    job.getConfiguration().setBoolean(FileInputFormat.INPUT_DIR_RECURSIVE, true);
    FileInputFormat.setInputPaths(job, Arrays.stream(inputs)
        .map(p -> new org.apache.hadoop.fs.Path(p.toUri()))
        .toArray(org.apache.hadoop.fs.Path[]::new));
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(out.toUri()));
    job.setNumReduceTasks(reducers);
    spec.configure(job);
    if (spec.mapOnly()) {
      job.setNumReduceTasks(0);
    }
    assertThat(job.waitForCompletion(false)).as("%s succeeded", spec.name()).isTrue();
    spec.afterSuccess(job, FileSystem.getLocal(conf), new org.apache.hadoop.fs.Path(out.toUri()));
    return job;
  }
}
