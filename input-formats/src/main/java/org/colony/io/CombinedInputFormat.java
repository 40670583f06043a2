package org.colony.io;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.lib.input.CombineFileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * The combined variant of a Colony file format: many small files packed into few splits (up to
 * {@code colony.input.combine.split.bytes} each, files grouped by node and rack), each file read by
 * the plain format's own reader, so results are the same as with the plain format.
 *
 * @param <K> the key type
 * @param <V> the record type
 */
public abstract class CombinedInputFormat<K, V> extends CombineFileInputFormat<K, V> {

  @Override
  public List<InputSplit> getSplits(JobContext job) throws IOException {
    Configuration conf = job.getConfiguration();
    if (conf.getLong(FileInputFormat.SPLIT_MAXSIZE, 0) <= 0) {
      setMaxSplitSize(InputKeys.COMBINE_SPLIT_BYTES.getLong(conf));
    }
    return super.getSplits(job);
  }

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return Codecs.isSplittable(context.getConfiguration(), file);
  }
}
