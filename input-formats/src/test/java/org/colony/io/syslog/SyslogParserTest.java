package org.colony.io.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colony.io.RejectReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The syslog parser on hand-written lines: every field of the three layouts, the year and zone
 * rules of BSD timestamps, and every reject reason. Expected values, instants included, are written
 * from the line itself; nothing expected is computed by the code under test.
 */
class SyslogParserTest {
  private static final String BOM = "\uFEFF";

  private final SyslogParser parser = new SyslogParser();

  @BeforeEach
  void fixedYear() {
    parser.setYearReference(2026, 0);
  }

  // RFC 3164

  @Test
  void bsdWithPriority() {
    SyslogRecord r = parse("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8");
    assertThat(view(r)).isEqualTo(expected("format", "RFC3164", "priority", "34", "facility", "4",
        "severity", "2", "time", "2026-10-11T22:14:15Z", "hostname", "mymachine", "appName", "su",
        "message", "'su root' failed for lonvick on /dev/pts/8"));
  }

  /** rsyslog's traditional file format: no PRI, the common case on HDFS. */
  @Test
  void bsdWithoutPriorityAsRsyslogWritesFiles() {
    SyslogRecord r = parse("Nov 25 10:00:00 web1 sshd[123]: Failed password for root from "
        + "203.0.113.5 port 52314 ssh2");
    assertThat(view(r)).isEqualTo(expected("format", "RFC3164", "time", "2026-11-25T10:00:00Z",
        "hostname", "web1", "appName", "sshd", "procId", "123",
        "message", "Failed password for root from 203.0.113.5 port 52314 ssh2"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Nov  5 03:04:05 h a: m|2026-11-05T03:04:05Z",
      "Nov 05 03:04:05 h a: m|2026-11-05T03:04:05Z",
      "Nov 5 03:04:05 h a: m|2026-11-05T03:04:05Z",
      "nov 15 23:59:59 h a: m|2026-11-15T23:59:59Z",
      "Jul 14 12:17:01.234 h a: m|2026-07-14T12:17:01.234Z",
      "Jul 14 12:17:01.000005 h a: m|2026-07-14T12:17:01.000005Z",
      "Dec 31 23:59:60 h a: m|2027-01-01T00:00:00Z"})
  void bsdTimestamps(String line, String instant) {
    assertThat(time(parse(line))).isEqualTo(instant);
  }

  @Test
  void missingPidOddTagsAndEmptyBrackets() {
    assertThat(view(parse("Mar 16 00:01:25 evita postfix/smtpd[1713]: connect from x"))).isEqualTo(
        expected("format", "RFC3164", "time", "2026-03-16T00:01:25Z", "hostname", "evita",
            "appName", "postfix/smtpd", "procId", "1713", "message", "connect from x"));
    SyslogRecord r = parse("May 11 15:40:51 meow.soy.se ansible-<stdin>: Invoked with filter=*");
    assertThat(r.appName().toString()).isEqualTo("ansible-<stdin>");
    assertThat(r.procId().getLength()).isZero();
    assertThat(r.message().toString()).isEqualTo("Invoked with filter=*");
    r = parse("May 11 15:40:51 h app[x][12]: m");
    assertThat(r.appName().toString()).isEqualTo("app[x]");
    assertThat(r.procId().toString()).isEqualTo("12");
    r = parse("May 11 15:40:51 h app[]: m");
    assertThat(r.appName().toString()).isEqualTo("app");
    assertThat(r.procId().getLength()).isZero();
    r = parse("May 11 15:40:51 h CRON[10973]:");
    assertThat(r.appName().toString()).isEqualTo("CRON");
    assertThat(r.message().getLength()).isZero();
  }

  @Test
  void tagWithoutHost() {
    assertThat(view(parse("Jan 11 22:33:44 su: 'su root' failed for luser on /dev/pts/8")))
        .isEqualTo(expected("format", "RFC3164", "time", "2026-01-11T22:33:44Z", "appName", "su",
            "message", "'su root' failed for luser on /dev/pts/8"));
    SyslogRecord r = parse("Jan 11 22:33:44 sshd[7]: Accepted");
    assertThat(r.hostname().getLength()).isZero();
    assertThat(r.appName().toString()).isEqualTo("sshd");
    assertThat(r.procId().toString()).isEqualTo("7");
  }

  @Test
  void hostWithoutTag() {
    assertThat(view(parse("<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!"))).isEqualTo(expected(
        "format", "RFC3164", "priority", "13", "facility", "1", "severity", "5",
        "time", "2026-02-05T17:32:18Z", "hostname", "10.0.0.99", "message", "Use the BFG!"));
    // a word with an inner colon is no tag
    SyslogRecord r = parse("Jun 24 10:32:02 win-host WinFileService Event: read, Path: /x");
    assertThat(r.appName().getLength()).isZero();
    assertThat(r.message().toString()).isEqualTo("WinFileService Event: read, Path: /x");
    // host only; extra spaces between fields
    r = parse("Jun 24 10:32:02 lonely");
    assertThat(r.hostname().toString()).isEqualTo("lonely");
    assertThat(r.message().getLength()).isZero();
    r = parse("Jun 24 10:32:02  h   kernel:    [  12.5] eth0 up  ");
    assertThat(r.hostname().toString()).isEqualTo("h");
    assertThat(r.appName().toString()).isEqualTo("kernel");
    assertThat(r.message().toString()).isEqualTo("[  12.5] eth0 up  ");
  }

  @Test
  void yearFromTheReferenceWithRolloverAroundNewYear() {
    parser.setYearReference(2027, 1);
    assertThat(time(parse("Dec 31 23:59:59 h a: m"))).isEqualTo("2026-12-31T23:59:59Z");
    assertThat(time(parse("Jan  1 00:00:01 h a: m"))).isEqualTo("2027-01-01T00:00:01Z");
    assertThat(time(parse("Jul 31 12:00:00 h a: m"))).isEqualTo("2027-07-31T12:00:00Z");
    assertThat(time(parse("Aug  1 12:00:00 h a: m"))).isEqualTo("2026-08-01T12:00:00Z");
    parser.setYearReference(2026, 12);
    assertThat(time(parse("Jan  1 00:00:01 h a: m"))).isEqualTo("2027-01-01T00:00:01Z");
    assertThat(time(parse("Dec 31 23:59:59 h a: m"))).isEqualTo("2026-12-31T23:59:59Z");
    parser.setYearReference(2026, 0);
    assertThat(time(parse("Jan  1 00:00:01 h a: m"))).isEqualTo("2026-01-01T00:00:01Z");
    assertThat(time(parse("Dec 31 23:59:59 h a: m"))).isEqualTo("2026-12-31T23:59:59Z");
  }

  @Test
  void february29OnlyInLeapYears() {
    parser.setYearReference(2024, 0);
    assertThat(time(parse("Feb 29 12:00:00 h a: m"))).isEqualTo("2024-02-29T12:00:00Z");
    parser.setYearReference(2026, 0);
    assertThat(reject("Feb 29 12:00:00 h a: m")).isEqualTo(RejectReason.SYSLOG_TIMESTAMP);
  }

  @Test
  void bsdTimestampsInAConfiguredZone() {
    parser.setZone(ZoneId.of("Europe/Berlin"));
    SyslogRecord r = parse("Nov 25 10:00:00 h a: m");
    assertThat(time(r)).isEqualTo("2026-11-25T09:00:00Z");
    assertThat(r.offsetMinutes()).isEqualTo(60);
    r = parse("Jul  1 10:00:00 h a: m");
    assertThat(time(r)).isEqualTo("2026-07-01T08:00:00Z");
    assertThat(r.offsetMinutes()).isEqualTo(120);
    // 2026-03-29: 02:00 CET jumps to 03:00 CEST; a skipped local time takes the offset before
    assertThat(time(parse("Mar 29 01:59:59 h a: m"))).isEqualTo("2026-03-29T00:59:59Z");
    assertThat(time(parse("Mar 29 02:30:00 h a: m"))).isEqualTo("2026-03-29T01:30:00Z");
    assertThat(time(parse("Mar 29 03:00:00 h a: m"))).isEqualTo("2026-03-29T01:00:00Z");
    // 2026-10-25: 03:00 CEST goes back to 02:00 CET; an ambiguous local time takes the offset before
    assertThat(time(parse("Oct 25 02:30:00 h a: m"))).isEqualTo("2026-10-25T00:30:00Z");
    assertThat(time(parse("Oct 25 03:00:00 h a: m"))).isEqualTo("2026-10-25T02:00:00Z");
    parser.setZone(ZoneId.of("-05:30"));
    r = parse("Nov 25 10:00:00 h a: m");
    assertThat(time(r)).isEqualTo("2026-11-25T15:30:00Z");
    assertThat(r.offsetMinutes()).isEqualTo(-330);
  }

  // rsyslog's RFC 3339 file format

  @Test
  void rfc3339FileFormat() {
    SyslogRecord r = parse("2026-11-25T10:00:00.123456+01:00 web1 nginx[815]: worker started");
    assertThat(view(r)).isEqualTo(expected("format", "RFC3339", "time", "2026-11-25T09:00:00.123456Z",
        "offset", "60", "hostname", "web1", "appName", "nginx", "procId", "815",
        "message", "worker started"));
    r = parse("<86>2026-11-25T10:00:00Z web1 sudo: alice : TTY=pts/0");
    assertThat(view(r)).isEqualTo(expected("format", "RFC3339", "priority", "86", "facility", "10",
        "severity", "6", "time", "2026-11-25T10:00:00Z", "hostname", "web1", "appName", "sudo",
        "message", "alice : TTY=pts/0"));
  }

  // RFC 5424

  @Test
  void rfc5424Example1WithBom() {
    SyslogRecord r = parse("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - "
        + BOM + "'su root' failed for lonvick on /dev/pts/8");
    assertThat(view(r)).isEqualTo(expected("format", "RFC5424", "priority", "34", "facility", "4",
        "severity", "2", "version", "1", "time", "2003-10-11T22:14:15.003Z",
        "hostname", "mymachine.example.com", "appName", "su", "msgId", "ID47",
        "message", "'su root' failed for lonvick on /dev/pts/8"));
  }

  @Test
  void rfc5424Example2WithMicrosecondsAndOffset() {
    SyslogRecord r = parse("<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - "
        + "%% It's time to make the do-nuts.");
    assertThat(view(r)).isEqualTo(expected("format", "RFC5424", "priority", "165", "facility", "20",
        "severity", "5", "version", "1", "time", "2003-08-24T12:14:15.000003Z", "offset", "-420",
        "hostname", "192.0.2.1", "appName", "myproc", "procId", "8710",
        "message", "%% It's time to make the do-nuts."));
    assertThat(r.timeMillis()).isEqualTo(Instant.parse("2003-08-24T12:14:15Z").toEpochMilli());
  }

  @Test
  void rfc5424StructuredData() {
    String sd = "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"]"
        + "[examplePriority@32473 class=\"high\"]";
    SyslogRecord r = parse("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
        + sd + " " + BOM + "An application event log entry...");
    assertThat(view(r)).isEqualTo(expected("format", "RFC5424", "priority", "165", "facility", "20",
        "severity", "5", "version", "1", "time", "2003-10-11T22:14:15.003Z",
        "hostname", "mymachine.example.com", "appName", "evntslog", "msgId", "ID47",
        "structuredData", sd, "message", "An application event log entry..."));
    assertThat(StructuredData.elements(r.structuredData(), true)).isEqualTo(Map.of(
        "exampleSDID@32473", Map.of("iut", "3", "eventSource", "Application", "eventID", "1011"),
        "examplePriority@32473", Map.of("class", "high")));
    // structured data and no message
    r = parse("<165>1 2003-10-11T22:14:15.003Z h e - ID47 [a@1 x=\"\"][b]");
    assertThat(r.structuredData().toString()).isEqualTo("[a@1 x=\"\"][b]");
    assertThat(r.message().getLength()).isZero();
    assertThat(StructuredData.elements(r.structuredData(), false))
        .isEqualTo(Map.of("a@1", Map.of("x", ""), "b", Map.of()));
  }

