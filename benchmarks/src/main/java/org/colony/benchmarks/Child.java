package org.colony.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.colony.driver.ColonyTool;

/**
 * One measured run in a JVM of its own, so that its peak RSS is its own: a colony command
 * (embedded, conf/local on the classpath), the in-process loop, or the Hive-way job. Prints one
 * line {@code RESULT key=value ...} with wall and CPU time, peak RSS (VmHWM), heap peaks
 * ({@link HeapWatch}) and what the run reports.
 *
 * <pre>
 *   Child colony COMMAND ARGS...
 *   Child inprocess INPUT OUTPUT
 *   Child hiveway INPUT OUTPUT REDUCERS
 * </pre>
 */
public final class Child {
  private Child() {}

  public static void main(String[] args) throws Exception {
    long wall0 = System.nanoTime();
    HeapWatch heap = HeapWatch.start();
    Map<String, Object> result = new LinkedHashMap<>();
    int exit = 0;
    switch (args[0]) {
      case "colony" -> {
        exit = ToolRunner.run(new Configuration(), new ColonyTool(),
            Arrays.copyOfRange(args, 1, args.length));
        if (exit == 0 && !args[1].startsWith("gen")) {
          Path out = Path.of(args[Arrays.asList(args).indexOf("--output") + 1]);
          result.putAll(Rows.count(out));
        }
      }
      case "inprocess" -> result.putAll(new InProcessAccessStats(100).run(Path.of(args[1]),
          Path.of(args[2])));
      case "hiveway" -> result.putAll(HiveWayAccessStats.run(new Configuration(), args[1],
          args[2], Integer.parseInt(args[3])));
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
    long wallMs = (System.nanoTime() - wall0) / 1_000_000;
    long cpuMs = ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    StringBuilder sb = new StringBuilder("RESULT exit=").append(exit).append(" wallMs=")
        .append(wallMs).append(" cpuMs=").append(cpuMs).append(" vmHwmKb=").append(vmHwmKb())
        .append(" heapPeakKb=").append(HeapWatch.poolPeaksKb())
        .append(" liveHeapPeakKb=").append(heap.liveAfterGcPeakKb())
        .append(" gcs=").append(heap.collections());
    result.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    System.out.println(sb);
    System.out.flush();
    System.exit(exit);
  }

  /** Peak resident set size of this process, from /proc/self/status; -1 elsewhere. */
  static long vmHwmKb() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmHWM:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return -1;
  }
}
