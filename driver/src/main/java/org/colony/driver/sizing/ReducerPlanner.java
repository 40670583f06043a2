package org.colony.driver.sizing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.serializer.Deserializer;
import org.apache.hadoop.io.serializer.SerializationFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Partitioner;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.util.ReflectionUtils;
import org.apache.hadoop.util.StringUtils;
import org.colony.driver.ColonyKeys;
import org.colony.driver.InputSet;
import org.colony.driver.SizingDecision;
import org.colony.io.Codecs;
import org.colony.jobs.JobSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses a run's reducer count before submission, and says why:
 * <ol>
 *   <li>input bytes, compressed files corrected to their uncompressed size ({@link CodecRatios});
 *   <li>expected shuffle = uncompressed input x the job's map-output ratio: from recent runs of
 *       the job on input within 0.1x-10x of this one, else from a pre-run sample of its own mapper
 *       and combiner ({@link MapSampler}), else the job's default;
 *   <li>reducers = ceil(shuffle / bytes per reducer), at most colony.reducers.max, then fitted to
 *       the reduce slots the cluster has free, in whole waves ({@link ClusterCapacity});
 *   <li>{@code --reducers N} overrides, the estimate still being recorded.
 * </ol>
 */
public final class ReducerPlanner {
  private static final Logger LOG = LoggerFactory.getLogger(ReducerPlanner.class);

  private final Configuration conf;
  private MapSampler.Result sample;

  public ReducerPlanner(Configuration conf) {
    this.conf = conf;
  }

  /**
   * Plans {@code job} (configured, input paths set).
   *
   * @param requested an explicit reducer count, or 0
   * @param history earlier run reports of the job, newest first
   * @param scratch a folder the pre-run sample may write into (removed after)
   */
  public SizingDecision plan(JobSpec spec, Job job, InputSet inputs, int requested,
      List<Map<String, Object>> history, Path scratch) throws IOException, InterruptedException {
    SizingDecision d = new SizingDecision(0, "estimate");
    long sampleBytes = ColonyKeys.SAMPLE_BYTES.getLong(conf);

    // 1. input volume, uncompressed
    Map<String, Object> codecs = new LinkedHashMap<>();
    Map<String, Double> ratios = new LinkedHashMap<>();
    double uncompressed = 0;
    for (Map.Entry<String, Long> e : inputs.bytesByCodec().entrySet()) {
      Estimate r = CodecRatios.estimate(e.getKey(), inputs, history, conf, sampleBytes);
      ratios.put(e.getKey(), r.value());
      uncompressed += e.getValue() * r.value();
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("diskBytes", e.getValue());
      c.put("ratio", r.value());
      c.put("source", r.source());
      c.put("detail", r.detail());
      codecs.put(e.getKey(), c);
      if (!e.getKey().equals(InputSet.PLAIN)) {
        d.step(String.format(Locale.ROOT, "%s of %s input x %.2f uncompressed per byte (%s: %s)",
            human(e.getValue()), e.getKey(), r.value(), r.source(), r.detail()));
      }
    }
    long input = (long) uncompressed;
    d.put("inputBytes", inputs.bytes()).put("uncompressedInputBytes", input)
        .put("codecs", codecs);
    d.step(String.format(Locale.ROOT, "input: %d file(s), %s on disk, %s uncompressed",
        inputs.files(), human(inputs.bytes()), human(input)));
    d.put("hiveWouldChoose", (int) Math.min(1009, Math.max(1,
        (inputs.bytes() + (256L << 20) - 1) / (256L << 20))));

    if (spec.mapOnly(job.getConfiguration())) {
      d.step("map-only job: no reducers");
      return d.reducers(0, "map-only");
    }

    // 2. shuffle
    Estimate ratio = shuffleRatio(spec, job, input, history, ratios, sampleBytes, scratch, d);
    long shuffle = (long) (input * ratio.value());
    d.put("shuffleRatio", ratio.value()).put("shuffleRatioSource", ratio.source())
        .put("predictedShuffleBytes", shuffle);
    d.step(String.format(Locale.ROOT, "expected shuffle: %s x %.4g map-output ratio (%s: %s) = %s",
        human(input), ratio.value(), ratio.source(), ratio.detail(), human(shuffle)));

    // 3. reducers
    long perReducer = bytesPerReducer(spec);
    int max = ColonyKeys.REDUCERS_MAX.getInt(conf);
    long wanted = Math.max(1, (shuffle + perReducer - 1) / perReducer);
    int count = (int) Math.min(wanted, max);
    d.put("bytesPerReducer", perReducer).put("wanted", wanted).put("maxReducers", max);
    d.step(String.format(Locale.ROOT, "ceil(%s / %s per reducer) = %d%s", human(shuffle),
        human(perReducer), wanted, wanted > max ? ", capped at colony.reducers.max " + max : ""));
    ClusterCapacity.Slots slots = ClusterCapacity.reduceSlots(conf);
    d.put("clusterSlots", slots.slots()).put("clusterSlotsDetail", slots.detail());
    if (slots.known() && count > slots.slots()) {
      int waves = Math.max(1, Math.round((float) count / slots.slots()));
      if ((long) waves * slots.slots() > max) {
        waves = Math.max(1, max / slots.slots()); // whole waves within colony.reducers.max
      }
      int fitted = (int) Math.min(max, (long) waves * slots.slots());
      d.step(String.format(Locale.ROOT, "%d reducers over %d slots (%s): %d whole wave(s) = %d",
          count, slots.slots(), slots.detail(), waves, fitted));
      count = fitted;
    } else {
      d.step("reduce slots: " + slots.detail() + (slots.known() ? ": fits in one wave" : ""));
    }
    d.put("estimatedReducers", count);
    if (requested > 0) {
      d.step("--reducers " + requested + " overrides the estimate of " + count);
      d.reducers(requested, "explicit");
    } else {
      d.reducers(count, "estimate");
    }
    if (sample != null && d.reducers() > 1) {
      d.put("heavyKeys", heavyKeys(job, sample, d.reducers()));
    }
    return d;
  }

