package org.colony.io.access;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableUtils;
import org.colony.io.ParsedRecord;

/**
 * One parsed web server access log line. Text fields hold the bytes as logged (escapes kept);
 * a field logged as {@code -} (or absent) is empty, and a numeric one is {@code -1}. Reused by its
 * reader: copy what you keep.
 */
public final class AccessLogRecord extends ParsedRecord {
  /** Virtual host, when the format logs one first ({@code %v}); else empty. */
  private final Text vhost = new Text();
  /** The effective client: first public address of the client list, else its first entry. */
  private final Text client = new Text();
  /** All client addresses as logged (a forwarded-for chain), joined with ", ". */
  private final Text clientList = new Text();
  private final Text ident = new Text();
  private final Text user = new Text();
  private long timeMillis;
  private int offsetMinutes;
  private final Text method = new Text();
  private final Text path = new Text();
  private final Text query = new Text();
  private final Text protocol = new Text();
  private int status = -1;
  private long bytes = -1;
  private final Text referrer = new Text();
  private final Text agent = new Text();
  /** How long the server took to answer, in microseconds; -1 when the format logs none. */
  private long responseMicros = -1;

  public Text vhost() {
    return vhost;
  }

  public Text client() {
    return client;
  }

  public Text clientList() {
    return clientList;
  }

  public Text ident() {
    return ident;
  }

  public Text user() {
    return user;
  }

  /** Request time as epoch milliseconds (UTC). */
  public long timeMillis() {
    return timeMillis;
  }

  /** The offset from UTC the server logged, in minutes. */
  public int offsetMinutes() {
    return offsetMinutes;
  }

  public Text method() {
    return method;
  }

  /** Request path, without the query. */
  public Text path() {
    return path;
  }

  /** Query string without its '?', empty when there is none. */
  public Text query() {
    return query;
  }

  /** Protocol as logged, for example {@code HTTP/1.1}; empty when the request had none. */
  public Text protocol() {
    return protocol;
  }

  /** HTTP status, or -1 when logged as '-'. */
  public int status() {
    return status;
  }

  /** Response bytes, or -1 when logged as '-'. */
  public long bytes() {
    return bytes;
  }

  public Text referrer() {
    return referrer;
  }

  public Text agent() {
    return agent;
  }

  /**
   * Time taken to serve the request, in microseconds, when the log format has one (Apache
   * {@code %D}, {@code %T}, nginx {@code $request_time} or {@code $upstream_response_time}; see
   * {@link AccessLogFormats}); -1 when it has none or logged '-'. The {@code auto} parser never
   * sets it.
   */
  public long responseMicros() {
    return responseMicros;
  }

  void setTime(long millis, int offsetMinutes) {
    this.timeMillis = millis;
    this.offsetMinutes = offsetMinutes;
  }

  void setStatus(int status) {
    this.status = status;
  }

  void setBytes(long bytes) {
    this.bytes = bytes;
  }

  void setResponseMicros(long micros) {
    this.responseMicros = micros;
  }

  /** Empties every field; the parser calls it before filling a record. */
  void clear() {
    vhost.clear();
    client.clear();
    clientList.clear();
    ident.clear();
    user.clear();
    timeMillis = 0;
    offsetMinutes = 0;
    method.clear();
    path.clear();
    query.clear();
    protocol.clear();
    status = -1;
    bytes = -1;
    referrer.clear();
    agent.clear();
    responseMicros = -1;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    vhost.write(out);
    client.write(out);
    clientList.write(out);
    ident.write(out);
    user.write(out);
    WritableUtils.writeVLong(out, timeMillis);
    WritableUtils.writeVInt(out, offsetMinutes);
    method.write(out);
    path.write(out);
    query.write(out);
    protocol.write(out);
    WritableUtils.writeVInt(out, status);
    WritableUtils.writeVLong(out, bytes);
    referrer.write(out);
    agent.write(out);
    WritableUtils.writeVLong(out, responseMicros);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    vhost.readFields(in);
    client.readFields(in);
    clientList.readFields(in);
    ident.readFields(in);
    user.readFields(in);
    timeMillis = WritableUtils.readVLong(in);
    offsetMinutes = WritableUtils.readVInt(in);
    method.readFields(in);
    path.readFields(in);
    query.readFields(in);
    protocol.readFields(in);
    status = WritableUtils.readVInt(in);
    bytes = WritableUtils.readVLong(in);
    referrer.readFields(in);
    agent.readFields(in);
    responseMicros = WritableUtils.readVLong(in);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AccessLogRecord)) {
      return false;
    }
    AccessLogRecord r = (AccessLogRecord) o;
    return timeMillis == r.timeMillis && offsetMinutes == r.offsetMinutes && status == r.status
        && bytes == r.bytes && responseMicros == r.responseMicros && vhost.equals(r.vhost)
        && client.equals(r.client) && clientList.equals(r.clientList) && ident.equals(r.ident)
        && user.equals(r.user) && method.equals(r.method) && path.equals(r.path)
        && query.equals(r.query) && protocol.equals(r.protocol) && referrer.equals(r.referrer)
        && agent.equals(r.agent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(client, timeMillis, method, path, query, status, bytes, agent);
  }

  @Override
  public String toString() {
    return (vhost.getLength() > 0 ? vhost + " " : "") + "[" + clientList + "] " + client + " "
        + user + " " + Instant.ofEpochMilli(timeMillis).atOffset(
            ZoneOffset.ofTotalSeconds(offsetMinutes * 60)) + " \"" + method + " " + path
        + (query.getLength() > 0 ? "?" + query : "") + " " + protocol + "\" " + status + " "
        + bytes + " \"" + referrer + "\" \"" + agent + "\""
        + (responseMicros >= 0 ? " " + responseMicros + "us" : "");
  }
}
