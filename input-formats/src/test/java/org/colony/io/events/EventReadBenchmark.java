package org.colony.io.events;

import java.nio.file.Files;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.io.SplitLines;
import org.colony.testing.CountingReporter;
import org.colony.testing.Paths;

/**
 * Event read throughput over the sample application logs, one thread, after warming up: MB/s of
 * uncompressed input. Not a test; prints figures. For each file: the lines alone
 * ({@link SplitLines}, the floor), events ({@link EventRecordReader}), and events with the
 * accessors the exceptions job uses (level, logger, exception and root cause).
 *
 * <pre>
 *   mvn -q -o test-compile -pl input-formats
 *   mvn -q -o dependency:build-classpath -pl input-formats -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp input-formats/target/test-classes:input-formats/target/classes:$(cat /tmp/cp.txt) \
 *       org.colony.io.events.EventReadBenchmark [seconds per measurement, default 5]
 * </pre>
 */
public final class EventReadBenchmark {
  private EventReadBenchmark() {}

  private enum Mode { LINES, EVENTS, EVENTS_AND_FIELDS }

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    Configuration conf = new Configuration();
    System.out.printf("%-32s %-18s %8s %8s %8s%n", "file", "mode", "MB/s", "min", "max");
    for (String name : new String[] {"logs/app/dt=2026-11-24/app.log",
        "logs/app/dt=2026-11-25/app.log.gz"}) {
      java.nio.file.Path file = Paths.sampleData(name);
      FileSplit split = new FileSplit(new Path(file.toUri()), 0, Files.size(file), null);
      for (Mode mode : Mode.values()) {
        long bytes = 0;
        long warm = System.nanoTime() + (long) (seconds * 0.5e9);
        while (System.nanoTime() < warm) {
          bytes = read(conf, split, mode);
        }
        double[] rates = new double[5];
        for (int r = 0; r < rates.length; r++) {
          long n = 0;
          long start = System.nanoTime();
          long stop = start + (long) (seconds / rates.length * 1e9);
          long now;
          do {
            n += read(conf, split, mode);
            now = System.nanoTime();
          } while (now < stop);
          rates[r] = n / 1e6 / ((now - start) / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf("%-32s %-18s %8.1f %8.1f %8.1f   (%d bytes a pass)%n",
            file.getFileName() + " " + file.getParent().getFileName(), mode, rates[2], rates[0],
            rates[rates.length - 1], bytes);
      }
    }
  }

  /** Reads the split once; returns the (uncompressed) bytes read. */
  private static long read(Configuration conf, FileSplit split, Mode mode) throws Exception {
    if (mode == Mode.LINES) {
      long n = 0;
      try (SplitLines lines = new SplitLines(split, conf, InputKeys.MAX_LINE_BYTES.getInt(conf),
          true)) {
        while (lines.next(true)) {
          n += lines.consumed();
        }
      }
      return n;
    }
    CountingReporter counters = new CountingReporter();
    TaskAttemptContextImpl ctx = new TaskAttemptContextImpl(conf, new TaskAttemptID(), counters);
    RecordReader<LongWritable, EventRecord> reader = new EventRecordReader();
    reader.initialize(split, ctx);
    long sink = 0;
    while (reader.nextKeyValue()) {
      EventRecord e = reader.getCurrentValue();
      sink += e.lines();
      if (mode == Mode.EVENTS_AND_FIELDS) {
        EventLevel level = e.level();
        sink += level == null ? 0 : level.ordinal();
        if (level == EventLevel.ERROR) {
          sink += e.logger().length();
          String exception = e.stackTrace().exceptionClass();
          String root = e.stackTrace().rootCauseClass();
          sink += (exception == null ? 0 : exception.length()) + (root == null ? 0 : root.length());
        }
      }
    }
    reader.close();
    if (sink == 42) {
      System.out.print(""); // keeps the work observable
    }
    return counters.get(RecordCounters.BYTES_READ);
  }
}
