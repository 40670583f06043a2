package org.colony.jobs.sessions;

import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.io.WritableUtils;

/**
 * Groups {@link SessionKey}s by visitor alone, so that one reduce call streams through all of a
 * visitor's hits in time order. Compares serialized keys without deserializing them.
 */
public final class VisitorGroupingComparator extends WritableComparator {
  public VisitorGroupingComparator() {
    super(SessionKey.class);
  }

  @Override
  public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
    return compareBytes(b1, s1 + WritableUtils.decodeVIntSize(b1[s1]), SessionKey.vint(b1, s1),
        b2, s2 + WritableUtils.decodeVIntSize(b2[s2]), SessionKey.vint(b2, s2));
  }

  @Override
  @SuppressWarnings("rawtypes")
  public int compare(WritableComparable a, WritableComparable b) {
    return ((SessionKey) a).compareVisitor((SessionKey) b);
  }
}
