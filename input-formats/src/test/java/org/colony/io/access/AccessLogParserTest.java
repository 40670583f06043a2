package org.colony.io.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.colony.io.access.RecordViews.expected;
import static org.colony.io.access.RecordViews.view;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.colony.io.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The access log parser on hand-written lines. Every expected value, instants included, is written
 * from the line itself; nothing expected is computed by the code under test.
 */
class AccessLogParserTest {
  private static final String TS = "[10/Oct/2000:13:55:36 -0700]";
  private static final String COMMON = "127.0.0.1 - frank " + TS + " \"GET /apache_pb.gif HTTP/1.0\" 200 2326";

  private final AccessLogParser parser = new AccessLogParser();

  @Test
  void apacheCommon() {
    AccessLogRecord r = parse(COMMON);
    assertThat(view(r)).isEqualTo(expected("client", "127.0.0.1", "clientList", "127.0.0.1",
        "user", "frank", "time", "2000-10-10T20:55:36Z", "offset", "-420", "method", "GET",
        "path", "/apache_pb.gif", "protocol", "HTTP/1.0", "status", "200", "bytes", "2326"));
  }

  @Test
  void apacheCombined() {
    AccessLogRecord r = parse(COMMON
        + " \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"");
    assertThat(view(r)).isEqualTo(expected("client", "127.0.0.1", "clientList", "127.0.0.1",
        "user", "frank", "time", "2000-10-10T20:55:36Z", "offset", "-420", "method", "GET",
        "path", "/apache_pb.gif", "protocol", "HTTP/1.0", "status", "200", "bytes", "2326",
        "referrer", "http://www.example.com/start.html", "agent", "Mozilla/4.08 [en] (Win98; I ;Nav)"));
  }

  @Test
  void bracketedIpv6InAChainIsNotTakenForTheTimestamp() {
    AccessLogRecord r = parse("10.0.0.1 [2001:db8::1] - - " + TS + " \"GET / HTTP/1.1\" 200 5");
    assertThat(r.clientList().toString()).isEqualTo("10.0.0.1, [2001:db8::1]");
    assertThat(Instant.ofEpochMilli(r.timeMillis())).isEqualTo(Instant.parse("2000-10-10T20:55:36Z"));
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void trailingSpacesInsideTheRequestAreNotPartOfTheProtocol() {
    AccessLogRecord r = parse("10.0.0.1 - - " + TS + " \"GET /a HTTP/1.1  \" 200 5");
    assertThat(r.path().toString()).isEqualTo("/a");
    assertThat(r.protocol().toString()).isEqualTo("HTTP/1.1");
  }

  @Test
  void invalidUtf8BytesAreKeptAsLogged() {
    byte[] head = ("10.0.0.1 - - " + TS + " \"GET /caf").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = (" HTTP/1.1\" 200 5 \"-\" \"Agent ").getBytes(StandardCharsets.US_ASCII);
    byte[] end = "\"".getBytes(StandardCharsets.US_ASCII);
    // Latin-1 e-acute (0xE9) in the path and a lone continuation byte (0x80) in the agent
    byte[] line = concat(head, new byte[] {(byte) 0xE9}, tail, new byte[] {(byte) 0x80}, end);
    AccessLogRecord r = new AccessLogRecord();
    assertThat(parser.parse(line, line.length, r)).isNull();
    assertThat(java.util.Arrays.copyOf(r.path().getBytes(), r.path().getLength()))
        .isEqualTo(new byte[] {'/', 'c', 'a', 'f', (byte) 0xE9});
    assertThat(java.util.Arrays.copyOf(r.agent().getBytes(), r.agent().getLength()))
        .isEqualTo(new byte[] {'A', 'g', 'e', 'n', 't', ' ', (byte) 0x80});
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void vhostCombinedWithPort() {
    AccessLogRecord r = parse("www.example.com:443 203.0.113.7 - - [26/Dec/2016:16:16:29 +0200] "
        + "\"GET /favicon.ico HTTP/1.1\" 404 209 \"-\" \"Mozilla/5.0\"");
    assertThat(view(r)).isEqualTo(expected("vhost", "www.example.com:443", "client", "203.0.113.7",
        "clientList", "203.0.113.7", "time", "2016-12-26T14:16:29Z", "offset", "120",
        "method", "GET", "path", "/favicon.ico", "protocol", "HTTP/1.1", "status", "404",
        "bytes", "209", "agent", "Mozilla/5.0"));
  }

  @Test
  void vhostCombinedWithoutPort() {
    AccessLogRecord r = parse("shop.example.org 198.51.100.23 - bob [04/Jul/2019:09:20:46 +0200] "
        + "\"POST /cart HTTP/1.1\" 302 0 \"https://shop.example.org/\" \"curl/7.64.0\"");
    assertThat(r.vhost().toString()).isEqualTo("shop.example.org");
    assertThat(r.client().toString()).isEqualTo("198.51.100.23");
    assertThat(r.user().toString()).isEqualTo("bob");
    assertThat(r.method().toString()).isEqualTo("POST");
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.bytes()).isEqualTo(0);
    assertThat(r.referrer().toString()).isEqualTo("https://shop.example.org/");
  }

  @Test
  void nginxCombined() {
    AccessLogRecord r = parse("93.184.216.34 - alice [17/May/2015:08:05:32 +0000] "
        + "\"GET /downloads/product_1 HTTP/1.1\" 304 0 \"-\" "
        + "\"Debian APT-HTTP/1.3 (0.8.16~exp12ubuntu10.21)\"");
    assertThat(view(r)).isEqualTo(expected("client", "93.184.216.34", "clientList", "93.184.216.34",
        "user", "alice", "time", "2015-05-17T08:05:32Z", "offset", "0", "method", "GET",
        "path", "/downloads/product_1", "protocol", "HTTP/1.1", "status", "304", "bytes", "0",
        "agent", "Debian APT-HTTP/1.3 (0.8.16~exp12ubuntu10.21)"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2001:db8::1 - - |2001:db8::1|2001:db8::1",
      "::1 - - |::1|::1",
      "crawler-7.example.net - - |crawler-7.example.net|crawler-7.example.net",
      "10.0.0.2, 10.0.0.1, 85.181.35.98 - - |85.181.35.98|10.0.0.2, 10.0.0.1, 85.181.35.98",
      "10.0.0.2,85.181.35.98 - - |85.181.35.98|10.0.0.2, 85.181.35.98",
      "\"10.5.102.222, 199.96.1.1, 204.246.1.1\" 10.2.1.185 - - |199.96.1.1"
          + "|10.5.102.222, 199.96.1.1, 204.246.1.1, 10.2.1.185",
      "10.0.0.2, 192.168.0.1, 172.16.5.4 - - |10.0.0.2|10.0.0.2, 192.168.0.1, 172.16.5.4",
      "2001:db8::1, 10.225.192.17 10.2.2.121 - - |2001:db8::1|2001:db8::1, 10.225.192.17, 10.2.2.121",
      "fd00::7, 100.64.0.1, 127.0.0.1 - - |fd00::7|fd00::7, 100.64.0.1, 127.0.0.1",
      "\"-\" 10.2.1.185 - - |10.2.1.185|10.2.1.185",
      "unknown, 8.8.4.4 - - |8.8.4.4|unknown, 8.8.4.4",
  })
  void clients(String prefix, String client, String clientList) {
    AccessLogRecord r = parse(prefix + " " + TS + " \"GET / HTTP/1.1\" 200 5");
    assertThat(r.client().toString()).as(prefix).isEqualTo(client);
    assertThat(r.clientList().toString()).as(prefix).isEqualTo(clientList);
    assertThat(r.vhost().getLength()).as("no vhost in " + prefix).isZero();
    assertThat(r.ident().getLength()).isZero();
    assertThat(r.user().getLength()).isZero();
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void dashesEverywhere() {
    AccessLogRecord r = parse("::1 - - [26/Dec/2016:16:16:48 +0200] \"-\" - - \"-\" \"-\"");
    assertThat(view(r)).isEqualTo(expected("client", "::1", "clientList", "::1",
        "time", "2016-12-26T14:16:48Z", "offset", "120"));
    assertThat(r.status()).isEqualTo(-1);
    assertThat(r.bytes()).isEqualTo(-1);
  }

  @Test
  void identAndUser() {
    AccessLogRecord r = parse("10.1.1.1 ident-7 \"Jane\" " + TS + " \"GET / HTTP/1.0\" 200 1");
    assertThat(r.ident().toString()).isEqualTo("ident-7");
    assertThat(r.user().toString()).isEqualTo("Jane");
  }

  @Test
  void emptyRequest() {
    AccessLogRecord r = parse("127.0.0.1 - - [12/Apr/2018:09:48:40 +0200] \"\" 400 0 \"-\" \"-\"");
    assertThat(r.method().getLength() + r.path().getLength() + r.protocol().getLength()).isZero();
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bytes()).isEqualTo(0);
    assertThat(Instant.ofEpochMilli(r.timeMillis())).isEqualTo(Instant.parse("2018-04-12T07:48:40Z"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // request | method | path | query | protocol
      "GET /|GET|/||",
      "GET|GET|||",
      "GET /a b  c HTTP/1.1|GET|/a b  c||HTTP/1.1",
      "GET /search?q=a+b&lang=en HTTP/1.1|GET|/search|q=a+b&lang=en|HTTP/1.1",
      "GET /x? HTTP/1.1|GET|/x||HTTP/1.1",
      "GET /a?b?c=1 HTTP/2.0|GET|/a|b?c=1|HTTP/2.0",
      "GET /has space?x=1 y HTTP/1.0|GET|/has space|x=1 y|HTTP/1.0",
      "OPTIONS * HTTP/1.1|OPTIONS|*||HTTP/1.1",
      "get /lower http/1.1|get|/lower||http/1.1",
      "GET /a httpd|GET|/a httpd||",
      "GET /a HTTP|GET|/a HTTP||",
      "GET /a\\\"b HTTP/1.1|GET|/a\\\"b||HTTP/1.1",
      "\\x16\\x03\\x01|\\x16\\x03\\x01|||",
  })
  void requests(String request, String method, String path, String query, String protocol) {
    AccessLogRecord r = parse("1.2.3.4 - - " + TS + " \"" + request + "\" 400 0");
    assertThat(r.method().toString()).as(request).isEqualTo(method);
    assertThat(r.path().toString()).as(request).isEqualTo(nullToEmpty(path));
    assertThat(r.query().toString()).as(request).isEqualTo(nullToEmpty(query));
    assertThat(r.protocol().toString()).as(request).isEqualTo(nullToEmpty(protocol));
    assertThat(r.status()).isEqualTo(400);
  }

  @Test
  void escapedQuotesInReferrerAndAgent() {
    AccessLogRecord r = parse(COMMON + " \"http://x/?q=\\\"quoted\\\" \" \"Mozilla \\\"x\\\" y\"");
    // escapes are kept as logged
    assertThat(r.referrer().toString()).isEqualTo("http://x/?q=\\\"quoted\\\" ");
    assertThat(r.agent().toString()).isEqualTo("Mozilla \\\"x\\\" y");
    assertThat(r.bytes()).isEqualTo(2326);
  }

  @Test
  void escapedBackslashBeforeClosingQuote() {
    AccessLogRecord r = parse(COMMON + " \"-\" \"agent\\\\\" \"extra\"");
    assertThat(r.agent().toString()).isEqualTo("agent\\\\");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"\"-\"", "1234", "\"-\" 0.003", "\"10.1.1.1, 10.2.2.2\" 88"})
  void trailingFieldsAfterAgentAreIgnored(String trailer) {
    AccessLogRecord r = parse(COMMON + " \"http://ref/\" \"UA/1.0\" " + trailer);
    assertThat(r.referrer().toString()).isEqualTo("http://ref/");
    assertThat(r.agent().toString()).isEqualTo("UA/1.0");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bytes()).isEqualTo(2326);
  }

  @Test
  void referrerWithoutAgent() {
    AccessLogRecord r = parse(COMMON + " \"http://ref/\"");
    assertThat(r.referrer().toString()).isEqualTo("http://ref/");
    assertThat(r.agent().getLength()).isZero();
  }

  @Test
  void surroundingWhitespaceAndCarriageReturn() {
    AccessLogRecord r = parse("  " + COMMON + " \t\r");
    assertThat(r.client().toString()).isEqualTo("127.0.0.1");
    assertThat(r.bytes()).isEqualTo(2326);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // timestamp | instant | offset minutes
      "[26/Dec/2016:16:16:29 +0530]|2016-12-26T10:46:29Z|330",
      "[26/Dec/2016:16:16:29 -0800]|2016-12-27T00:16:29Z|-480",
      "[26/Dec/2016:16:16:29 +0000]|2016-12-26T16:16:29Z|0",
      "[31/Dec/2016:20:00:00 -0800]|2017-01-01T04:00:00Z|-480",
      "[01/Jan/2020:00:00:00 -0930]|2020-01-01T09:30:00Z|-570",
      "[01/Jan/2020:05:00:00 +1400]|2019-12-31T15:00:00Z|840",
      "[10/Oct/2000:13:55:36.123 -0700]|2000-10-10T20:55:36.123Z|-420",
      "[10/Oct/2000:13:55:36.5 -0700]|2000-10-10T20:55:36.500Z|-420",
      "[10/Oct/2000:13:55:36.123456 -0700]|2000-10-10T20:55:36.123Z|-420",
      "[29/Feb/2024:23:30:00 -0100]|2024-03-01T00:30:00Z|-60",
      "[29/Feb/2000:12:00:00 +0000]|2000-02-29T12:00:00Z|0",
      "[01/Jan/1969:00:00:00 +0000]|1969-01-01T00:00:00Z|0",
      "[01/mar/2021:00:00:00 +0100]|2021-02-28T23:00:00Z|60",
      "[15/AUG/2021:10:11:12 +0200]|2021-08-15T08:11:12Z|120",
  })
  void timestamps(String timestamp, String instant, int offsetMinutes) {
    AccessLogRecord r = parse("1.2.3.4 - - " + timestamp + " \"GET / HTTP/1.1\" 200 5");
    assertThat(Instant.ofEpochMilli(r.timeMillis())).as(timestamp).isEqualTo(Instant.parse(instant));
    assertThat(r.offsetMinutes()).as(timestamp).isEqualTo(offsetMinutes);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "BLANK_LINE|",
      "BLANK_LINE|'   \t '",
      "BAD_CLIENT|1.2.3.4 - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 2326",
      "BAD_CLIENT|\"10.0.0.1, 1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 2326",
      "BAD_TIMESTAMP|1.2.3.4 - - 10/Oct/2000:13:55:36 -0700 \"GET / HTTP/1.0\" 200 2326",
      "BAD_TIMESTAMP|1.2.3.4 - - [29/Feb/2023:13:55:36 -0700] \"GET / HTTP/1.0\" 200 2326",
      "BAD_TIMESTAMP|1.2.3.4 - - [29/Feb/1900:13:55:36 -0700] \"GET / HTTP/1.0\" 200 2326",
      "BAD_TIMESTAMP|1.2.3.4 - - [31/Apr/2020:13:55:36 -0700] \"GET / HTTP/1.0\" 200 2326",
      "BAD_TIMESTAMP|1.2.3.4 - - [00/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 2326",
      "BAD_TIMESTAMP|1.2.3.4 - - [10/Okt/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 2326",
      "BAD_TIMESTAMP|1.2.3.4 - - [10/Oct/2000:24:00:00 -0700] \"GET / HTTP/1.0\" 200 2326",
      "BAD_TIMESTAMP|1.2.3.4 - - [10/Oct/2000:13:60:36 -0700] \"GET / HTTP/1.0\" 200 2326",
      "BAD_TIMESTAMP|1.2.3.4 - - [10/Oct/2000:13:55:36 0700] \"GET / HTTP/1.0\" 200 2326",
      "BAD_TIMESTAMP|1.2.3.4 - - [10/Oct/2000:13:55:36 -07:00] \"GET / HTTP/1.0\" 200 2326",
      "BAD_TIMESTAMP|1.2.3.4 - - [10/Oct/2000:13:55:36] \"GET / HTTP/1.0\" 200 2326",
      "BAD_TIMESTAMP|1.2.3.4 - - [10/Oct/2000:13:55:36. -0700] \"GET / HTTP/1.0\" 200 2326",
      "BAD_TIMESTAMP|1.2.3.4 - - [10/Oct/2000:13:55:3",
      "BAD_REQUEST|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] GET / HTTP/1.0 200 2326",
      "BAD_REQUEST|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0 200 2326",
      "BAD_REQUEST|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700]\"GET / HTTP/1.0\" 200 2326",
      "BAD_STATUS|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" OK 2326",
      "BAD_STATUS|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 2000 2326",
      "BAD_BYTES|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 12k",
      "BAD_BYTES|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 -5",
      "BAD_BYTES|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 99999999999999999999",
      "BAD_QUOTED_FIELD|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1 \"http://ref",
      "BAD_QUOTED_FIELD|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1 \"-\" \"Mozi",
      "TRUNCATED|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700]",
      "TRUNCATED|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\"",
      "TRUNCATED|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200",
      "TRUNCATED|'1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200   '",
  })
  void rejects(RejectReason reason, String line) {
    String l = nullToEmpty(line);
    byte[] b = l.getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(b, b.length, new AccessLogRecord())).as(l).isEqualTo(reason);
  }

  @Test
  void parsesOnlyTheGivenLengthOfTheBuffer() {
    byte[] b = (COMMON + " \"http://ref/\" \"UA\"").getBytes(StandardCharsets.UTF_8);
    AccessLogRecord r = new AccessLogRecord();
    assertThat(parser.parse(b, COMMON.length(), r)).isNull();
    assertThat(r.referrer().getLength() + r.agent().getLength()).isZero();
    assertThat(parser.parse(b, COMMON.length() - 5, r)).isEqualTo(RejectReason.TRUNCATED);
  }

  @Test
  void reusedRecordKeepsNothingFromThePreviousLine() {
    AccessLogRecord r = parse("www.example.com:80 \"10.0.0.1, 8.8.8.8\" 10.1.1.1 ident bob "
        + "[26/Dec/2016:16:16:29 +0200] \"GET /a?b=1 HTTP/1.1\" 200 55 \"http://ref/\" \"UA/1\"");
    assertThat(r.vhost().toString()).isEqualTo("www.example.com:80");
    assertThat(r.client().toString()).isEqualTo("8.8.8.8");
    assertThat(r.query().toString()).isEqualTo("b=1");
    byte[] b = "::1 - - [26/Dec/2016:16:16:48 +0200] \"-\" 408 -".getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(b, b.length, r)).isNull();
    assertThat(view(r)).isEqualTo(expected("client", "::1", "clientList", "::1",
        "time", "2016-12-26T14:16:48Z", "offset", "120", "status", "408"));
  }

  @Test
  void writableRoundTrip() throws IOException {
    AccessLogRecord r = parse("www.example.com:80 \"10.0.0.1, 8.8.8.8\" 10.1.1.1 ident bob "
        + "[26/Dec/2016:16:16:29.250 -0930] \"GET /a?b=1 HTTP/1.1\" 200 5000000000 \"http://ref/\" "
        + "\"UA/1 \\\"q\\\" \u00e9\"");
    assertThat(r.bytes()).isEqualTo(5_000_000_000L);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    r.write(new DataOutputStream(bytes));

    AccessLogRecord copy = new AccessLogRecord();
    assertThat(copy).isNotEqualTo(r);
    copy.readFields(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(copy).isEqualTo(r);
    assertThat(copy.hashCode()).isEqualTo(r.hashCode());
    assertThat(view(copy)).isEqualTo(view(r));

    // A record that held another line is fully overwritten by readFields.
    AccessLogRecord reused = parse(COMMON);
    reused.readFields(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(reused).isEqualTo(r);

    // Dashes round-trip as -1.
    AccessLogRecord dashes = parse("::1 - - [26/Dec/2016:16:16:48 +0200] \"-\" - -");
    bytes.reset();
    dashes.write(new DataOutputStream(bytes));
    copy.readFields(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(copy.status()).isEqualTo(-1);
    assertThat(copy.bytes()).isEqualTo(-1);
    assertThat(copy).isEqualTo(dashes);
  }

  private AccessLogRecord parse(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    AccessLogRecord r = new AccessLogRecord();
    assertThat(parser.parse(b, b.length, r)).as("parse of %s", line).isNull();
    return r;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
