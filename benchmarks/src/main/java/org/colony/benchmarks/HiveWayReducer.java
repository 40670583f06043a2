package org.colony.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.colony.jobs.common.TopN;

/**
 * The Hive way's reduce: parses each value back from text and sums per key; writes hourly, urls
 * and clients rows; keeps this reducer's top N URLs, referrers and agents as candidates.
 */
public class HiveWayReducer extends Reducer<Text, Text, Text, Text> {
  static final int TOP_N = 100;
  private final TopN urls = new TopN(TOP_N);
  private final TopN referrers = new TopN(TOP_N);
  private final TopN agents = new TopN(TOP_N);
  private MultipleOutputs<Text, Text> out;

  @Override
  protected void setup(Context context) {
    out = new MultipleOutputs<>(context);
  }

  @Override
  protected void reduce(Text key, Iterable<Text> values, Context context)
      throws IOException, InterruptedException {
    long hits = 0;
    long bytes = 0;
    long[] cls = new long[6];
    for (Text v : values) {
      String[] f = v.toString().split("\t");
      int status = f[0].equals("-") ? 0 : Integer.parseInt(f[0]);
      hits++;
      bytes += f[1].equals("-") || f[1].isEmpty() ? 0 : Long.parseLong(f[1]);
      int c = status / 100;
      if (c >= 2 && c <= 5) {
        cls[c]++;
      }
    }
    String k = key.toString();
    String name = k.substring(2);
    switch (k.charAt(0)) {
      case 'H' -> out.write("hourly", new Text(name), new Text(hits + "\t" + bytes + "\t" + cls[2]
          + "\t" + cls[3] + "\t" + cls[4] + "\t" + cls[5]), "hourly/part");
      case 'U' -> {
        out.write("urls", new Text(name), new Text(hits + "\t" + bytes + "\t" + cls[4] + "\t"
            + cls[5]), "urls/part");
        offer(urls, name, hits);
      }
      case 'C' -> out.write("clients", new Text(name), new Text(hits + "\t" + bytes),
          "clients/part");
      case 'R' -> offer(referrers, name, hits);
      default -> offer(agents, name, hits);
    }
  }

  private static void offer(TopN top, String value, long hits) {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    top.offer(b, 0, b.length, hits);
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    String[] names = {"url", "referrer", "agent"};
    TopN[] tops = {urls, referrers, agents};
    for (int d = 0; d < 3; d++) {
      for (TopN.Entry e : tops[d].best()) {
        out.write("top", new Text(names[d] + "\t" + e.count()),
            new Text(new String(e.value(), StandardCharsets.UTF_8)), "topcandidates/part");
      }
    }
    out.close();
  }
}
