package org.colony.minicluster;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapred.MiniMRClientCluster;
import org.apache.hadoop.mapred.MiniMRClientClusterFactory;

/**
 * One MiniDFSCluster and one MiniMRYarnCluster in this JVM, tuned to start, run and stop quickly
 * on a small machine (see ../shared/NOTES-hadoop.md). Start one per test class.
 */
final class MiniClusters implements AutoCloseable {
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

  /** A client configuration for both clusters. */
  Configuration conf() throws IOException {
    return new Configuration(mr.getConfig());
  }

  FileSystem fs() throws IOException {
    return dfs.getFileSystem();
  }

  @Override
  public void close() throws IOException {
    try {
      mr.stop();
    } finally {
      dfs.shutdown();
    }
  }
}
