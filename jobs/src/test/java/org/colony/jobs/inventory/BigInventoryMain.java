package org.colony.jobs.inventory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.colony.jobs.UploadTrees;

/**
 * Runs uploads-inventory through LocalJobRunner over one folder and prints its files/ rows and the
 * peak heap the JVM used; run in a JVM with a small -Xmx by {@link BigInventoryTest}.
 */
public final class BigInventoryMain {
  private BigInventoryMain() {}

  public static void main(String[] args) throws Exception {
    Path in = Path.of(args[0]);
    Path scratch = Path.of(args[1]);
    UploadTrees.run(new InventorySpec(), scratch, scratch.resolve("out"), 1,
        conf -> conf.setInt("mapreduce.task.io.sort.mb", 4), in);
    try (Stream<Path> s = Files.list(scratch.resolve("out/files"))) {
      for (Path p : s.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
        Files.readAllLines(p).forEach(l -> System.out.println("row " + l));
      }
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("peakHeap " + peak + " maxHeap " + Runtime.getRuntime().maxMemory());
  }
}
