package org.colony.testing;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/** Configuration for running real jobs in this JVM (LocalJobRunner) on the local file system. */
public final class LocalHadoop {
  private LocalHadoop() {}

  public static Configuration conf(Path scratch) {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("fs.file.impl", "org.colony.io.fs.NioLocalFileSystem");
    conf.set("mapreduce.framework.name", "local");
    conf.set("hadoop.tmp.dir", scratch.resolve("hadoop-tmp").toString());
    conf.set("colony.history.dir", scratch.resolve("hadoop-tmp/history").toString());
    conf.setInt("mapreduce.local.map.tasks.maximum", 2);
    conf.setInt("mapreduce.local.reduce.tasks.maximum", 2);
    conf.setInt("mapreduce.client.completion.pollinterval", 100);
    return conf;
  }
}
