package org.colony.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.colony.jobs.common.TopN;

/**
 * access-stats written the Hive/Pig way, as the baseline: TextInputFormat lines, Hive's
 * RegexSerDe combined regex with a String per group, the time parsed with a date formatter, Text
 * keys with the report as a prefix and Text values ({@code status<TAB>bytes}), no combiner, keys
 * compared as objects (no raw comparator), map output not compressed. The same tables as
 * access-stats; each reducer keeps its top N, merged here after the job.
 */
final class HiveWayAccessStats {
  private HiveWayAccessStats() {}

  /** Compares Text keys by deserializing them: the object comparison, no raw comparator. */
  public static final class ObjectTextComparator extends WritableComparator {
    public ObjectTextComparator() {
      super(Text.class, true);
    }
  }

  static Map<String, Object> run(Configuration conf, String input, String output, int reducers)
      throws Exception {
    conf.setBoolean(MRJobConfig.MAP_OUTPUT_COMPRESS, false);
    // Embedded, both reducers fetch into one JVM, each taking by default 70% of its heap for the
    // in-memory shuffle: with -Xmx512m the uncompressed shuffle of this job runs out of heap.
    // A quarter each keeps the two within the heap (a setting, not a speed trick: the rest
    // goes through disk, as on a cluster).
    conf.setFloat(MRJobConfig.SHUFFLE_INPUT_BUFFER_PERCENT, 0.25f);
    conf.setBoolean(FileInputFormat.INPUT_DIR_RECURSIVE, true);
    Job job = Job.getInstance(conf, "access-stats the Hive way");
    job.setJarByClass(HiveWayAccessStats.class);
    job.setMapperClass(HiveWayMapper.class);
    job.setReducerClass(HiveWayReducer.class);
    job.setMapOutputKeyClass(Text.class);
    job.setMapOutputValueClass(Text.class);
    job.setSortComparatorClass(ObjectTextComparator.class);
    job.setOutputKeyClass(Text.class);
    job.setOutputValueClass(Text.class);
    job.setNumReduceTasks(reducers);
    FileInputFormat.setInputPaths(job, new Path(input));
    FileInputFormat.setInputPathFilter(job, VisibleFiles.class);
    FileOutputFormat.setOutputPath(job, new Path(output));
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
    for (String report : new String[] {"hourly", "urls", "clients", "top"}) {
      MultipleOutputs.addNamedOutput(job, report, TextOutputFormat.class, Text.class, Text.class);
    }
    boolean ok = job.waitForCompletion(false);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", ok);
    if (!ok) {
      return m;
    }
    m.put("records", job.getCounters().findCounter(TaskCounter.MAP_INPUT_RECORDS).getValue());
    m.put("rejected", job.getCounters().findCounter(HiveWayMapper.Lines.NO_MATCH).getValue());
    m.put("shuffleBytes", job.getCounters().findCounter(
        TaskCounter.MAP_OUTPUT_MATERIALIZED_BYTES).getValue());
    m.put("topRows", mergeTop(conf, new Path(output)));
    m.putAll(Rows.count(java.nio.file.Path.of(new Path(output).toUri().getPath())));
    return m;
  }

  /** Skips hidden files (_SUCCESS, .crc), as Hive's table scan does. */
  public static final class VisibleFiles implements org.apache.hadoop.fs.PathFilter {
    @Override
    public boolean accept(Path p) {
      return !p.getName().startsWith("_") && !p.getName().startsWith(".");
    }
  }

  /** The reducers' top candidates, merged into the top N of each dimension. */
  private static long mergeTop(Configuration conf, Path output) throws IOException {
    FileSystem fs = output.getFileSystem(conf);
    Map<String, TopN> tops = new LinkedHashMap<>();
    Path dir = new Path(output, "topcandidates");
    for (FileStatus f : fs.listStatus(dir, p -> p.getName().startsWith("part-"))) {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(f.getPath()),
          StandardCharsets.UTF_8))) {
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          String[] c = l.split("\t", 3); // dimension, count, value
          byte[] v = c[2].getBytes(StandardCharsets.UTF_8);
          tops.computeIfAbsent(c[0], k -> new TopN(HiveWayReducer.TOP_N))
              .offer(v, 0, v.length, Long.parseLong(c[1]));
        }
      }
    }
    List<String> rows = new ArrayList<>();
    tops.forEach((d, t) -> {
      int rank = 0;
      for (TopN.Entry e : t.best()) {
        rows.add(d + "\t" + ++rank + "\t" + new String(e.value(), StandardCharsets.UTF_8) + "\t"
            + e.count());
      }
    });
    try (var o = fs.create(new Path(output, "top/part-r-00000"))) {
      o.write(("dimension\trank\tvalue\thits\n" + String.join("\n", rows) + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    return rows.size();
  }
}
