package org.colony.jobs.access;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllLongsSketch;
import org.colony.jobs.common.VisitorSketches;

/**
 * A map task's sketches, per UTC hour: an HLL sketch of its visitors, a KLL sketch of its response
 * times (only once one is seen), and its requests and bytes. Flushed at the end of the task (and
 * early when it holds more than {@code maxHours} hours, so that memory stays bounded whatever the
 * input's time span) as one sketch per hour and, per day, the union of its hours' visitor sketches
 * with their summed requests and bytes. Each visitor is hashed once; days come from hours by
 * union, which gives the same HLL registers as hashing every visitor into a day's sketch.
 */
final class HourSketches {
  /** Receives the flushed sketches. */
  interface Sink {
    void hourVisitors(long hour, byte[] sketch) throws IOException, InterruptedException;

    void hourLatency(long hour, byte[] sketch) throws IOException, InterruptedException;

    void dayVisitors(long day, byte[] sketch, long requests, long bytes)
        throws IOException, InterruptedException;
  }

  /** One hour's state. */
  private static final class Hour {
    final HllSketch visitors;
    KllLongsSketch latency;
    long requests;
    long bytes;

    Hour(int lgK) {
      // HLL_8 updates fastest; stored sketches are converted to the compact type
      visitors = new HllSketch(lgK, TgtHllType.HLL_8);
    }
  }

  private final int lgK;
  private final int kllK;
  private final int maxHours;
  private final Map<Long, Hour> hours = new HashMap<>();
  private ByteBuffer visitorBuffer = ByteBuffer.allocate(0);
  private long lastHour = Long.MIN_VALUE;
  private Hour last;

  HourSketches(int lgK, int kllK, int maxHours) {
    this.lgK = lgK;
    this.kllK = kllK;
    this.maxHours = maxHours;
  }

  /**
   * Adds one request of {@code hour} (epoch hour): its visitor's bytes {@code visitor[0, n)},
   * response time in microseconds (-1: none) and response bytes (-1: unknown).
   */
  void add(long hour, byte[] visitor, int n, long responseMicros, long responseBytes, Sink sink)
      throws IOException, InterruptedException {
    Hour h = hour == lastHour ? last : hour(hour, sink);
    if (visitorBuffer.array() != visitor) {
      visitorBuffer = ByteBuffer.wrap(visitor);
    }
    visitorBuffer.limit(n).position(0);
    h.visitors.update(visitorBuffer);
    if (responseMicros >= 0) {
      if (h.latency == null) {
        h.latency = KllLongsSketch.newHeapInstance(kllK);
      }
      h.latency.update(responseMicros);
    }
    h.requests++;
    h.bytes += Math.max(0, responseBytes);
  }

  private Hour hour(long hour, Sink sink) throws IOException, InterruptedException {
    Hour h = hours.get(hour);
    if (h == null) {
      if (hours.size() >= maxHours) {
        flush(sink);
      }
      h = new Hour(lgK);
      hours.put(hour, h);
    }
    lastHour = hour;
    last = h;
    return h;
  }

  /** How many hours are held. */
  int size() {
    return hours.size();
  }

  /** Passes every held sketch to {@code sink}, hours and days in time order, and forgets them. */
  void flush(Sink sink) throws IOException, InterruptedException {
    TreeMap<Long, List<Hour>> days = new TreeMap<>();
    for (Map.Entry<Long, Hour> e : new TreeMap<>(hours).entrySet()) {
      long hour = e.getKey();
      Hour h = e.getValue();
      sink.hourVisitors(hour, VisitorSketches.toBytes(h.visitors));
      if (h.latency != null) {
        sink.hourLatency(hour, h.latency.toByteArray());
      }
      days.computeIfAbsent(Math.floorDiv(hour, 24), d -> new ArrayList<>()).add(h);
    }
    for (Map.Entry<Long, List<Hour>> e : days.entrySet()) {
      Union union = new Union(lgK);
      long requests = 0;
      long bytes = 0;
      for (Hour h : e.getValue()) {
        union.update(h.visitors);
        requests += h.requests;
        bytes += h.bytes;
      }
      sink.dayVisitors(e.getKey(), union.getResult(VisitorSketches.STORED_TYPE).toCompactByteArray(),
          requests, bytes);
    }
    hours.clear();
    lastHour = Long.MIN_VALUE;
    last = null;
  }
}
