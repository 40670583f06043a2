package org.colony.driver.sizing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.RawComparator;
import org.apache.hadoop.io.WritableUtils;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.serializer.SerializationFactory;
import org.apache.hadoop.io.serializer.Serializer;
import org.apache.hadoop.mapred.RawKeyValueIterator;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.map.WrappedMapper;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.reduce.WrappedReducer;
import org.apache.hadoop.mapreduce.task.MapContextImpl;
import org.apache.hadoop.mapreduce.task.ReduceContextImpl;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.hadoop.util.Progress;
import org.apache.hadoop.util.ReflectionUtils;
import org.colony.io.RecordCounters;
import org.colony.jobs.common.FaultSwitch;

/**
 * Runs a configured job's own mapper and combiner in this process over samples of a few of its
 * splits, and measures what it would shuffle: the combined map output, serialized as the map side
 * writes it (record lengths included) and compressed with the map output codec. Each sampled split
 * is read to {@code 2 x sampleBytes} of input and measured at half and at full, so that the growth
 * of the combined output (which flattens for aggregating jobs) can be extrapolated to the whole
 * split. Side files the mapper writes (rejects) go to a scratch folder removed afterwards.
 */
public final class MapSampler {

  /** One sampled split: its estimated uncompressed size and what the sample measured. */
  public record SplitSample(String split, long splitBytes, long readHalf, long combinedHalf,
      long readFull, long combinedFull, boolean wholeSplit, long records) {

    /** The combined map output predicted for the whole split. */
    public double predicted() {
      if (wholeSplit || readFull == 0) {
        return combinedFull;
      }
      double exponent = growth();
      return combinedFull * Math.pow((double) splitBytes / readFull, exponent);
    }

    /** How the combined output grows with input: 1 = proportionally, 0 = not at all. */
    public double growth() {
      if (combinedHalf <= 0 || readHalf <= 0 || readFull <= readHalf) {
        return 1.0;
      }
      double b = Math.log((double) combinedFull / combinedHalf)
          / Math.log((double) readFull / readHalf);
      return Math.max(0.0, Math.min(1.0, b));
    }
  }

  /** A map output key the sample saw, with the combined bytes it carried. */
  public record HeavyKey(byte[] key, long bytes) {}

  /** The sample of a job. */
  public record Result(List<SplitSample> splits, List<HeavyKey> heavyKeys) {
    /** Predicted shuffle bytes per uncompressed input byte, over the sampled splits. */
    public double ratio() {
      double predicted = 0;
      double bytes = 0;
      for (SplitSample s : splits) {
        predicted += s.predicted();
        bytes += s.splitBytes();
      }
      return bytes == 0 ? 0 : predicted / bytes;
    }
  }

  /** A bound for formats that do not count the bytes they read. */
  private static final long MAX_RECORDS = 500_000;

  private final Job job;
  private final long sampleBytes;
  private final int maxSplits;

  public MapSampler(Job job, long sampleBytes, int maxSplits) {
    this.job = job;
    this.sampleBytes = sampleBytes;
    this.maxSplits = maxSplits;
  }

  /**
   * Samples the job.
   *
   * @param uncompressedFactor for a split, how many uncompressed bytes one byte of its file holds
   */
  public Result sample(ToDoubleFunction<InputSplit> uncompressedFactor, Path scratch)
      throws IOException, InterruptedException {
    Configuration conf = new Configuration(job.getConfiguration());
    conf.set(FileOutputFormat.OUTDIR, scratch.toString());
    FaultSwitch.disable(conf); // the sample is no task attempt: no test fault fires in it
    FileSystem scratchFs = scratch.getFileSystem(conf);
    InputFormat<?, ?> format;
    try {
      format = ReflectionUtils.newInstance(job.getInputFormatClass(), conf);
    } catch (ClassNotFoundException e) {
      throw new IOException(e);
    }
    List<InputSplit> all = format.getSplits(job);
    List<SplitSample> samples = new ArrayList<>();
    Map<String, HeavyKey> heavy = new HashMap<>();
    try {
      int n = Math.min(maxSplits, all.size());
      for (int i = 0; i < n; i++) {
        InputSplit split = all.get((int) ((long) i * all.size() / n));
        double factor = uncompressedFactor.applyAsDouble(split);
        samples.add(sampleSplit(conf, format, split, i, factor, heavy));
      }
    } finally {
      scratchFs.delete(scratch, true);
    }
    List<HeavyKey> keys = new ArrayList<>(heavy.values());
    keys.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
    return new Result(samples, keys.subList(0, Math.min(20, keys.size())));
  }

