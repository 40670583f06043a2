package org.colony.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The machine and its load, printed at the top of every benchmark's output. */
final class Machine {
  private Machine() {}

  static void print(PrintStream out) {
    out.printf("date %s; %d cores; %s; java %s (%s); load average %s%n", Instant.now(),
        Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), load());
  }

  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  private static String memTotal() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal:")) {
          return "memory " + l.substring(9).trim();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return "memory ?";
  }
}
