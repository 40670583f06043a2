package org.colony.jobs.common;

import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.MapContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * The file a map task's current record comes from, as {@code _rejects/} names files: its split's
 * file, or for a combined split the file being read, which Hadoop's CombineFileRecordReader puts
 * into the task's configuration ({@code mapreduce.map.input.file}) before reading it. Looked up
 * only when asked, so that a mapper pays for it only on the records it reports.
 */
public final class InputFile {
  private final String fixed;
  private final Configuration conf;
  private String last;
  private byte[] lastBytes;

  public InputFile(MapContext<?, ?, ?, ?> context) {
    InputSplit split = context.getInputSplit();
    this.fixed = split instanceof FileSplit fs ? fs.getPath().toString() : null;
    this.conf = context.getConfiguration();
  }

  /** The current record's file, or "-" when the task does not know it. */
  public String name() {
    return fixed != null ? fixed : conf.get(MRJobConfig.MAP_INPUT_FILE, "-");
  }

  /** {@link #name()} as UTF-8, reused while the file stays the same. */
  public byte[] bytes() {
    String n = name();
    if (!n.equals(last)) {
      last = n;
      lastBytes = n.getBytes(StandardCharsets.UTF_8);
    }
    return lastBytes;
  }
}