  @Test
  void structuredDataEscapesAndUnquotedValues() {
    SyslogRecord r = parse("<1>1 - - - - - [m a=\"q\\\"q\" b=\"\\\\\" c=\"x\\]y\"][n v=10] rest");
    assertThat(StructuredData.elements(r.structuredData(), false)).isEqualTo(Map.of(
        "m", Map.of("a", "q\\\"q", "b", "\\\\", "c", "x\\]y"), "n", Map.of("v", "10")));
    assertThat(StructuredData.elements(r.structuredData(), true)).isEqualTo(Map.of(
        "m", Map.of("a", "q\"q", "b", "\\", "c", "x]y"), "n", Map.of("v", "10")));
    assertThat(r.message().toString()).isEqualTo("rest");
    // UTF-8, tabs and spaces inside values; a second element after a space is message
    r = parse("<1>1 - - - - - [m es=\"\t\u00f1 \u20a1\"] [down]");
    assertThat(StructuredData.elements(r.structuredData(), true))
        .isEqualTo(Map.of("m", Map.of("es", "\t\u00f1 \u20a1")));
    assertThat(r.message().toString()).isEqualTo("[down]");
  }

  /** Without SD, two spaces before MSG, as some senders write: no structured data (logstash's reading). */
  @Test
  void rfc5424MissingStructuredDataBeforeTwoSpaces() {
    SyslogRecord r = parse("<174>1 2016-12-31T23:59:60-04:00 resolver.se prg[1234] - -  info: x");
    assertThat(view(r)).isEqualTo(expected("format", "RFC5424", "priority", "174",
        "facility", "21", "severity", "6", "version", "1", "time", "2017-01-01T04:00:00Z",
        "offset", "-240", "hostname", "resolver.se", "appName", "prg[1234]", "message", "info: x"));
    // but a missing SD before one space is the message taken for SD
    assertThat(reject("<174>1 - h app - ID47 info: x"))
        .isEqualTo(RejectReason.SYSLOG_STRUCTURED_DATA);
  }

