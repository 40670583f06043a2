package org.colony.jobs.sessions;

import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.mapreduce.Partitioner;

/**
 * Sends all hits of a visitor to one reducer: partitions by a hash of the visitor bytes alone
 * (Hadoop's {@link WritableComparator#hashBytes}, the same in every JVM), never by time or path.
 */
public final class VisitorPartitioner<V> extends Partitioner<SessionKey, V> {

  @Override
  public int getPartition(SessionKey key, V value, int partitions) {
    return partitionOf(key.visitor(), key.visitorLength(), partitions);
  }

  /** The partition of a visitor among {@code partitions}. */
  public static int partitionOf(byte[] visitor, int length, int partitions) {
    return (WritableComparator.hashBytes(visitor, length) & Integer.MAX_VALUE) % partitions;
  }
}
