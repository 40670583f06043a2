package org.colony.io.uploads;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * Local files whose names are not valid in the JVM's file name encoding (bytes that are not
 * UTF-8, on Linux). Java decodes such a name with U+FFFD and cannot open the file by it, and
 * Hadoop's local listing then drops the file without a word. The uploads formats add these files
 * back, under their decoded name, so that each becomes a FILE_UNREADABLE reject: counted and
 * quarantined, not lost. HDFS and object stores cannot hold such names; only local roots are
 * walked.
 */
final class UndecodableNames {
  private UndecodableNames() {}

  /** The undecodable files below the job's local input paths, as file statuses. */
  static List<FileStatus> find(JobContext job) throws IOException {
    Configuration conf = job.getConfiguration();
    boolean recursive = FileInputFormat.getInputDirRecursive(job);
    List<FileStatus> found = new ArrayList<>();
    for (Path root : FileInputFormat.getInputPaths(job)) {
      FileSystem fs = root.getFileSystem(conf);
      if (!(fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem)) {
        continue;
      }
      java.net.URI uri = fs.makeQualified(root).toUri();
      if (!"file".equals(uri.getScheme())) {
        continue; // a local file system under a scheme of its own: not walked by java.nio
      }
      java.nio.file.Path dir = java.nio.file.Path.of(uri);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      long blockSize = fs.getDefaultBlockSize(root);
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(java.nio.file.Path d, BasicFileAttributes a) {
          if (d.equals(dir)) {
            return FileVisitResult.CONTINUE;
          }
          return recursive && !hidden(d) ? FileVisitResult.CONTINUE
              : FileVisitResult.SKIP_SUBTREE;
        }

        @Override
        public FileVisitResult visitFile(java.nio.file.Path f, BasicFileAttributes a) {
          if (a.isRegularFile() && !hidden(f) && !decodable(f)) {
            found.add(new FileStatus(a.size(), false, 1, blockSize,
                a.lastModifiedTime().toMillis(), new Path(f.toUri())));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(java.nio.file.Path f, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    }
    return found;
  }

  private static boolean hidden(java.nio.file.Path p) {
    String n = p.getFileName().toString();
    return n.startsWith("_") || n.startsWith(".");
  }

  /** Whether the path, as a String, names the same file (a name Java decoded losslessly). */
  private static boolean decodable(java.nio.file.Path p) {
    return new File(p.toString()).exists();
  }
}
