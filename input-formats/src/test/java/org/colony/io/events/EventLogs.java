package org.colony.io.events;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generated multi-line logs for reader tests. Each event is built from the time and lines the
 * generator chose, so what it must read as (lines, time, kept text, truncated) is known without
 * the reader: headers of every preset (local times in {@link #ZONE}, or with Z or an offset),
 * 1 to 60 lines, continuation lines that look nearly like headers, blank lines, lines over the
 * line cap, non-ASCII text, events over the event cap.
 */
final class EventLogs {
  private EventLogs() {}

  /** Local timestamps of the generated logs are in this zone (no DST change in the period). */
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final Instant BASE = Instant.parse("2026-11-24T05:00:00Z");

  /** One event: its lines (the first the header) and the header's time. */
  record Event(List<String> lines, long millis) {}

  private static final DateTimeFormatter LOGBACK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZONE);
  private static final DateTimeFormatter LOG4J =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT).withZone(ZONE);
  private static final DateTimeFormatter ISO_UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT)
          .withZone(ZoneOffset.ofHours(-5));
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZONE);
  private static final DateTimeFormatter SYSLOG =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH).withZone(ZONE);
  private static final String[] LEVELS = {"INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"};
  private static final String[] EXCEPTIONS = {"java.lang.NullPointerException",
      "java.lang.IllegalStateException: cart closed", "java.net.SocketTimeoutException: Read timed out",
      "org.springframework.dao.DataAccessResourceFailureException: could not execute statement"};

  /** {@code n} events; lines over {@code lineCap} bytes are ASCII. */
  static List<Event> generate(int n, long seed, int lineCap) {
    Random rnd = new Random(seed);
    List<Event> events = new ArrayList<>(n);
    long t = BASE.toEpochMilli() + seed * 1000;
    for (int i = 0; i < n; i++) {
      t += rnd.nextInt(5000);
      int kind = rnd.nextInt(7);
      long millis = kind >= 5 ? t - Math.floorMod(t, 1000) : t; // syslog and ISO seconds
      List<String> lines = new ArrayList<>();
      lines.add(header(rnd, kind, millis, i, lineCap));
      int size = rnd.nextInt(100);
      int more = size < 50 ? 0 : size < 80 ? 1 + rnd.nextInt(9) : size < 95 ? 10 + rnd.nextInt(30)
          : 40 + rnd.nextInt(20);
      boolean dump = rnd.nextInt(4) == 0;
      for (int k = 0; k < more; k++) {
        lines.add(dump ? dumpLine(rnd, lineCap) : traceLine(rnd, k, lineCap));
      }
      events.add(new Event(lines, millis));
    }
    return events;
  }

  private static String header(Random rnd, int kind, long millis, int i, int lineCap) {
    Instant at = Instant.ofEpochMilli(millis);
    String level = LEVELS[rnd.nextInt(LEVELS.length)];
    int m = rnd.nextInt(300);
    String msg = "event " + i + (m == 0 ? " " + "h".repeat(lineCap + rnd.nextInt(500))
        : m < 30 ? " caf\u00e9 \u65e5\u672c" : "");
    switch (kind) {
      case 0:
        return LOGBACK.format(at) + " [http-nio-8080-exec-" + rnd.nextInt(10) + "] " + level
            + " c.e.shop.web.Cart - " + msg;
      case 1:
        return LOG4J.format(at) + " " + level + "  [main] Cart:42 - " + msg;
      case 2:
        return ISO_UTC.format(at) + "  " + level + " 4242 --- [main] c.e.s.Shop : " + msg;
      case 3:
        return ISO_OFFSET.format(at) + " " + level + " " + msg;
      case 4:
        return "[" + LOG4J.format(at) + "] " + level + " " + msg + " (kafka.server.KafkaServer)";
      case 5:
        return SYSLOG.format(at) + " web-1 shop[4242]: " + msg;
      default:
        return SECONDS.format(at) + " " + level + " " + msg;
    }
  }

  /** A line of a stack trace, or one that nearly looks like a header. */
  private static String traceLine(Random rnd, int k, int lineCap) {
    int r = rnd.nextInt(100);
    if (k == 0 || r < 3) {
      return EXCEPTIONS[rnd.nextInt(EXCEPTIONS.length)];
    }
    if (r < 60) {
      return "\tat com.example.shop.svc" + rnd.nextInt(20) + ".Service.call" + rnd.nextInt(9)
          + "(Service.java:" + rnd.nextInt(900) + ")";
    }
    if (r < 64) {
      return "\tat org.quartz.core.JobRunShell.run(JobRunShell.java:202) 2026-11-24 09:15:02,123";
    }
    if (r < 70) {
      return "Caused by: " + EXCEPTIONS[rnd.nextInt(EXCEPTIONS.length)];
    }
    if (r < 74) {
      return "\t... " + rnd.nextInt(60) + " more";
    }
    if (r < 76) {
      return "\tSuppressed: java.io.IOException: close";
    }
    return nearHeader(rnd, lineCap);
  }

  /** A line of a configuration or JSON dump. */
  private static String dumpLine(Random rnd, int lineCap) {
    int r = rnd.nextInt(100);
    if (r < 40) {
      return "  shop.setting" + rnd.nextInt(100) + " = " + "v".repeat(rnd.nextInt(250));
    }
    if (r < 60) {
      return "  \"key" + rnd.nextInt(100) + "\": \"" + "w".repeat(rnd.nextInt(120)) + "\",";
    }
    if (r < 65) {
      return rnd.nextBoolean() ? "{" : "}";
    }
    if (r < 70) {
      return "  note: caf\u00e9 cr\u00e8me \u65e5\u672c\u8a9e \ud83d\ude00 " + rnd.nextInt(1000);
    }
    return nearHeader(rnd, lineCap);
  }

  private static String nearHeader(Random rnd, int lineCap) {
    switch (rnd.nextInt(12)) {
      case 0:
        return "";
      case 1:
        return "2026-11-24 is when it broke";
      case 2:
        return "Nov 32 09:15:02 is no date";
      case 3:
        return "[2026-11-24 09:15:02,123 unclosed";
      case 4:
        return " 2026-11-24 09:15:02,123 indented";
      case 5:
        return "2026-11-24T09:15:02.123Zulu glued";
      case 6:
        return "20261124 091502 compact";
      case 7:
        return "2026-11-24 25:15:02,123 hour 25";
      case 8:
        return "nov 24 09:15:02 lower case";
      case 9:
        return "  payload=" + "x".repeat(lineCap - 200 + rnd.nextInt(700)); // around the line cap
      case 10:
        return "   ";
      default:
        return "Mar 5 is a date";
    }
  }

  /** Lines of no header, for a file's start. */
  static List<String> preamble(int n) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add(i % 5 == 4 ? "" : "\tat com.example.shop.Old.rest" + i + "(Old.java:" + i + ")");
    }
    return lines;
  }

  /**
   * Writes {@code preamble} lines, then the events, and returns where each record starts: the
   * preamble (if any) first, then each event.
   */
  static long[] write(OutputStream out, List<String> preamble, List<Event> events, String eol,
      boolean bom, boolean finalEol) throws IOException {
    List<String> all = new ArrayList<>(preamble);
    List<Integer> starts = new ArrayList<>();
    if (!preamble.isEmpty()) {
      starts.add(0);
    }
    for (Event e : events) {
      starts.add(all.size());
      all.addAll(e.lines());
    }
    long[] lineOffsets = new long[all.size()];
    long pos = 0;
    try (OutputStream o = out) {
      if (bom) {
        o.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        pos = 3;
      }
      byte[] end = eol.getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < all.size(); i++) {
        lineOffsets[i] = i == 0 ? 0 : pos;
        byte[] b = all.get(i).getBytes(StandardCharsets.UTF_8);
        o.write(b);
        pos += b.length;
        if (i < all.size() - 1 || finalEol) {
          o.write(end);
          pos += end.length;
        }
      }
    }
    return starts.stream().mapToLong(i -> lineOffsets[i]).toArray();
  }

  /** Bytes {@link #write} writes. */
  static long length(List<String> preamble, List<Event> events, String eol, boolean bom,
      boolean finalEol) {
    long n = bom ? 3 : 0;
    int lines = preamble.size();
    for (String l : preamble) {
      n += l.getBytes(StandardCharsets.UTF_8).length;
    }
    for (Event e : events) {
      lines += e.lines().size();
      for (String l : e.lines()) {
        n += l.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return n + (long) eol.length() * (finalEol ? lines : lines - 1);
  }

  /** The fingerprint ({@link EventReads#fingerprint}) the event must be read as. */
  static String expected(Event e, int lineCap, int eventCap, boolean fullText) {
    boolean[] truncated = new boolean[1];
    byte[] kept = kept(e.lines(), lineCap, eventCap, truncated);
    return EventReads.event(e.lines().size(), truncated[0], e.millis(), kept, fullText);
  }

  /** The fingerprint of the EVENT_NO_HEADER reject the preamble must be read as. */
  static String expectedPreamble(List<String> preamble, int lineCap, boolean fullText) {
    return EventReads.reject("EVENT_NO_HEADER", kept(preamble, lineCap, lineCap, new boolean[1]),
        fullText);
  }

  /**
   * The bytes kept of {@code lines}: each line cut to {@code lineCap} bytes (such lines are
   * ASCII here), joined with newlines, then as many whole characters as fit in {@code cap} bytes.
   */
  static byte[] kept(List<String> lines, int lineCap, int cap, boolean[] truncated) {
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.getBytes(StandardCharsets.UTF_8).length > lineCap) {
        l = l.substring(0, lineCap);
        truncated[0] = true;
      }
      joined.append(i == 0 ? "" : "\n").append(l);
    }
    StringBuilder fits = new StringBuilder();
    int bytes = 0;
    for (int cp : joined.codePoints().toArray()) {
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + n > cap) {
        truncated[0] = true;
        break;
      }
      fits.appendCodePoint(cp);
      bytes += n;
    }
    return fits.toString().getBytes(StandardCharsets.UTF_8);
  }
}
