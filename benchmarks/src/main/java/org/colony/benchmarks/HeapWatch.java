package org.colony.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The heap a run needed: the largest heap in use right after a collection (what the run kept
 * live, whatever -Xmx lets the collector postpone), and the sum of the heap pools' peaks (an upper
 * bound of the heap it touched).
 */
final class HeapWatch {
  private final AtomicLong liveAfterGc = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();

  private HeapWatch() {}

  static HeapWatch start() {
    HeapWatch w = new HeapWatch();
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener((n, h) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
              n.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long used = 0;
            for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
              used += u.getUsed();
            }
            // non-heap pools (metaspace, code cache) are in the map too: count heap pools only
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
              if (p.getType() != MemoryType.HEAP) {
                MemoryUsage u = info.getGcInfo().getMemoryUsageAfterGc().get(p.getName());
                used -= u == null ? 0 : u.getUsed();
              }
            }
            w.collections.incrementAndGet();
            w.liveAfterGc.accumulateAndGet(used, Math::max);
          }
        }, null, null);
      }
    }
    return w;
  }

  long liveAfterGcPeakKb() {
    return liveAfterGc.get() / 1024;
  }

  long collections() {
    return collections.get();
  }

  static long poolPeaksKb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum / 1024;
  }
}
