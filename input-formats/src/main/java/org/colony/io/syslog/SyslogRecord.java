package org.colony.io.syslog;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableUtils;
import org.colony.io.ParsedRecord;

/**
 * One parsed syslog line. Text fields hold the bytes as logged; a field that is absent, or
 * RFC 5424's NILVALUE {@code -}, is empty. Reused by its reader: copy what you keep.
 */
public final class SyslogRecord extends ParsedRecord {
  /** The header layout a line was written in. */
  public enum Format {
    /** BSD syslog: {@code [<PRI>]Mmm dd hh:mm:ss HOST TAG[PID]: MSG}, as rsyslog's traditional files. */
    RFC3164,
    /** {@code <PRI>VERSION TIMESTAMP HOST APP-NAME PROCID MSGID SD [MSG]}. */
    RFC5424,
    /**
     * BSD layout with an RFC 3339 timestamp: {@code [<PRI>]2026-11-25T10:00:00.123456+01:00 HOST
     * TAG[PID]: MSG}, as rsyslog's default file template (RSYSLOG_FileFormat) and its forwarding
     * template write it.
     */
    RFC3339
  }

  /** {@link #timeMicros()} of a line without a timestamp (RFC 5424 NILVALUE). */
  public static final long NO_TIME = Long.MIN_VALUE;

  private static final Format[] FORMATS = Format.values();

  private Format format = Format.RFC3164;
  private int facility = -1;
  private int severity = -1;
  private int version;
  private long timeMicros = NO_TIME;
  private int offsetMinutes;
  private final Text hostname = new Text();
  private final Text appName = new Text();
  private final Text procId = new Text();
  private final Text msgId = new Text();
  private final Text structuredData = new Text();
  private final Text message = new Text();

  public Format format() {
    return format;
  }

  /** Facility 0-23, or -1 when the line had no PRI. */
  public int facility() {
    return facility;
  }

  /** Severity 0-7, or -1 when the line had no PRI. */
  public int severity() {
    return severity;
  }

  /** PRI (facility * 8 + severity), or -1 when the line had none. */
  public int priority() {
    return facility < 0 ? -1 : facility * 8 + severity;
  }

  /** RFC 5424 VERSION (1-999); 0 for the other formats. */
  public int version() {
    return version;
  }

  public boolean hasTime() {
    return timeMicros != NO_TIME;
  }

  /** The timestamp as microseconds since the epoch (UTC), or {@link #NO_TIME}. */
  public long timeMicros() {
    return timeMicros;
  }

  /** The timestamp as milliseconds since the epoch (UTC), or {@link #NO_TIME}. */
  public long timeMillis() {
    return timeMicros == NO_TIME ? NO_TIME : Math.floorDiv(timeMicros, 1000L);
  }

  /**
   * The timestamp's offset from UTC in minutes: as logged (RFC 5424, RFC 3339), or the offset of
   * {@code colony.syslog.timezone} at that time (RFC 3164, which logs none). 0 without a timestamp.
   */
  public int offsetMinutes() {
    return offsetMinutes;
  }

  public Text hostname() {
    return hostname;
  }

  /** RFC 5424 APP-NAME, or the RFC 3164 TAG (program name) without its {@code [PID]} and colon. */
  public Text appName() {
    return appName;
  }

  /** RFC 5424 PROCID, or the PID between the tag's brackets. */
  public Text procId() {
    return procId;
  }

  /** RFC 5424 MSGID. */
  public Text msgId() {
    return msgId;
  }

  /**
   * RFC 5424 STRUCTURED-DATA as logged ({@code [id k="v"]...}, escapes kept); empty for NILVALUE.
   * {@link StructuredData} reads its elements.
   */
  public Text structuredData() {
    return structuredData;
  }

  /** MSG, without the leading spaces and, in RFC 5424, without a leading UTF-8 BOM. */
  public Text message() {
    return message;
  }

  void setFormat(Format format) {
    this.format = format;
  }

  void setPriority(int facility, int severity) {
    this.facility = facility;
    this.severity = severity;
  }

  void setVersion(int version) {
    this.version = version;
  }

  void setTime(long micros, int offsetMinutes) {
    this.timeMicros = micros;
    this.offsetMinutes = offsetMinutes;
  }

  /** Empties every field; the parser calls it before filling a record. */
  void clear() {
    format = Format.RFC3164;
    facility = -1;
    severity = -1;
    version = 0;
    timeMicros = NO_TIME;
    offsetMinutes = 0;
    hostname.clear();
    appName.clear();
    procId.clear();
    msgId.clear();
    structuredData.clear();
    message.clear();
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeByte(format.ordinal());
    WritableUtils.writeVInt(out, facility);
    WritableUtils.writeVInt(out, severity);
    WritableUtils.writeVInt(out, version);
    WritableUtils.writeVLong(out, timeMicros);
    WritableUtils.writeVInt(out, offsetMinutes);
    hostname.write(out);
    appName.write(out);
    procId.write(out);
    msgId.write(out);
    structuredData.write(out);
    message.write(out);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    int f = in.readByte();
    if (f < 0 || f >= FORMATS.length) {
      throw new IOException("unknown syslog format " + f);
    }
    format = FORMATS[f];
    facility = WritableUtils.readVInt(in);
    severity = WritableUtils.readVInt(in);
    version = WritableUtils.readVInt(in);
    timeMicros = WritableUtils.readVLong(in);
    offsetMinutes = WritableUtils.readVInt(in);
    hostname.readFields(in);
    appName.readFields(in);
    procId.readFields(in);
    msgId.readFields(in);
    structuredData.readFields(in);
    message.readFields(in);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SyslogRecord)) {
      return false;
    }
    SyslogRecord r = (SyslogRecord) o;
    return format == r.format && facility == r.facility && severity == r.severity
        && version == r.version && timeMicros == r.timeMicros && offsetMinutes == r.offsetMinutes
        && hostname.equals(r.hostname) && appName.equals(r.appName) && procId.equals(r.procId)
        && msgId.equals(r.msgId) && structuredData.equals(r.structuredData)
        && message.equals(r.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(format, priority(), timeMicros, hostname, appName, procId, message);
  }

  /** For example {@code RFC5424 <165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - msg}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(format.name()).append(' ');
    if (facility >= 0) {
      s.append('<').append(priority()).append('>');
    }
    if (version > 0) {
      s.append(version);
    }
    if (s.charAt(s.length() - 1) != ' ') {
      s.append(' ');
    }
    if (hasTime()) {
      // by hand: RFC 5424 offsets reach 23:59, java.time's 18:00
      long local = Math.floorDiv(timeMicros, 1_000_000L) + offsetMinutes * 60L;
      s.append(LocalDateTime.ofEpochSecond(local, (int) Math.floorMod(timeMicros, 1_000_000L) * 1000,
          ZoneOffset.UTC));
      if (offsetMinutes == 0) {
        s.append('Z');
      } else {
        int abs = Math.abs(offsetMinutes);
        s.append(offsetMinutes < 0 ? '-' : '+').append(abs / 600).append(abs / 60 % 10).append(':')
            .append(abs % 60 / 10).append(abs % 10);
      }
    } else {
      s.append('-');
    }
    s.append(' ').append(dash(hostname)).append(' ').append(dash(appName)).append(' ')
        .append(dash(procId)).append(' ').append(dash(msgId)).append(' ')
        .append(dash(structuredData)).append(' ').append(message);
    return s.toString();
  }

  private static String dash(Text t) {
    return t.getLength() == 0 ? "-" : t.toString();
  }
}