  private SplitSample sampleSplit(Configuration conf, InputFormat<?, ?> format, InputSplit split,
      int index, double factor, Map<String, HeavyKey> heavy)
      throws IOException, InterruptedException {
    TaskAttemptID attempt = new TaskAttemptID("colonysample", 0, TaskType.MAP, index, 0);
    long half = sampleBytes;
    MapRun full = runMapper(conf, format, split, attempt, 2 * half, half);

    long readFull = full.read();
    boolean whole = full.exhausted();
    long splitBytes = (long) (split.getLength() * factor);
    if (split instanceof FileSplit fs && fs.getLength() == 0) {
      splitBytes = readFull;
    }
    splitBytes = whole ? readFull : Math.max(splitBytes, readFull);
    List<byte[][]> pairs = full.pairs();
    int halfCount = full.halfPairs() < 0 ? pairs.size() : full.halfPairs();
    long readHalf = full.halfRead() < 0 ? readFull : full.halfRead();
    long combinedHalf;
    if (halfCount == 0 && !pairs.isEmpty() && !whole && full.halfRead() > 0) {
      // The mapper wrote nothing by half way and everything at its end: it combines in memory
      // until cleanup. Its output at half is that of a run of its own over the first half.
      MapRun first = runMapper(conf, format, split,
          new TaskAttemptID("colonysample", 0, TaskType.MAP, index, 1), half, half);
      readHalf = first.read();
      combinedHalf = combinedBytes(conf, attempt, first.reporter(), first.pairs(), null);
    } else {
      combinedHalf = combinedBytes(conf, attempt, full.reporter(), pairs.subList(0, halfCount),
          null);
    }
    long combinedFull = combinedBytes(conf, attempt, full.reporter(), pairs, heavy);
    return new SplitSample(String.valueOf(split), splitBytes, readHalf, combinedHalf, readFull,
        combinedFull, whole, full.reporter().records());
  }

