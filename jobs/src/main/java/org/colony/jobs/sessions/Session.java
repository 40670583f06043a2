package org.colony.jobs.sessions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.colony.io.Timestamps;

/**
 * The state of one session while its hits stream by: first and last hit time, hits, bytes, and
 * the paths of its first and last hit. Reused: {@link SessionCutter} resets it for the next
 * session, so read it only inside {@link SessionCutter.Sink#session}.
 */
public final class Session {
  private long start;
  private long end;
  private long hits;
  private long bytes;
  private byte[] entry = new byte[64];
  private int entryLength;
  private byte[] exit = new byte[64];
  private int exitLength;

  void begin(long time, byte[] path, int s, int n, long hitBytes) {
    start = time;
    end = time;
    hits = 1;
    bytes = Math.max(0, hitBytes);
    entry = copy(path, s, n, entry);
    entryLength = n;
    exit = copy(path, s, n, exit);
    exitLength = n;
  }

  void extend(long time, byte[] path, int s, int n, long hitBytes) {
    end = time;
    hits++;
    bytes += Math.max(0, hitBytes);
    exit = copy(path, s, n, exit);
    exitLength = n;
  }

  private static byte[] copy(byte[] from, int s, int n, byte[] into) {
    byte[] b = into.length >= n ? into : new byte[Math.max(n, into.length * 2)];
    System.arraycopy(from, s, b, 0, n);
    return b;
  }

  /** Time of the first hit, epoch milliseconds. */
  public long start() {
    return start;
  }

  /** Time of the last hit, epoch milliseconds. */
  public long end() {
    return end;
  }

  /** Whole seconds from the first hit to the last (0 for a single hit), rounded down. */
  public long durationSeconds() {
    return (end - start) / 1000;
  }

  /** The UTC day of the first hit, as days since 1970-01-01. */
  public long startDay() {
    return Math.floorDiv(start, Timestamps.MILLIS_PER_DAY);
  }

  public long hits() {
    return hits;
  }

  /** Response bytes of all hits (a hit logged without a size counts 0). */
  public long bytes() {
    return bytes;
  }

  /** The path of the first hit; valid up to {@link #entryLength()}. */
  public byte[] entry() {
    return entry;
  }

  public int entryLength() {
    return entryLength;
  }

  /** The path of the last hit; valid up to {@link #exitLength()}. */
  public byte[] exit() {
    return exit;
  }

  public int exitLength() {
    return exitLength;
  }

  @Override
  public String toString() {
    return Instant.ofEpochMilli(start) + ".." + Instant.ofEpochMilli(end) + " " + hits + " hits "
        + bytes + " B " + new String(entry, 0, entryLength, StandardCharsets.UTF_8) + " -> "
        + new String(exit, 0, exitLength, StandardCharsets.UTF_8);
  }
}