  @Test
  void rfc5424NilValuesAndLimits() {
    SyslogRecord r = parse("<0>1 - - - - - -");
    assertThat(view(r)).isEqualTo(expected("format", "RFC5424", "priority", "0", "facility", "0",
        "severity", "0", "version", "1", "time", "-"));
    assertThat(r.hasTime()).isFalse();
    assertThat(r.timeMillis()).isEqualTo(SyslogRecord.NO_TIME);
    String host = "h".repeat(255);
    String app = "a".repeat(48);
    String proc = "p".repeat(128);
    String msgId = "m".repeat(32);
    r = parse("<191>999 2018-12-31T23:59:59.999999-23:59 " + host + " " + app + " " + proc + " "
        + msgId + " -");
    assertThat(view(r)).isEqualTo(expected("format", "RFC5424", "priority", "191",
        "facility", "23", "severity", "7", "version", "999", "time", "2019-01-01T23:58:59.999999Z",
        "offset", "-1439", "hostname", host, "appName", app, "procId", proc, "msgId", msgId));
    // an offset beyond java.time's 18 hours still prints
    assertThat(r.toString()).startsWith("RFC5424 <191>999 2018-12-31T23:59:59.999999-23:59 hhh");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2003-10-11T22:14:15Z|2003-10-11T22:14:15Z|0",
      "2003-10-11T22:14:15.5Z|2003-10-11T22:14:15.500Z|0",
      "2003-10-11T22:14:15.52+00:00|2003-10-11T22:14:15.520Z|0",
      "2003-10-11T22:14:15.123456+05:30|2003-10-11T16:44:15.123456Z|330",
      "2016-12-31T23:59:60-04:00|2017-01-01T04:00:00Z|-240",
      "2024-02-29T00:00:00-00:30|2024-02-29T00:30:00Z|-30",
      "1969-12-31T23:59:59.999999Z|1969-12-31T23:59:59.999999Z|0"})
  void rfc5424Timestamps(String timestamp, String instant, int offset) {
    SyslogRecord r = parse("<1>1 " + timestamp + " - - - - -");
    assertThat(time(r)).isEqualTo(instant);
    assertThat(r.offsetMinutes()).isEqualTo(offset);
  }

  @Test
  void messageBytes() {
    // leading spaces go, trailing ones stay; no BOM: any bytes, Latin-1 included
    SyslogRecord r = parse("<174>1 2016-11-14T09:49:23+01:00 10.23.16.6 named 2255 - -  info: x ");
    assertThat(r.message().toString()).isEqualTo("info: x ");
    byte[] latin1 = "<1>1 - - - - - - fondue ch\u00e4\u00e4s".getBytes(StandardCharsets.ISO_8859_1);
    r = new SyslogRecord();
    assertThat(parser.parse(latin1, latin1.length, r)).isNull();
    assertThat(r.message().copyBytes())
        .isEqualTo("fondue ch\u00e4\u00e4s".getBytes(StandardCharsets.ISO_8859_1));
    // after a BOM: valid UTF-8, the BOM dropped, a space after it kept
    r = parse("<3>1 - - - - - - " + BOM + " \ud800\udf3c");
    assertThat(r.message().toString()).isEqualTo(" \ud800\udf3c");
    r = parse("<1>1 - - - - - - " + BOM);
    assertThat(r.message().getLength()).isZero();
    // a BOM later in the message is just bytes; so is "BOM" spelled out
    r = parse("<1>1 - - - - - - x" + BOM + "y");
    assertThat(r.message().toString()).isEqualTo("x" + BOM + "y");
    r = parse("<1>1 - - - - - - BOM'su root'");
    assertThat(r.message().toString()).isEqualTo("BOM'su root'");
    // leading whitespace of the line is skipped
    r = parse(" \t<1>1 - - - - - - m");
    assertThat(r.message().toString()).isEqualTo("m");
  }

  // rejects

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t \r", "   \r"})
  void blankLine(String line) {
    assertThat(reject(line)).isEqualTo(RejectReason.BLANK_LINE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"<192>1 - - - - - -", "<012>1 - - - - - -", "<00>1 - - - - - -",
      "<1a>1 - - -", "<>1 - -", "<1234>1 - -", "<13", "(13>Nov 25 10:00:00 h a: m",
      "hello world", "122 - - - - - -", "\tat com.example.Foo.bar(Foo.java:42)",
      "25 Nov 10:00:00 h a: m"})
  void priorityMissingOrOutOfRange(String line) {
    assertThat(reject(line)).isEqualTo(RejectReason.SYSLOG_PRIORITY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"<13>0 - - - - - -", "<13>1000 - - - - - -", "<13> Nov 25 10:00:00 h",
      "<13>x1 - -", "<102>abc 2018-11-22", "<1>3a", "<1>01 - - - - - -"})
  void version(String line) {
    assertThat(reject(line)).isEqualTo(RejectReason.SYSLOG_VERSION);
  }

  @ParameterizedTest
  @ValueSource(strings = {"<1>1 2003-10-11t22:14:15Z - - - - -", "<1>1 2003-10-11T22:14:15z - - - - -",
      "<1>1 2003-02-29T22:14:15Z - - - - -", "<1>1 2003-09-31T22:14:15Z - - - - -",
      "<1>1 2003-10-11T24:00:00Z - - - - -", "<1>1 2003-10-11T22:60:00Z - - - - -",
      "<1>1 2003-10-11T22:14:61Z - - - - -", "<1>1 2003-10-11T22:14:15.1234567Z - - - - -",
      "<1>1 2003-10-11T22:14:15.Z - - - - -", "<1>1 2003-10-11T22:14:15 - - - - -",
      "<1>1 2003-10-11T22:14:15+24:00 - - - - -", "<1>1 2003-10-11T22:14:15-07:60 - - - - -",
      "<1>1 2003-10-11T22:14:15+0700 - - - - -", "<1>1 2003-10-11T22:14:15Z+07:00 - - - - -",
      "<1>1 2003-10-11 - - - - -", "<1>1 -- - - - - -", "<1>1 2", "<1>1 2003-10-11T22:14:1",
      "Nov 31 10:00:00 h a: m", "Nov 25 24:00:00 h a: m", "Nov 25 10:60:00 h a: m",
      "Nov 25 10:00:61 h a: m", "Nov 25 10:00:00x h a: m", "Nov 25 10:00 h a: m",
      "Nov 25 10:00:00. h a: m", "Nov  x 10:00:00 h a: m", "Nov 25", "<13>Nov 25 1",
      "2026-11-25T10:00:00 h a: m", "2026-11-25T10:00:00+01:00h a: m", "2026-1-25T10:00:00Z h a: m", "<13>Nvv 25 10:00:00 h"})
  void timestamp(String line) {
    RejectReason expected = line.startsWith("<13>Nvv") ? RejectReason.SYSLOG_VERSION
        : RejectReason.SYSLOG_TIMESTAMP;
    assertThat(reject(line)).isEqualTo(expected);
  }

  @Test
  void hostname() {
    assertThat(reject("<1>1 -  app - - -")).isEqualTo(RejectReason.SYSLOG_HOSTNAME);
    assertThat(reject("<1>1 - " + "h".repeat(256) + " app - - -"))
        .isEqualTo(RejectReason.SYSLOG_HOSTNAME);
    assertThat(reject("<1>1 - h\u00f3st app - - -")).isEqualTo(RejectReason.SYSLOG_HOSTNAME);
    assertThat(reject("<1>1 - host\nname app - - -")).isEqualTo(RejectReason.SYSLOG_HOSTNAME);
    assertThat(reject("Nov 25 10:00:00 h\u00f3st app: m")).isEqualTo(RejectReason.SYSLOG_HOSTNAME);
    assertThat(reject("Nov 25 10:00:00 " + "h".repeat(256) + " app: m"))
        .isEqualTo(RejectReason.SYSLOG_HOSTNAME);
  }

  @Test
  void appNameProcIdMsgId() {
    assertThat(reject("<1>1 - h " + "a".repeat(49) + " - - -")).isEqualTo(RejectReason.SYSLOG_APP_NAME);
    assertThat(reject("<1>1 - h  - - -")).isEqualTo(RejectReason.SYSLOG_APP_NAME);
    assertThat(reject("<1>1 - h a\u00ffb - - -")).isEqualTo(RejectReason.SYSLOG_APP_NAME);
    assertThat(reject("<1>1 - h a " + "p".repeat(129) + " - -")).isEqualTo(RejectReason.SYSLOG_PROCID);
    assertThat(reject("<1>1 - h a p\tq - -")).isEqualTo(RejectReason.SYSLOG_PROCID);
    assertThat(reject("<1>1 - h a p " + "m".repeat(33) + " -")).isEqualTo(RejectReason.SYSLOG_MSGID);
    assertThat(reject("<1>1 - h a p  -")).isEqualTo(RejectReason.SYSLOG_MSGID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"X", "-x", "--", "[]", "[ ]", "[=]", "[\"]", "[id", "[id ]", "[id a]",
      "[id a=]", "[id a=\"1]", "[id a=\"1\"", "[id a=\"1\"x]", "[id a=\"]\"]", "[id a=\"\\n\"]",
      "[id a=\"\\\"]", "[id  a=\"1\"]", "[id =\"1\"]", "[a][a]", "[a x=\"1\"][b][a y=\"2\"]",
      "[abcdefghijklmnopqrstuvwxyz0123456]", "[id abcdefghijklmnopqrstuvwxyz0123456=\"v\"]",
      "[id a=\"1\"]x", "[id a=\"1\"]\tx", "[id a=1\"]"})
  void structuredData(String sd) {
    assertThat(reject("<1>1 - - - - - " + sd)).as(sd).isEqualTo(RejectReason.SYSLOG_STRUCTURED_DATA);
  }

  @Test
  void structuredDataNamesOf32AreAllowed() {
    String name = "abcdefghijklmnopqrstuvwxyz012345";
    SyslogRecord r = parse("<1>1 - - - - - [" + name + " " + name + "=\"v\"]");
    assertThat(StructuredData.elements(r.structuredData(), true))
        .isEqualTo(Map.of(name, Map.of(name, "v")));
  }

  @Test
  void messageAfterBomMustBeUtf8() {
    for (byte[] bad : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xC0, (byte) 0xAF},
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xFF},
        new byte[] {'o', 'k', (byte) 0x80})) {
      byte[] line = concat("<1>1 - - - - - - \uFEFF".getBytes(StandardCharsets.UTF_8), bad);
      assertThat(parser.parse(line, line.length, new SyslogRecord()))
          .isEqualTo(RejectReason.SYSLOG_MESSAGE);
      // without the BOM the same bytes are a message
      byte[] plain = concat("<1>1 - - - - - - ".getBytes(StandardCharsets.UTF_8), bad);
      assertThat(parser.parse(plain, plain.length, new SyslogRecord())).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"<13>", "<1>1", "<1>1 ", "<1>1 -", "<1>1 - ", "<1>1 - host",
      "<1>1 - host app", "<1>1 - host app proc", "<1>1 - - - - -", "<1>1 - - - - - ",
      "Nov 25 10:00:00", "Nov 25 10:00:00   ", "2026-11-25T10:00:00Z", "<13>2026-11-25T10:00:00Z "})
  void truncated(String line) {
    assertThat(reject(line)).isEqualTo(RejectReason.SYSLOG_TRUNCATED);
  }

  // the record

  @Test
  void recordIsReusedAndCleared() {
    SyslogRecord r = new SyslogRecord();
    byte[] full = ("<165>1 2003-10-11T22:14:15.003Z h app 12 ID [a x=\"1\"] msg")
        .getBytes(StandardCharsets.UTF_8);
    byte[] bare = "Nov 25 10:00:00 h2 m".getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(full, full.length, r)).isNull();
    assertThat(parser.parse(bare, bare.length, r)).isNull();
    assertThat(view(r)).isEqualTo(expected("format", "RFC3164", "time", "2026-11-25T10:00:00Z",
        "hostname", "h2", "message", "m"));
  }

  @Test
  void writableRoundTripEqualsAndToString() throws IOException {
    SyslogRecord a = parse("<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 ID7 "
        + "[x@1 k=\"v\"] %% do-nuts");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    a.write(new DataOutputStream(bytes));
    SyslogRecord b = new SyslogRecord();
    b.readFields(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(view(b)).isEqualTo(view(a));
    assertThat(a.toString()).isEqualTo("RFC5424 <165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 "
        + "myproc 8710 ID7 [x@1 k=\"v\"] %% do-nuts");
    SyslogRecord c = parse("Nov 25 10:00:00 h m");
    assertThat(c).isNotEqualTo(a);
    assertThat(c.toString()).isEqualTo("RFC3164 2026-11-25T10:00Z h - - - - m");
  }

  private SyslogRecord parse(String line) {
    SyslogRecord r = new SyslogRecord();
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    RejectReason reason = parser.parse(b, b.length, r);
    assertThat(reason).as("parse of %s", line).isNull();
    return r;
  }

  private RejectReason reject(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    RejectReason reason = parser.parse(b, b.length, new SyslogRecord());
    assertThat(reason).as("reject of %s", line).isNotNull();
    return reason;
  }

  private static String time(SyslogRecord r) {
    if (!r.hasTime()) {
      return "-";
    }
    long micros = r.timeMicros();
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        Math.floorMod(micros, 1_000_000L) * 1000L).toString();
  }

  private static Map<String, String> view(SyslogRecord r) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("format", r.format().name());
    m.put("priority", String.valueOf(r.priority()));
    m.put("facility", String.valueOf(r.facility()));
    m.put("severity", String.valueOf(r.severity()));
    m.put("version", String.valueOf(r.version()));
    m.put("time", time(r));
    m.put("offset", String.valueOf(r.offsetMinutes()));
    m.put("hostname", r.hostname().toString());
    m.put("appName", r.appName().toString());
    m.put("procId", r.procId().toString());
    m.put("msgId", r.msgId().toString());
    m.put("structuredData", r.structuredData().toString());
    m.put("message", r.message().toString());
    return m;
  }

  /** The view of a record with the given fields set and every other one empty (numbers -1 or 0). */
  private static Map<String, String> expected(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : List.of("format", "priority", "facility", "severity", "version", "time",
        "offset", "hostname", "appName", "procId", "msgId", "structuredData", "message")) {
      m.put(k, "");
    }
    m.put("priority", "-1");
    m.put("facility", "-1");
    m.put("severity", "-1");
    m.put("version", "0");
    m.put("offset", "0");
    for (int i = 0; i < keyValues.length; i += 2) {
      assertThat(m).containsKey(keyValues[i]);
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
