package org.colony.driver.sizing;

import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.MRConfig;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.api.records.QueueInfo;
import org.apache.hadoop.yarn.api.records.QueueStatistics;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * How many reducers can run at once: on YARN, the memory the job's queue has available (its queue
 * statistics, else the free memory of the running nodes) divided by the reduce container size; in
 * local mode, the local reduce slots.
 */
public final class ClusterCapacity {
  /** Slots for reducers, and how they were found. */
  public record Slots(int slots, String detail) {
    public boolean known() {
      return slots > 0;
    }
  }

  private ClusterCapacity() {}

  public static Slots reduceSlots(Configuration conf) {
    String framework = conf.get(MRConfig.FRAMEWORK_NAME, MRConfig.LOCAL_FRAMEWORK_NAME);
    if (!framework.equals(MRConfig.YARN_FRAMEWORK_NAME)) {
      int local = conf.getInt("mapreduce.local.reduce.tasks.maximum", 1);
      return new Slots(local, "local mode: mapreduce.local.reduce.tasks.maximum = " + local);
    }
    Configuration c = new Configuration(conf);
    // fail fast when the ResourceManager is not there: sizing must not hang a run
    c.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS, 10_000);
    c.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_RETRY_INTERVAL_MS, 1_000);
    int containerMb = conf.getInt(MRJobConfig.REDUCE_MEMORY_MB, MRJobConfig.DEFAULT_REDUCE_MEMORY_MB);
    String queue = conf.get(MRJobConfig.QUEUE_NAME, "default");
    try (YarnClient yarn = YarnClient.createYarnClient()) {
      yarn.init(c);
      yarn.start();
      long availableMb = -1;
      String from;
      QueueInfo info = yarn.getQueueInfo(queue);
      QueueStatistics stats = info == null ? null : info.getQueueStatistics();
      if (stats != null && stats.getAvailableMemoryMB() > 0) {
        availableMb = stats.getAvailableMemoryMB();
        from = "queue '" + queue + "' has " + availableMb + " MB available";
      } else {
        long free = 0;
        for (NodeReport n : yarn.getNodeReports(NodeState.RUNNING)) {
          long used = n.getUsed() == null ? 0 : n.getUsed().getMemorySize();
          free += n.getCapability().getMemorySize() - used;
        }
        availableMb = free;
        from = "running nodes have " + free + " MB free (no statistics for queue '" + queue + "')";
      }
      int slots = (int) Math.max(1, availableMb / containerMb);
      return new Slots(slots, String.format(Locale.ROOT, "%s / %d MB reduce containers = %d",
          from, containerMb, slots));
    } catch (Exception e) {
      return new Slots(0, "YARN capacity unknown (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + "): no cap");
    }
  }
}
