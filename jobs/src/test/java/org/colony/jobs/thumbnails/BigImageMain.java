package org.colony.jobs.thumbnails;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Thumbnails the images named on the command line at 128 and 512, as the mapper does (header
 * from one stream, decoding from a seekable one of the local file system), and prints each
 * thumbnail, the time taken, the peak heap and the peak resident memory; run in a JVM with a
 * small -Xmx by {@link BigImageTest}.
 */
public final class BigImageMain {
  private BigImageMain() {}

  public static void main(String[] args) throws Exception {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Thumbnailer thumbnailer = new Thumbnailer(new int[] {128, 512}, 50_000_000);
    for (String a : args) {
      Path p = new Path(a);
      long length = fs.getFileStatus(p).getLen();
      long t0 = System.nanoTime();
      ImageHeader header;
      try (InputStream in = fs.open(p)) {
        header = ImageHeaders.read(in, length);
      }
      Thumbnailer.Result r;
      try (SeekableImageInputStream in = new SeekableImageInputStream(fs.open(p), length)) {
        r = thumbnailer.thumbnails(header, in);
      }
      double ms = (System.nanoTime() - t0) / 1e6;
      for (Thumbnailer.Thumbnail t : r.thumbnails()) {
        System.out.printf("thumbnail %s %d %dx%d %d bytes%n", p.getName(), t.size(), t.width(),
            t.height(), t.bytes().length);
      }
      System.out.printf("image %s %s %.0f ms%n", p.getName(), header, ms);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    String hwm = "?";
    java.nio.file.Path status = java.nio.file.Path.of("/proc/self/status");
    if (Files.exists(status)) {
      hwm = Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
          .map(l -> l.replaceAll("\\D", "")).findFirst().orElse("?");
    }
    System.out.println("peakHeap " + peak + " maxHeap " + Runtime.getRuntime().maxMemory()
        + " peakRssKb " + hwm);
  }
}
