package org.colony.minicluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapred.MiniMRClientCluster;
import org.apache.hadoop.mapred.MiniMRClientClusterFactory;
import org.apache.hadoop.util.ToolRunner;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.colony.driver.ColonyTool;

/**
 * One MiniDFSCluster and one MiniMRYarnCluster in this JVM, tuned to start, run and stop quickly
 * on a small machine (see ../shared/NOTES-hadoop.md). The test classes share one ({@link
 * #shared()}): surefire runs them in one JVM, and starting the pair is most of a small test's
 * time.
 */
final class MiniClusters implements AutoCloseable {
  private static MiniClusters shared;
  private final MiniDFSCluster dfs;
  private final MiniMRClientCluster mr;

  MiniClusters(Class<?> testClass, Path base) throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("dfs").toString());
    conf.set("hadoop.tmp.dir", base.resolve("tmp").toString());
    conf.setInt("dfs.replication", 1);
    dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).format(true).build();
    dfs.waitActive();

    Configuration yarn = new Configuration(dfs.getConfiguration(0));
    yarn.set("yarn.scheduler.capacity.root.queues", "default");
    yarn.set("yarn.scheduler.capacity.root.default.capacity", "100");
    yarn.setInt("yarn.nodemanager.log.retain-seconds", 1);
    yarn.setLong("yarn.nodemanager.sleep-delay-before-sigkill.ms", 100);
    yarn.setLong("yarn.nodemanager.process-kill-wait.ms", 100);
    yarn.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
    yarn.setInt("yarn.scheduler.minimum-allocation-mb", 256);
    yarn.setInt("yarn.nodemanager.resource.memory-mb", 4096);
    yarn.setInt("yarn.app.mapreduce.am.resource.mb", 512);
    yarn.setInt("mapreduce.map.memory.mb", 512);
    yarn.setInt("mapreduce.reduce.memory.mb", 512);
    String jvm = "-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
    yarn.set("yarn.app.mapreduce.am.command-opts", jvm);
    yarn.set("mapreduce.map.java.opts", jvm);
    yarn.set("mapreduce.reduce.java.opts", jvm);
    yarn.setInt("mapreduce.client.completion.pollinterval", 200);
    mr = MiniMRClientClusterFactory.create(testClass, 1, yarn);
  }

  /**
   * The clusters of this JVM, started on first use and stopped when the JVM exits. Each call
   * empties the file system first (all but /tmp, where YARN keeps its staging and history, and
   * /user/USER/target, where the MapReduce AM's jar is), so that a test class starts from a
   * clean namespace: no inputs, outputs or run history of another class.
   */
  static synchronized MiniClusters shared() throws IOException {
    if (shared == null) {
      shared = new MiniClusters(MiniClusters.class, Path.of(System.getProperty(
          "test.build.data", "target/test-data")).toAbsolutePath().resolve("clusters"));
      MiniClusters started = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.stop();
        } catch (IOException | RuntimeException e) {
          // the JVM is exiting; the cluster's folders are under target/
        }
      }, "stop-miniclusters"));
    } else {
      FileSystem fs = shared.fs();
      for (FileStatus s : fs.listStatus(new org.apache.hadoop.fs.Path("/"))) {
        String name = s.getPath().getName();
        if (name.equals("user")) {
          // keep each user's target/, where MiniMRYarnCluster put the MapReduce AM's jar
          for (FileStatus home : fs.listStatus(s.getPath())) {
            for (FileStatus f : fs.listStatus(home.getPath())) {
              if (!f.getPath().getName().equals("target")) {
                fs.delete(f.getPath(), true);
              }
            }
          }
        } else if (!name.equals("tmp")) {
          fs.delete(s.getPath(), true);
        }
      }
      shared.awaitIdle();
    }
    return shared;
  }

  /**
   * Waits until YARN runs no application (an AM of the previous class may still be exiting), so
   * that a class sees the whole capacity of the queue.
   */
  private void awaitIdle() throws IOException {
    YarnClient yarn = YarnClient.createYarnClient();
    yarn.init(conf());
    yarn.start();
    try {
      long deadline = System.currentTimeMillis() + 120_000;
      while (!yarn.getApplications(EnumSet.of(YarnApplicationState.NEW,
          YarnApplicationState.NEW_SAVING, YarnApplicationState.SUBMITTED,
          YarnApplicationState.ACCEPTED, YarnApplicationState.RUNNING)).isEmpty()
          || yarn.getNodeReports(NodeState.RUNNING).stream()
              .anyMatch(n -> n.getNumContainers() > 0)) {
        if (System.currentTimeMillis() > deadline) {
          throw new IOException("YARN still runs applications of an earlier test class");
        }
        Thread.sleep(200);
      }
    } catch (YarnException e) {
      throw new IOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      yarn.stop();
    }
  }

  /** Runs the colony command as its entry point does; appends what it printed. */
  static int colony(Configuration conf, StringBuilder output, String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream p = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      int code = ToolRunner.run(new Configuration(conf), new ColonyTool(p, p), args);
      output.append(bytes.toString(StandardCharsets.UTF_8));
      return code;
    }
  }

  /** A client configuration for both clusters. */
  Configuration conf() throws IOException {
    return new Configuration(mr.getConfig());
  }

  FileSystem fs() throws IOException {
    return dfs.getFileSystem();
  }

  /** Stops the clusters, unless they are the shared ones, which stop with the JVM. */
  @Override
  public void close() throws IOException {
    if (this != shared) {
      stop();
    }
  }

  private void stop() throws IOException {
    try {
      mr.stop();
    } finally {
      dfs.shutdown();
    }
  }
}
