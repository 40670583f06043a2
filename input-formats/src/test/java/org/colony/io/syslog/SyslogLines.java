package org.colony.io.syslog;

import static org.colony.testing.LineFiles.latin1;
import static org.colony.testing.LineFiles.reject;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.colony.io.RejectReason;
import org.colony.testing.LineFiles;
import org.colony.testing.LineFiles.Line;

/**
 * Generated syslog lines for reader tests, each with the record it must become, known when the
 * line is built (from the values put into it, never from the parser): the three layouts with and
 * without PRI, host and tag, NILVALUEs, structured data with escapes, UTF-8, Latin-1 and BOMs,
 * long lines, lines over the cap, blank lines and malformed lines of every reject reason.
 * BSD timestamps are written for a file in a {@code dt=2026-11-2x} folder read in UTC.
 */
final class SyslogLines {
  private SyslogLines() {}

  private static final DateTimeFormatter BSD_PADDED =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);
  private static final DateTimeFormatter BSD_ZERO =
      DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH);
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final String[] OFFSETS = {"Z", "+00:00", "+01:00", "-07:00", "+05:30", "-00:30"};
  private static final String[] HOSTS = {"web1", "web2.example.com", "db-1", "10.0.0.99",
      "2001:db8::7"};
  private static final String[][] TAGS = {{"sshd", "812"}, {"CRON", "10973"}, {"kernel", ""},
      {"postfix/smtpd", "1713"}, {"su", ""}, {"ansible-<stdin>", ""}, {"app[x]", "12"},
      {"systemd", "1"}};
  private static final String[] MESSAGES = {"Failed password for root from 203.0.113.5 port 52314 ssh2",
      "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)",
      "[12345.678901] TCP: request_sock_TCP: Possible SYN flooding on port 443.",
      "connect from unknown[192.0.2.9]", "'su root' failed for lonvick on /dev/pts/8",
      "Invoked with filter=* fact_path=/etc/ansible/facts.d", "caf\u00e9 \u2615 na\u00efve",
      "Started nginx.service - A high performance web server.", "x: y: z"};
  private static final String BOM = "\uFEFF";
  private static final Instant BASE = Instant.parse("2026-11-25T00:00:00Z");

  /** {@code n} lines of a file in {@code dt=2026-11-25}, read with year reference 2026-11. */
  static List<Line> generate(int n, long seed, int maxLineBytes) {
    Random rnd = new Random(seed);
    List<Line> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int kind = rnd.nextInt(1000);
      Instant t = BASE.plusSeconds(i * 4L + rnd.nextInt(4));
      if (kind < 5) {
        String blank = kind < 3 ? "" : " \t ";
        lines.add(Line.of(blank, reject(RejectReason.BLANK_LINE, blank, maxLineBytes)));
      } else if (kind < 35) {
        lines.add(malformed(rnd, i, maxLineBytes));
      } else if (kind < 37) {
        lines.add(bsd(rnd, t, maxLineBytes + 1 + rnd.nextInt(maxLineBytes), maxLineBytes));
      } else if (kind < 50) {
        lines.add(rfc5424(rnd, t, 800 + rnd.nextInt(maxLineBytes - 1200), maxLineBytes));
      } else if (kind < 500) {
        lines.add(bsd(rnd, t, 0, maxLineBytes));
      } else if (kind < 700) {
        lines.add(rfc3339(rnd, t, maxLineBytes));
      } else {
        lines.add(rfc5424(rnd, t, 0, maxLineBytes));
      }
    }
    return lines;
  }

  /** An RFC 3164 line at UTC time {@code t}; with {@code padding > 0} its message is about that long. */
  static Line bsd(Random rnd, Instant t, int padding, int maxLineBytes) {
    boolean withPri = rnd.nextInt(5) == 0;
    int pri = rnd.nextInt(192);
    boolean fraction = rnd.nextInt(20) == 0;
    int micros = fraction ? rnd.nextInt(1000) * 1000 : 0;
    LocalDateTime local = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    String ts = local.format(rnd.nextBoolean() ? BSD_PADDED : BSD_ZERO)
        + (fraction ? String.format(".%03d", micros / 1000) : "");
    Header h = header(rnd, padding);
    String text = (withPri ? "<" + pri + ">" : "") + ts + " " + h.text();
    long expectedMicros = t.getEpochSecond() * 1_000_000L + micros;
    return line(text, h.message(), maxLineBytes, "RFC3164", withPri ? pri : -1, 0, expectedMicros,
        0, h.host(), h.app(), h.pid(), "", "");
  }

  /** A line of rsyslog's RFC 3339 file format (sometimes with PRI, as its forwarding template). */
  static Line rfc3339(Random rnd, Instant t, int maxLineBytes) {
    boolean withPri = rnd.nextInt(5) == 0;
    int pri = rnd.nextInt(192);
    int digits = rnd.nextInt(7);
    int micros = digits == 0 ? 0 : rnd.nextInt(1_000_000);
    micros -= micros % (int) Math.pow(10, 6 - digits);
    String offset = OFFSETS[rnd.nextInt(OFFSETS.length)];
    ZoneOffset zone = offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset);
    String ts = timestamp(t, micros, digits, offset, zone);
    Header h = header(rnd, 0);
    String text = (withPri ? "<" + pri + ">" : "") + ts + " " + h.text();
    return line(text, h.message(), maxLineBytes, "RFC3339", withPri ? pri : -1, 0,
        t.getEpochSecond() * 1_000_000L + micros, zone.getTotalSeconds() / 60, h.host(), h.app(),
        h.pid(), "", "");
  }

  /** An RFC 5424 line; with {@code padding > 0} its message is about that long. */
  static Line rfc5424(Random rnd, Instant t, int padding, int maxLineBytes) {
    int pri = rnd.nextInt(192);
    int version = 1 + (rnd.nextInt(10) == 0 ? rnd.nextInt(999) : 0);
    boolean nilTime = rnd.nextInt(15) == 0;
    int digits = rnd.nextInt(7);
    int micros = digits == 0 ? 0 : rnd.nextInt(1_000_000);
    micros -= micros % (int) Math.pow(10, 6 - digits);
    String offset = OFFSETS[rnd.nextInt(OFFSETS.length)];
    ZoneOffset zone = offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset);
    String host = rnd.nextInt(10) == 0 ? "" : HOSTS[rnd.nextInt(HOSTS.length)];
    String app = rnd.nextInt(10) == 0 ? "" : "shop-api";
    String proc = rnd.nextInt(4) == 0 ? "" : String.valueOf(rnd.nextInt(99999));
    String msgId = rnd.nextInt(3) == 0 ? "" : "ORDER" + rnd.nextInt(100);
    String sd = switch (rnd.nextInt(6)) {
      case 0, 1 -> "";
      case 2 -> "[order@32473 id=\"" + rnd.nextInt(100000) + "\" total=\"59.90\"]";
      case 3 -> "[meta sequenceId=\"" + rnd.nextInt(1000) + "\"][origin ip=\"192.0.2.1\"]";
      case 4 -> "[q@1 path=\"/search?q=\\\"winter\\\" \\]x\" empty=\"\" back=\"C:\\\\tmp\"]";
      default -> "[utf8@1 v=\"caf\u00e9 \u2615\"][bare]";
    };
    String msg;
    String expectedMsg;
    int m = rnd.nextInt(6);
    if (padding > 0) {
      msg = "padded " + "p".repeat(padding);
      expectedMsg = msg;
    } else if (m == 0) {
      msg = null;
      expectedMsg = "";
    } else if (m == 1) {
      msg = BOM + "\u00fcber \u2603 " + rnd.nextInt(1000);
      expectedMsg = msg.substring(1);
    } else {
      msg = MESSAGES[rnd.nextInt(MESSAGES.length)];
      expectedMsg = msg;
    }
    String text = "<" + pri + ">" + version + " "
        + (nilTime ? "-" : timestamp(t, micros, digits, offset, zone)) + " " + dash(host) + " "
        + dash(app) + " " + dash(proc) + " " + dash(msgId) + " " + dash(sd)
        + (msg == null ? "" : " " + msg);
    return line(text, expectedMsg, maxLineBytes, "RFC5424", pri, version,
        nilTime ? SyslogRecord.NO_TIME : t.getEpochSecond() * 1_000_000L + micros,
        nilTime ? 0 : zone.getTotalSeconds() / 60, host, app, proc, msgId, sd);
  }

  /** Host, tag and message of a BSD line, as written and as they must be read. */
  private record Header(String text, String host, String app, String pid, String message) {}

  private static Header header(Random rnd, int padding) {
    String host = rnd.nextInt(15) == 0 ? "" : HOSTS[rnd.nextInt(HOSTS.length)];
    String[] tag = TAGS[rnd.nextInt(TAGS.length)];
    boolean noTag = !host.isEmpty() && rnd.nextInt(10) == 0;
    String message = padding > 0 ? "padded " + "p".repeat(padding)
        : MESSAGES[rnd.nextInt(MESSAGES.length)];
    if (noTag) {
      // no tag: the message starts after the host (so its first word must not end in a colon)
      if (message.split(" ")[0].endsWith(":")) {
        message = "Some message here";
      }
      return new Header(host + " " + message, host, "", "", message);
    }
    String tagText = tag[0] + (tag[1].isEmpty() ? "" : "[" + tag[1] + "]") + ":";
    String text = (host.isEmpty() ? "" : host + " ") + tagText + " " + message;
    return new Header(text, host, tag[0], tag[1], message);
  }

  private static String timestamp(Instant t, int micros, int digits, String offset,
      ZoneOffset zone) {
    String fraction = digits == 0 ? "" : "." + String.format("%06d", micros).substring(0, digits);
    return LocalDateTime.ofInstant(t, zone).format(RFC3339) + fraction + offset;
  }

  /** The line, or its LINE_TOO_LONG reject when it is over the cap. */
  private static Line line(String text, String message, int maxLineBytes, String format, int pri,
      int version, long micros, int offset, String host, String app, String pid, String msgId,
      String sd) {
    if (text.getBytes(StandardCharsets.UTF_8).length > maxLineBytes) {
      return Line.of(text, reject(RejectReason.LINE_TOO_LONG, text, maxLineBytes));
    }
    return Line.of(text, String.join("|", "P", format, String.valueOf(pri),
        String.valueOf(version), String.valueOf(micros), String.valueOf(offset), latin1(host),
        latin1(app), latin1(pid), latin1(msgId), latin1(sd), latin1(message)));
  }

  /** A line the parser must reject, with the reason. */
  private static Line malformed(Random rnd, int i, int maxLineBytes) {
    String ok5424 = "<165>1 2026-11-25T10:00:00Z web1 app " + i + " ID ";
    String text;
    RejectReason reason;
    switch (rnd.nextInt(14)) {
      case 0 -> {
        text = "\tat com.example.Foo.bar(Foo.java:" + i + ")";
        reason = RejectReason.SYSLOG_PRIORITY;
      }
      case 1 -> {
        text = "<192>1 - - - - - - " + i;
        reason = RejectReason.SYSLOG_PRIORITY;
      }
      case 2 -> {
        text = "<13>0 - - - - - - " + i;
        reason = RejectReason.SYSLOG_VERSION;
      }
      case 3 -> {
        text = "Nov 31 10:00:00 web1 sshd[" + i + "]: x";
        reason = RejectReason.SYSLOG_TIMESTAMP;
      }
      case 4 -> {
        text = "<13>1 2026-11-25T10:00:00.1234567Z web1 app - - - " + i;
        reason = RejectReason.SYSLOG_TIMESTAMP;
      }
      case 5 -> {
        text = "<13>1 - web\u00e91 app - - - " + i;
        reason = RejectReason.SYSLOG_HOSTNAME;
      }
      case 6 -> {
        text = "<13>1 - web1 " + "a".repeat(49) + " - - - " + i;
        reason = RejectReason.SYSLOG_APP_NAME;
      }
      case 7 -> {
        text = "<13>1 - web1 app " + "p".repeat(129) + " - - " + i;
        reason = RejectReason.SYSLOG_PROCID;
      }
      case 8 -> {
        text = "<13>1 - web1 app - " + "m".repeat(33) + " - " + i;
        reason = RejectReason.SYSLOG_MSGID;
      }
      case 9 -> {
        text = ok5424 + "[order@32473 id=\"" + i + "\" x=\"]\"] m";
        reason = RejectReason.SYSLOG_STRUCTURED_DATA;
      }
      case 10 -> {
        text = ok5424 + "[a][a] " + i;
        reason = RejectReason.SYSLOG_STRUCTURED_DATA;
      }
      case 11 -> {
        byte[] head = (ok5424 + "- " + BOM + "ok " + i + " ").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(head);
        b.writeBytes(new byte[] {(byte) 0xC3, 0x28});
        byte[] bytes = b.toByteArray();
        return new Line(bytes, LineFiles.reject(RejectReason.SYSLOG_MESSAGE, bytes, maxLineBytes));
      }
      case 12 -> {
        text = "Nov 25 10:00:" + String.format("%02d", i % 60);
        reason = RejectReason.SYSLOG_TRUNCATED;
      }
      default -> {
        text = ok5424.substring(0, ok5424.length() - 1);
        reason = RejectReason.SYSLOG_TRUNCATED;
      }
    }
    return Line.of(text, reject(reason, text, maxLineBytes));
  }

  /** What a reader yielded, in the form {@link Line#expected()} takes. */
  static String fingerprint(SyslogRecord r) {
    if (r.isRejected()) {
      return LineFiles.rejectFingerprint(r);
    }
    return String.join("|", "P", r.format().name(), String.valueOf(r.priority()),
        String.valueOf(r.version()), String.valueOf(r.timeMicros()),
        String.valueOf(r.offsetMinutes()), latin1(r.hostname()), latin1(r.appName()),
        latin1(r.procId()), latin1(r.msgId()), latin1(r.structuredData()), latin1(r.message()));
  }

  private static String dash(String s) {
    return s.isEmpty() ? "-" : s;
  }
}
