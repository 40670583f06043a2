package org.colony.jobs.syslog;

import org.apache.hadoop.mapreduce.Partitioner;

/**
 * Sends every line of a template to one reducer, whatever its host and app, so that its distinct
 * hosts, example and top rank are exact; hourly keys spread by the whole key.
 */
public final class SyslogStatsPartitioner<V> extends Partitioner<SyslogStatsKey, V> {

  @Override
  public int getPartition(SyslogStatsKey key, V value, int partitions) {
    return (key.partitionHash() & Integer.MAX_VALUE) % partitions;
  }
}
