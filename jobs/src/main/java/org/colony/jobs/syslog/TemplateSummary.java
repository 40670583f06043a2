package org.colony.jobs.syslog;

import java.util.Arrays;
import java.util.TreeSet;
import org.apache.hadoop.io.WritableComparator;

/**
 * One template's figures, from the values of its reduce call: the sum of its {@link SyslogStats},
 * the number of distinct hosts, and its apps. The values come in key order, hosts sorted, so a
 * host is new exactly when it differs from the previous value's: distinct hosts are counted
 * exactly in constant memory, however many lines and hosts a template has. Apps are not sorted
 * within a host; the smallest {@link #APPS_SHOWN} distinct ones (unsigned byte order) are kept,
 * and whether there were more.
 */
final class TemplateSummary {
  /** How many app names the app column lists before {@code ...}. */
  static final int APPS_SHOWN = 10;
  private static final byte[] MORE = {'.', '.', '.'};
  private static final byte[] COMMA = {','};
  private static final byte[] DASH = {'-'};

  private final SyslogStats stats = new SyslogStats();
  private final TreeSet<byte[]> apps = new TreeSet<>(
      (a, b) -> WritableComparator.compareBytes(a, 0, a.length, b, 0, b.length));
  private byte[] host = new byte[64];
  private int hostLength = -1;
  private long hosts;
  private boolean moreApps;
  private byte[] joined = new byte[64];
  private int joinedLength;

  /** Starts a template. */
  void start() {
    stats.clear();
    apps.clear();
    hostLength = -1;
    hosts = 0;
    moreApps = false;
  }

  /** Adds a value, whose key has this host and app; hosts must come in sorted order. */
  void add(byte[] h, int hn, byte[] a, int an, SyslogStats value) {
    if (hn != hostLength || !Arrays.equals(h, 0, hn, host, 0, hn)) {
      hosts++;
      if (host.length < hn) {
        host = new byte[Math.max(hn, host.length * 2)];
      }
      System.arraycopy(h, 0, host, 0, hn);
      hostLength = hn;
    }
    addApp(a, an);
    stats.add(value);
  }

  private void addApp(byte[] a, int an) {
    if (apps.size() == APPS_SHOWN && WritableComparator.compareBytes(a, 0, an, apps.last(), 0,
        apps.last().length) > 0) {
      moreApps = true;
      return;
    }
    byte[] copy = Arrays.copyOf(a, an);
    if (apps.add(copy) && apps.size() > APPS_SHOWN) {
      apps.pollLast();
      moreApps = true;
    }
  }

  SyslogStats stats() {
    return stats;
  }

  long hosts() {
    return hosts;
  }

  /**
   * The app column: the kept app names joined by commas ({@code -} for a line without one), then
   * {@code ,...} if there were more; valid up to {@link #appsLength()}.
   */
  byte[] apps() {
    joinedLength = 0;
    for (byte[] a : apps) {
      if (joinedLength > 0) {
        append(COMMA, 1);
      }
      if (a.length == 0) {
        append(DASH, 1);
      } else {
        append(a, a.length);
      }
    }
    if (moreApps) {
      append(COMMA, 1);
      append(MORE, MORE.length);
    }
    return joined;
  }

  int appsLength() {
    return joinedLength;
  }

  private void append(byte[] b, int n) {
    if (joinedLength + n > joined.length) {
      joined = Arrays.copyOf(joined, Math.max(joined.length * 2, joinedLength + n));
    }
    System.arraycopy(b, 0, joined, joinedLength, n);
    joinedLength += n;
  }
}