  /**
   * What the job's mapper wrote over a split read to {@code limit} bytes: its pairs, and how many
   * of them it had written when {@code half} bytes were read (-1: never got there).
   */
  private record MapRun(List<byte[][]> pairs, long read, boolean exhausted, int halfPairs,
      long halfRead, SampleReporter reporter) {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private MapRun runMapper(Configuration conf, InputFormat<?, ?> format, InputSplit split,
      TaskAttemptID attempt, long limit, long half) throws IOException, InterruptedException {
    SampleReporter reporter = new SampleReporter();
    TaskAttemptContext ctx = new TaskAttemptContextImpl(conf, attempt, reporter);
    RecordReader reader = format.createRecordReader(split, ctx);
    reader.initialize(split, ctx);
    Collector collector = new Collector(conf, job.getMapOutputKeyClass(),
        job.getMapOutputValueClass());
    long[] halfMark = {-1, -1};
    LimitedReader limited = new LimitedReader(reader, () -> {
      long read = reporter.bytesRead();
      if (halfMark[0] < 0 && read >= half) {
        halfMark[0] = collector.pairs.size();
        halfMark[1] = read;
      }
      return read < limit && reporter.records() < MAX_RECORDS;
    });
    Mapper mapper;
    try {
      mapper = ReflectionUtils.newInstance(job.getMapperClass(), conf);
    } catch (ClassNotFoundException e) {
      throw new IOException(e);
    }
    FileOutputCommitter committer = new FileOutputCommitter(new Path(conf.get(
        FileOutputFormat.OUTDIR)), ctx);
    MapContextImpl mapContext = new MapContextImpl(conf, attempt, limited, collector, committer,
        reporter, split);
    mapper.run(new WrappedMapper().getMapContext(mapContext));
    reader.close();
    return new MapRun(collector.pairs, reporter.bytesRead(), limited.exhausted,
        (int) halfMark[0], halfMark[1], reporter);
  }

  /** Sorts, combines and writes the pairs as the map side would; returns the bytes written. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private long combinedBytes(Configuration conf, TaskAttemptID attempt, SampleReporter reporter,
      List<byte[][]> pairs, Map<String, HeavyKey> heavy) throws IOException, InterruptedException {
    RawComparator cmp = job.getSortComparator();
    List<byte[][]> sorted = new ArrayList<>(pairs);
    sorted.sort((a, b) -> cmp.compare(a[0], 0, a[0].length, b[0], 0, b[0].length));
    List<byte[][]> out;
    Class<? extends Reducer<?, ?, ?, ?>> combinerClass;
    try {
      combinerClass = job.getCombinerClass();
    } catch (ClassNotFoundException e) {
      throw new IOException(e);
    }
    if (combinerClass == null) {
      out = sorted;
    } else {
      Collector combined = new Collector(conf, job.getMapOutputKeyClass(),
          job.getMapOutputValueClass());
      Reducer combiner = ReflectionUtils.newInstance(combinerClass, conf);
      ReduceContextImpl rc = new ReduceContextImpl(conf, attempt, new ListIterator(sorted),
          reporter.getCounter("colony-sample", "keys"), reporter.getCounter("colony-sample", "vals"),
          combined, null, reporter, job.getCombinerKeyGroupingComparator(),
          job.getMapOutputKeyClass(), job.getMapOutputValueClass());
      combiner.run(new WrappedReducer().getReducerContext(rc));
      out = combined.pairs;
    }
    CountingStream counting = new CountingStream();
    OutputStream stream = counting;
    if (conf.getBoolean(MRJobConfig.MAP_OUTPUT_COMPRESS, false)) {
      Class<? extends CompressionCodec> codecClass = conf.getClass(
          MRJobConfig.MAP_OUTPUT_COMPRESS_CODEC, null, CompressionCodec.class);
      if (codecClass != null) {
        stream = ReflectionUtils.newInstance(codecClass, conf).createOutputStream(counting);
      }
    }
    DataOutputBuffer lengths = new DataOutputBuffer();
    for (byte[][] p : out) {
      lengths.reset();
      WritableUtils.writeVInt(lengths, p[0].length);
      WritableUtils.writeVInt(lengths, p[1].length);
      stream.write(lengths.getData(), 0, lengths.getLength());
      stream.write(p[0]);
      stream.write(p[1]);
      if (heavy != null) {
        String k = Arrays.toString(p[0]);
        long size = p[0].length + p[1].length + lengths.getLength();
        heavy.merge(k, new HeavyKey(p[0], size),
            (a, b) -> new HeavyKey(a.key(), a.bytes() + b.bytes()));
      }
    }
    stream.close();
    return counting.count;
  }

  /** Serializes and keeps what the mapper (or combiner) writes. */
  private static final class Collector extends RecordWriter<Object, Object> {
    final List<byte[][]> pairs = new ArrayList<>();
    private final DataOutputBuffer keyBuf = new DataOutputBuffer();
    private final DataOutputBuffer valBuf = new DataOutputBuffer();
    private final Serializer<Object> keySer;
    private final Serializer<Object> valSer;

    @SuppressWarnings("unchecked")
    Collector(Configuration conf, Class<?> keyClass, Class<?> valueClass) throws IOException {
      SerializationFactory f = new SerializationFactory(conf);
      keySer = f.getSerializer((Class<Object>) keyClass);
      valSer = f.getSerializer((Class<Object>) valueClass);
      keySer.open(keyBuf);
      valSer.open(valBuf);
    }

    @Override
    public void write(Object key, Object value) throws IOException {
      keyBuf.reset();
      valBuf.reset();
      keySer.serialize(key);
      valSer.serialize(value);
      pairs.add(new byte[][] {Arrays.copyOf(keyBuf.getData(), keyBuf.getLength()),
          Arrays.copyOf(valBuf.getData(), valBuf.getLength())});
    }

    @Override
    public void close(TaskAttemptContext context) {}
  }

  /** Stops the mapper's input when the sample is big enough. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final class LimitedReader extends RecordReader {
    private final RecordReader in;
    private final java.util.function.BooleanSupplier more;
    boolean exhausted;

    LimitedReader(RecordReader in, java.util.function.BooleanSupplier more) {
      this.in = in;
      this.more = more;
    }

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) {}

    @Override
    public boolean nextKeyValue() throws IOException, InterruptedException {
      if (!more.getAsBoolean()) {
        return false;
      }
      boolean next = in.nextKeyValue();
      if (!next) {
        exhausted = true;
      }
      return next;
    }

    @Override
    public Object getCurrentKey() throws IOException, InterruptedException {
      return in.getCurrentKey();
    }

    @Override
    public Object getCurrentValue() throws IOException, InterruptedException {
      return in.getCurrentValue();
    }

    @Override
    public float getProgress() throws IOException, InterruptedException {
      return in.getProgress();
    }

    @Override
    public void close() {}
  }

  /** Sorted serialized pairs as a combiner's input. */
  private static final class ListIterator implements RawKeyValueIterator {
    private final List<byte[][]> pairs;
    private final DataInputBuffer key = new DataInputBuffer();
    private final DataInputBuffer value = new DataInputBuffer();
    private int at = -1;

    ListIterator(List<byte[][]> pairs) {
      this.pairs = pairs;
    }

    @Override
    public DataInputBuffer getKey() {
      return key;
    }

    @Override
    public DataInputBuffer getValue() {
      return value;
    }

    @Override
    public boolean next() {
      if (++at >= pairs.size()) {
        return false;
      }
      byte[][] p = pairs.get(at);
      key.reset(p[0], p[0].length);
      value.reset(p[1], p[1].length);
      return true;
    }

    @Override
    public void close() {}

    @Override
    public Progress getProgress() {
      return new Progress();
    }
  }

  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /** Counters for the sampled tasks, so that the readers' byte count can steer the sample. */
  private static final class SampleReporter extends org.apache.hadoop.mapreduce.StatusReporter {
    private final org.apache.hadoop.mapreduce.Counters counters =
        new org.apache.hadoop.mapreduce.Counters();

    long bytesRead() {
      return counters.findCounter(RecordCounters.BYTES_READ).getValue();
    }

    long records() {
      return counters.findCounter(RecordCounters.RECORDS_IN).getValue();
    }

    @Override
    public org.apache.hadoop.mapreduce.Counter getCounter(Enum<?> name) {
      return counters.findCounter(name);
    }

    @Override
    public org.apache.hadoop.mapreduce.Counter getCounter(String group, String name) {
      return counters.findCounter(group, name);
    }

    @Override
    public void progress() {}

    @Override
    public float getProgress() {
      return 0;
    }

    @Override
    public void setStatus(String status) {}
  }
}
