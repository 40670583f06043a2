package org.colony.io.uploads;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.colony.io.uploads.UploadReading.Read;

/**
 * Reads one upload through {@link UploadInputFormat} and prints its SHA-256 and the peak heap the
 * JVM used; run in a JVM with a small -Xmx by {@link BigUploadTest}.
 */
public final class BigUploadMain {
  private BigUploadMain() {}

  public static void main(String[] args) throws Exception {
    UploadReading.Result r = UploadReading.readAll(new Configuration(), new UploadInputFormat(),
        Path.of(args[0]));
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    for (Read read : r.reads()) {
      System.out.println("sha256 " + read.sha256() + " size " + read.size());
    }
    System.out.println("peakHeap " + peak + " maxHeap " + Runtime.getRuntime().maxMemory());
  }
}
