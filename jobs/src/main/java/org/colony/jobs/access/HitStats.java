package org.colony.jobs.access;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/** Request counts of one report key: requests, bytes, and requests per status class. */
public final class HitStats implements Writable {
  private long requests;
  private long bytes;
  private long s2xx;
  private long s3xx;
  private long s4xx;
  private long s5xx;

  /** One request with its status (-1 if unknown) and bytes (-1 if unknown). */
  public HitStats setRequest(int status, long responseBytes) {
    requests = 1;
    bytes = Math.max(0, responseBytes);
    int cls = status / 100;
    s2xx = cls == 2 ? 1 : 0;
    s3xx = cls == 3 ? 1 : 0;
    s4xx = cls == 4 ? 1 : 0;
    s5xx = cls == 5 ? 1 : 0;
    return this;
  }

  /** One hit only, for reports that need nothing else (top referrers and agents). */
  public HitStats setHit() {
    requests = 1;
    bytes = s2xx = s3xx = s4xx = s5xx = 0;
    return this;
  }

  /** Totals without status classes: what a sketch's requests and bytes carry. */
  public HitStats setTotals(long requests, long bytes) {
    this.requests = requests;
    this.bytes = bytes;
    s2xx = s3xx = s4xx = s5xx = 0;
    return this;
  }

  public HitStats clear() {
    requests = bytes = s2xx = s3xx = s4xx = s5xx = 0;
    return this;
  }

  public HitStats add(HitStats o) {
    requests += o.requests;
    bytes += o.bytes;
    s2xx += o.s2xx;
    s3xx += o.s3xx;
    s4xx += o.s4xx;
    s5xx += o.s5xx;
    return this;
  }

  public long requests() {
    return requests;
  }

  public long bytes() {
    return bytes;
  }

  public long s2xx() {
    return s2xx;
  }

  public long s3xx() {
    return s3xx;
  }

  public long s4xx() {
    return s4xx;
  }

  public long s5xx() {
    return s5xx;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVLong(out, requests);
    WritableUtils.writeVLong(out, bytes);
    WritableUtils.writeVLong(out, s2xx);
    WritableUtils.writeVLong(out, s3xx);
    WritableUtils.writeVLong(out, s4xx);
    WritableUtils.writeVLong(out, s5xx);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    readFields(WritableUtils.readVLong(in), in);
  }

  /** Reads the fields after {@code requests}, which the caller has read already. */
  void readFields(long requests, DataInput in) throws IOException {
    this.requests = requests;
    bytes = WritableUtils.readVLong(in);
    s2xx = WritableUtils.readVLong(in);
    s3xx = WritableUtils.readVLong(in);
    s4xx = WritableUtils.readVLong(in);
    s5xx = WritableUtils.readVLong(in);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HitStats h && h.requests == requests && h.bytes == bytes && h.s2xx == s2xx
        && h.s3xx == s3xx && h.s4xx == s4xx && h.s5xx == s5xx;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(requests * 31 + bytes) ^ Long.hashCode(s4xx * 17 + s5xx);
  }

  @Override
  public String toString() {
    return requests + " req " + bytes + " B " + s2xx + "/" + s3xx + "/" + s4xx + "/" + s5xx;
  }
}