  /** The keys the sample saw carry the most, with the partition each goes to. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Map<String, Object>> heavyKeys(Job job, MapSampler.Result sample,
      int reducers) throws IOException {
    List<Map<String, Object>> l = new ArrayList<>();
    try {
      Partitioner partitioner = ReflectionUtils.newInstance(job.getPartitionerClass(),
          job.getConfiguration());
      Deserializer deserializer = new SerializationFactory(job.getConfiguration())
          .getDeserializer(job.getMapOutputKeyClass());
      for (MapSampler.HeavyKey k : sample.heavyKeys()) {
        DataInputBuffer in = new DataInputBuffer();
        in.reset(k.key(), k.key().length);
        deserializer.open(in);
        Object key = deserializer.deserialize(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", String.valueOf(key));
        m.put("bytes", k.bytes());
        m.put("partition", partitioner.getPartition(key, null, reducers));
        l.add(m);
      }
    } catch (ClassNotFoundException | RuntimeException e) {
      LOG.debug("cannot name the sample's heavy keys", e);
    }
    return l;
  }

  private Estimate shuffleRatio(JobSpec spec, Job job, long input, List<Map<String, Object>> history,
      Map<String, Double> ratios, long sampleBytes, Path scratch, SizingDecision d)
      throws IOException, InterruptedException {
    List<Double> learned = new ArrayList<>();
    for (Map<String, Object> run : history) {
      Object read = run.get("bytesRead");
      Object shuffled = run.get("shuffleBytes");
      if ("succeeded".equals(run.get("outcome")) && read instanceof Number r
          && shuffled instanceof Number s && r.longValue() > 0 && s.longValue() >= 0
          && r.longValue() >= input / 10.0 && r.longValue() <= input * 10.0) {
        learned.add(s.doubleValue() / r.doubleValue());
      }
    }
    if (!learned.isEmpty()) {
      return new Estimate(Stats.median(learned), "history", "median of " + learned.size()
          + " earlier run(s) on input within 0.1x-10x");
    }
    if (sampleBytes > 0 && !spec.sampleMapOutput()) {
      d.step("no pre-run sample: " + spec.name() + " estimates its own map output");
    } else if (sampleBytes > 0) {
      try {
        MapSampler.Result r = new MapSampler(job, sampleBytes,
            ColonyKeys.SAMPLE_SPLITS.getInt(conf)).sample(split -> factor(split, ratios), scratch);
        if (!r.splits().isEmpty() && r.splits().stream().anyMatch(s -> s.readFull() > 0)) {
          d.put("sample", sampleSummary(r));
          sample = r;
          return new Estimate(r.ratio(), "sample", describe(r));
        }
      } catch (IOException | RuntimeException e) {
        LOG.warn("pre-run sample failed, using the job's default ratio: {}", e.toString());
        d.step("pre-run sample failed (" + e + ")");
      }
    }
    return new Estimate(spec.defaultShuffleRatio(), "default", "the job's default");
  }

  private double factor(InputSplit split, Map<String, Double> ratios) {
    Path p = split instanceof FileSplit fs ? fs.getPath()
        : split instanceof CombineFileSplit cs && cs.getNumPaths() > 0 ? cs.getPath(0) : null;
    if (p == null) {
      return 1.0;
    }
    return ratios.getOrDefault(InputSet.codecName(Codecs.forFile(conf, p)), 1.0);
  }

  private static String describe(MapSampler.Result r) {
    long read = 0;
    double growth = 0;
    for (MapSampler.SplitSample s : r.splits()) {
      read += s.readFull();
      growth += s.growth();
    }
    return String.format(Locale.ROOT, "mapper and combiner over %s from %d split(s), output "
        + "growth exponent %.2f, extrapolated to whole splits", human(read), r.splits().size(),
        growth / r.splits().size());
  }

  private static List<Map<String, Object>> sampleSummary(MapSampler.Result r) {
    List<Map<String, Object>> l = new ArrayList<>();
    for (MapSampler.SplitSample s : r.splits()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("split", s.split());
      m.put("splitBytes", s.splitBytes());
      m.put("readHalf", s.readHalf());
      m.put("combinedHalf", s.combinedHalf());
      m.put("readFull", s.readFull());
      m.put("combinedFull", s.combinedFull());
      m.put("wholeSplit", s.wholeSplit());
      m.put("predicted", (long) s.predicted());
      l.add(m);
    }
    return l;
  }

  private long bytesPerReducer(JobSpec spec) {
    long v = conf.getLongBytes("colony." + spec.name() + ".bytes.per.reducer",
        ColonyKeys.BYTES_PER_REDUCER.getLong(conf));
    if (v <= 0) {
      throw new IllegalArgumentException("bytes per reducer must be positive, got " + v);
    }
    return v;
  }

  static String human(long bytes) {
    return StringUtils.byteDesc(bytes);
  }
}
