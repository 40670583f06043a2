package org.colony.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock on one output partition, a file beside it created only if absent (atomic on HDFS),
 * holding who took it: user, host, process, run and time. A second run of the same partition is
 * refused (exit 4) while the lock is younger than {@code colony.lock.stale.after}; an older lock
 * (its run died without releasing it), or one whose process on this host is gone, is taken over,
 * with a warning.
 */
public final class PartitionLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionLock.class);

  private final FileSystem fs;
  private final Path file;

  private PartitionLock(FileSystem fs, Path file) {
    this.fs = fs;
    this.file = file;
  }

  /** Thrown when another run holds the partition. */
  public static final class LockedException extends Exception {
    private static final long serialVersionUID = 1L;

    LockedException(String message) {
      super(message);
    }
  }

  static Path lockOf(Path output) {
    return new Path(output.getParent(), "." + output.getName() + ".colony-lock");
  }

  /** Takes the lock of {@code output}'s partition. */
  public static PartitionLock acquire(FileSystem fs, Path output, String runId, long staleMillis)
      throws IOException, LockedException {
    Path file = lockOf(output);
    fs.mkdirs(file.getParent());
    for (int attempt = 0; attempt < 2; attempt++) {
      try (OutputStream o = fs.create(file, false)) {
        o.write(describe(runId).getBytes(StandardCharsets.UTF_8));
        return new PartitionLock(fs, file);
      } catch (FileAlreadyExistsException e) {
        String holder = holder(fs, file);
        FileStatus st;
        try {
          st = fs.getFileStatus(file);
        } catch (java.io.FileNotFoundException gone) {
          continue; // released meanwhile: try again
        }
        long age = System.currentTimeMillis() - st.getModificationTime();
        boolean dead = deadOnThisHost(holder);
        if (age < staleMillis && !dead) {
          throw new LockedException("partition " + output + " is locked by another run ("
              + holder + "; lock file " + file + ")");
        }
        LOG.warn("taking over a stale lock ({}; {}): {}", dead ? "its process is gone"
            : age / 1000 + " s old", holder, file);
        fs.delete(file, false);
      } catch (IOException e) {
        if (e.getMessage() != null && e.getMessage().contains("already exists")
            && attempt == 0 && fs.exists(file)) {
          // some file systems report an existing file as a plain IOException
          long age = System.currentTimeMillis() - fs.getFileStatus(file).getModificationTime();
          if (age < staleMillis) {
            throw new LockedException("partition " + output + " is locked by another run ("
                + holder(fs, file) + "; lock file " + file + ")");
          }
          fs.delete(file, false);
          continue;
        }
        throw e;
      }
    }
    throw new LockedException("partition " + output + " could not be locked: " + file);
  }

  /** Whether the holder ran on this host in a process that no longer exists. */
  static boolean deadOnThisHost(String holder) {
    java.util.regex.Matcher host = java.util.regex.Pattern.compile(" host=(\\S+)").matcher(holder);
    java.util.regex.Matcher pid = java.util.regex.Pattern.compile(" pid=(\\d+)").matcher(holder);
    if (!host.find() || !pid.find() || !host.group(1).equals(localHost())) {
      return false;
    }
    return ProcessHandle.of(Long.parseLong(pid.group(1))).map(h -> !h.isAlive()).orElse(true);
  }

  private static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  private static String describe(String runId) {
    String host = localHost();
    String user;
    try {
      user = UserGroupInformation.getCurrentUser().getShortUserName();
    } catch (IOException e) {
      user = System.getProperty("user.name");
    }
    return "run=" + runId + " user=" + user + " host=" + host + " pid="
        + ManagementFactory.getRuntimeMXBean().getPid() + " since=" + Instant.now() + "\n";
  }

  private static String holder(FileSystem fs, Path file) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(file),
        StandardCharsets.UTF_8))) {
      String line = r.readLine();
      return line == null ? "unknown holder" : line;
    } catch (IOException e) {
      return "unknown holder";
    }
  }

  @Override
  public void close() {
    try {
      fs.delete(file, false);
    } catch (IOException e) {
      LOG.warn("could not release lock {}: {}", file, e.toString());
    }
  }
}
