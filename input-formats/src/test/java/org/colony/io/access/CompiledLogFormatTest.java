package org.colony.io.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.colony.io.access.RecordViews.expected;
import static org.colony.io.access.RecordViews.view;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.colony.io.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiled log formats, presets and strings as written in httpd.conf and nginx.conf, on
 * hand-written lines. Every expected value, instants included, is written from the line itself.
 */
class CompiledLogFormatTest {
  private static final String COMBINED_LINE = "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "
      + "\"GET /apache_pb.gif HTTP/1.0\" 200 2326 \"http://www.example.com/start.html\" "
      + "\"Mozilla/4.08 [en] (Win98; I ;Nav)\"";
  private static final String NGINX_TIMED = "$remote_addr - $remote_user [$time_local] "
      + "\"$request\" $status $body_bytes_sent \"$http_referer\" \"$http_user_agent\" "
      + "$request_time $upstream_response_time \"$http_x_forwarded_for\"";
  private static final String APACHE_TIMED = "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" "
      + "\"%{User-Agent}i\" %D \"%{X-Forwarded-For}i\"";
  private static final String UPSTREAM_ONLY =
      "$remote_addr [$time_local] \"$request\" $status $upstream_response_time";

  @Test
  void commonPreset() {
    AccessLogRecord r = parse("common",
        "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326");
    assertThat(view(r)).isEqualTo(expected("client", "127.0.0.1", "clientList", "127.0.0.1",
        "user", "frank", "time", "2000-10-10T20:55:36Z", "offset", "-420", "method", "GET",
        "path", "/apache_pb.gif", "protocol", "HTTP/1.0", "status", "200", "bytes", "2326"));
  }

  @Test
  void combinedPreset() {
    AccessLogRecord r = parse("combined", COMBINED_LINE);
    assertThat(view(r)).isEqualTo(combinedLineView());
  }

  private static Map<String, String> combinedLineView() {
    return expected("client", "127.0.0.1", "clientList", "127.0.0.1",
        "user", "frank", "time", "2000-10-10T20:55:36Z", "offset", "-420", "method", "GET",
        "path", "/apache_pb.gif", "protocol", "HTTP/1.0", "status", "200", "bytes", "2326",
        "referrer", "http://www.example.com/start.html", "agent", "Mozilla/4.08 [en] (Win98; I ;Nav)");
  }

  @Test
  void vhostCombinedPresetKeepsThePortWithTheVhostAndTakesBytesFromPercentO() {
    AccessLogRecord r = parse("vhost_combined", "shop.example.org:80 2001:db8::7 - bob "
        + "[04/Jul/2019:09:20:46 +0200] \"POST /cart HTTP/1.1\" 302 0 "
        + "\"https://shop.example.org/\" \"curl/7.64.0\"");
    assertThat(view(r)).isEqualTo(expected("vhost", "shop.example.org:80", "client", "2001:db8::7",
        "clientList", "2001:db8::7", "user", "bob", "time", "2019-07-04T07:20:46Z", "offset", "120",
        "method", "POST", "path", "/cart", "protocol", "HTTP/1.1", "status", "302", "bytes", "0",
        "referrer", "https://shop.example.org/", "agent", "curl/7.64.0"));
  }

  @Test
  void nginxPreset() {
    AccessLogRecord r = parse("nginx", "93.184.216.34 - alice [17/May/2015:08:05:32 +0000] "
        + "\"GET /downloads/product_1 HTTP/1.1\" 304 0 \"-\" "
        + "\"Debian APT-HTTP/1.3 (0.8.16~exp12ubuntu10.21)\"");
    assertThat(view(r)).isEqualTo(expected("client", "93.184.216.34", "clientList", "93.184.216.34",
        "user", "alice", "time", "2015-05-17T08:05:32Z", "offset", "0", "method", "GET",
        "path", "/downloads/product_1", "protocol", "HTTP/1.1", "status", "304", "bytes", "0",
        "agent", "Debian APT-HTTP/1.3 (0.8.16~exp12ubuntu10.21)"));
  }

  @Test
  void nginxPresetReadsAForwardedForListWrittenAsTheAddress() {
    AccessLogRecord r = parse("nginx", "10.0.0.2, 10.0.0.1, 85.181.35.98 - - "
        + "[07/Dec/2016:11:05:07 +0100] \"GET /ocelot HTTP/1.1\" 200 571 \"-\" \"Mozilla/5.0\"");
    assertThat(r.client().toString()).isEqualTo("85.181.35.98");
    assertThat(r.clientList().toString()).isEqualTo("10.0.0.2, 10.0.0.1, 85.181.35.98");
    assertThat(r.user().getLength()).isZero();
    assertThat(r.bytes()).isEqualTo(571);
  }

  /**
   * The combined format as httpd.conf and people write it: quoted, escaped, bare, padded, with
   * other address, status and byte directives, status conditions, the time's strftime form.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "\"%h %l %u %t \\\"%r\\\" %>s %b \\\"%{Referer}i\\\" \\\"%{User-Agent}i\\\"\"",
      "%h %l %u %t \\\"%r\\\" %>s %b \\\"%{Referer}i\\\" \\\"%{User-Agent}i\\\"",
      "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"",
      "  %h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{user-agent}i\"  ",
      "%a %l %u [%{%d/%b/%Y:%H:%M:%S %z}t] \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"",
      "%{c}a %l %u %t \"%r\" %<s %B \"%!200,304{Referer}i\" \"%400,501{User-Agent}i\"",
      "COMBINED"})
  void combinedAsWrittenInHttpdConf(String format) {
    assertThat(view(parse(format, COMBINED_LINE))).isEqualTo(combinedLineView());
  }

  /** nginx's default format as nginx.conf writes it: single-quoted pieces, braces, quoted. */
  @ParameterizedTest
  @ValueSource(strings = {
      "'$remote_addr - $remote_user [$time_local] \"$request\" '\n"
          + "    '$status $body_bytes_sent \"$http_referer\" '\n    '\"$http_user_agent\"';",
      "\"$remote_addr - $remote_user [$time_local] \\\"$request\\\" $status $body_bytes_sent "
          + "\\\"$http_referer\\\" \\\"$http_user_agent\\\"\"",
      "${remote_addr} - ${remote_user} [${time_local}] \"${request}\" ${status} "
          + "${body_bytes_sent} \"${http_referer}\" \"${http_user_agent}\""})
  void nginxAsWrittenInNginxConf(String format) {
    assertThat(view(parse(format, COMBINED_LINE))).isEqualTo(combinedLineView());
  }

  @Test
  void apacheWithMicrosecondsAndForwardedFor() {
    AccessLogRecord r = parse(APACHE_TIMED, "10.0.0.5 - - [24/Nov/2026:09:15:02 +0100] "
        + "\"GET /products/42?ref=home HTTP/1.1\" 200 5123 \"https://www.google.com/\" "
        + "\"Mozilla/5.0 (X11; Linux x86_64)\" 1534 \"203.0.113.9, 10.0.0.1\"");
    assertThat(view(r)).isEqualTo(expected("client", "203.0.113.9",
        "clientList", "203.0.113.9, 10.0.0.1, 10.0.0.5", "time", "2026-11-24T08:15:02Z",
        "offset", "60", "method", "GET", "path", "/products/42", "query", "ref=home",
        "protocol", "HTTP/1.1", "status", "200", "bytes", "5123",
        "referrer", "https://www.google.com/", "agent", "Mozilla/5.0 (X11; Linux x86_64)",
        "responseMicros", "1534"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // address | forwarded-for | effective client | client list
      "2001:db8::7|-|2001:db8::7|2001:db8::7",
      "10.0.0.5|10.1.1.1, 192.168.0.3|10.1.1.1|10.1.1.1, 192.168.0.3, 10.0.0.5",
      "10.0.0.5|unknown, 2001:db8::1|2001:db8::1|unknown, 2001:db8::1, 10.0.0.5",
      "-|198.51.100.4|198.51.100.4|198.51.100.4",
      "198.51.100.4|\"\"|198.51.100.4|198.51.100.4",
  })
  void apacheForwardedForChains(String address, String forwarded, String client, String list) {
    AccessLogRecord r = parse(APACHE_TIMED, address + " - - [24/Nov/2026:09:15:02 +0100] "
        + "\"HEAD / HTTP/1.1\" 200 - \"-\" \"-\" 87 \"" + forwarded.replace("\"\"", "") + "\"");
    assertThat(r.client().toString()).isEqualTo(client);
    assertThat(r.clientList().toString()).isEqualTo(list);
    assertThat(r.method().toString()).isEqualTo("HEAD");
    assertThat(r.bytes()).isEqualTo(-1);
    assertThat(r.responseMicros()).isEqualTo(87);
  }

  @Test
  void nginxWithRequestTimeUpstreamTimeAndForwardedFor() {
    AccessLogRecord r = parse(NGINX_TIMED, "10.0.3.2 - - [25/Nov/2026:08:15:02 +0000] "
        + "\"POST /api/cart HTTP/2.0\" 201 87 \"https://shop.example.com/cart\" \"curl/8.5.0\" "
        + "0.153 0.150 \"198.51.100.23\"");
    assertThat(view(r)).isEqualTo(expected("client", "198.51.100.23",
        "clientList", "198.51.100.23, 10.0.3.2", "time", "2026-11-25T08:15:02Z",
        "method", "POST", "path", "/api/cart", "protocol", "HTTP/2.0",
        "status", "201", "bytes", "87", "referrer", "https://shop.example.com/cart",
        "agent", "curl/8.5.0", "responseMicros", "153000"));
  }

  @Test
  void nginxUpstreamListInTheMiddleOfTheLine() {
    AccessLogRecord r = parse(NGINX_TIMED, "10.0.3.2 - carol [25/Nov/2026:08:15:02 +0000] "
        + "\"GET /search?q=winter%20jacket HTTP/2.0\" 502 157 \"-\" \"Mozilla/5.0\" "
        + "3.004 3.001, 0.002 : - \"2001:db8::1, 10.225.192.17\"");
    assertThat(r.user().toString()).isEqualTo("carol");
    assertThat(r.query().toString()).isEqualTo("q=winter%20jacket");
    assertThat(r.status()).isEqualTo(502);
    assertThat(r.responseMicros()).as("$request_time, not the upstream sum").isEqualTo(3_004_000);
    assertThat(r.client().toString()).isEqualTo("2001:db8::1");
    assertThat(r.clientList().toString()).isEqualTo("2001:db8::1, 10.225.192.17, 10.0.3.2");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0.150|150000",
      "12|12000000",
      "0.012, 0.300 : 0.004|316000",
      "0.020, -|20000",
      "-|-1",
      "- : -|-1",
      "1.0000009|1000000",
  })
  void upstreamResponseTimeAloneIsSummed(String upstream, long micros) {
    AccessLogRecord r = parse(UPSTREAM_ONLY, "198.51.100.7 [25/Nov/2026:08:15:02 +0000] "
        + "\"GET / HTTP/1.1\" 200 " + upstream);
    assertThat(r.responseMicros()).as(upstream).isEqualTo(micros);
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void vhostWithPortIpv6ClientBodyBytesBeforePercentOAndMilliseconds() {
    AccessLogRecord r = parse("%v:%p %a %l %u %t \"%r\" %>s %b %O \"%{Referer}i\" "
        + "\"%{User-Agent}i\" %{ms}T", "www.example.com:443 2001:db8:85a3::8a2e:370:7334 - - "
        + "[26/Dec/2016:16:16:29 +0200] \"GET /favicon.ico HTTP/1.1\" 404 209 731 \"-\" "
        + "\"Mozilla/5.0\" 12");
    assertThat(view(r)).isEqualTo(expected("vhost", "www.example.com:443",
        "client", "2001:db8:85a3::8a2e:370:7334", "clientList", "2001:db8:85a3::8a2e:370:7334",
        "time", "2016-12-26T14:16:29Z", "offset", "120", "method", "GET", "path", "/favicon.ico",
        "protocol", "HTTP/1.1", "status", "404", "bytes", "209", "agent", "Mozilla/5.0",
        "responseMicros", "12000"));
  }

  @Test
  void percentOIsTheByteCountWithoutABodyCountAndPercentINever() {
    AccessLogRecord r = parse("%h %a %t \"%r\" %>s %I %O", "203.0.113.7 10.0.0.1 "
        + "[10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 420 350");
    assertThat(r.bytes()).isEqualTo(350);
    assertThat(r.clientList().toString()).as("the second address is not kept")
        .isEqualTo("203.0.113.7");
  }

  @Test
  void escapedQuotesAreKeptAsLogged() {
    AccessLogRecord r = parse("combined", "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "
        + "\"GET /a\\\"b HTTP/1.1\" 200 5 \"http://x/?q=\\\"quoted\\\" \" "
        + "\"Mozilla/5.0 (compatible; Foo \\\"Bar\\\" 1.0)\"");
    assertThat(r.path().toString()).isEqualTo("/a\\\"b");
    assertThat(r.referrer().toString()).isEqualTo("http://x/?q=\\\"quoted\\\" ");
    assertThat(r.agent().toString()).isEqualTo("Mozilla/5.0 (compatible; Foo \\\"Bar\\\" 1.0)");
    AccessLogRecord n = parse("nginx", "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "
        + "\"GET / HTTP/1.1\" 200 5 \"-\" \"Mozilla/5.0 (compatible; Foo \\x22Bar\\x22 1.0)\"");
    assertThat(n.agent().toString()).isEqualTo("Mozilla/5.0 (compatible; Foo \\x22Bar\\x22 1.0)");
  }

  /** As auto closes quotes: at the first unescaped '"' followed by a space or the line's end. */
  @Test
  void anUnescapedQuoteEndsAQuotedFieldOnlyBeforeASpaceOrTheEnd() {
    AccessLogRecord r = parse("combined", "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "
        + "\"GET / HTTP/1.1\" 200 5 \"http://r/\" \"Mozilla \"q\"x\"");
    assertThat(r.agent().toString()).isEqualTo("Mozilla \"q\"x");
    assertThat(r.referrer().toString()).isEqualTo("http://r/");
    byte[] b = ("127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 5 "
        + "\"http://r/\" \"Mozilla \"quoted\" x\"").getBytes(StandardCharsets.UTF_8);
    assertThat(AccessLogFormats.parser("combined").parse(b, b.length, new AccessLogRecord()))
        .isEqualTo(RejectReason.FORMAT_MISMATCH);
  }

  @Test
  void dashesAndAnEmptyRequest() {
    AccessLogRecord r = parse("combined",
        "::1 - - [26/Dec/2016:16:16:48 +0200] \"-\" 408 - \"-\" \"-\"");
    assertThat(view(r)).isEqualTo(expected("client", "::1", "clientList", "::1",
        "time", "2016-12-26T14:16:48Z", "offset", "120", "status", "408"));
    AccessLogRecord e = parse("nginx",
        "127.0.0.1 - - [12/Apr/2018:09:48:40 +0200] \"\" 400 0 \"-\" \"-\"");
    assertThat(view(e)).isEqualTo(expected("client", "127.0.0.1", "clientList", "127.0.0.1",
        "time", "2018-04-12T07:48:40Z", "offset", "120", "status", "400", "bytes", "0"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // format | time as logged | instant | offset minutes
      "$remote_addr [$time_iso8601] \"$request\" $status|2026-11-25T08:15:02+01:00"
          + "|2026-11-25T07:15:02Z|60",
      "$remote_addr [$time_iso8601] \"$request\" $status|2026-11-25T08:15:02-09:30"
          + "|2026-11-25T17:45:02Z|-570",
      "$remote_addr [$time_iso8601] \"$request\" $status|2026-11-25T08:15:02Z"
          + "|2026-11-25T08:15:02Z|0",
      "$remote_addr [$msec] \"$request\" $status|1795594502.123|2026-11-25T08:15:02.123Z|0",
      "%h [%{sec}t] \"%r\" %>s|1795594502|2026-11-25T08:15:02Z|0",
      "%h [%{msec}t] \"%r\" %>s|1795594502123|2026-11-25T08:15:02.123Z|0",
      "%h [%{begin:usec}t] \"%r\" %>s|1795594502123456|2026-11-25T08:15:02.123Z|0",
      "%h [%{%d/%b/%Y:%H:%M:%S %z}t] \"%r\" %>s|25/Nov/2026:08:15:02 -0100"
          + "|2026-11-25T09:15:02Z|-60",
  })
  void otherTimes(String format, String time, String instant, int offset) {
    AccessLogRecord r = parse(format, "203.0.113.7 [" + time + "] \"GET / HTTP/1.1\" 200");
    assertThat(Instant.ofEpochMilli(r.timeMillis())).as(format).isEqualTo(Instant.parse(instant));
    assertThat(r.offsetMinutes()).isEqualTo(offset);
    assertThat(r.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "%T|2|2000000",
      "%{s}T|0|0",
      "%{ms}T|1500|1500000",
      "%{us}T|2|2",
      "%D|-|-1",
      "$request_time|0.153|153000",
      "$request_time|10.5|10500000",
  })
  void responseTimes(String directive, String logged, long micros) {
    String format = (directive.startsWith("$") ? "$remote_addr [$time_local] $status "
        : "%h %t %>s ") + directive;
    AccessLogRecord r = parse(format, "203.0.113.7 [10/Oct/2000:13:55:36 -0700] 200 " + logged);
    assertThat(r.responseMicros()).as(directive + " " + logged).isEqualTo(micros);
  }

  @Test
  void unknownHeadersAndOtherDirectivesAreReadAndNotKept() {
    AccessLogRecord a = parse("%h %l %u %t \"%r\" %>s %b \"%{X-Request-Id}i\" %k %{Host}i",
        "198.51.100.7 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 5 \"abc 123\" 3 "
            + "shop.example.com");
    assertThat(view(a)).isEqualTo(expected("client", "198.51.100.7", "clientList", "198.51.100.7",
        "time", "2000-10-10T20:55:36Z", "offset", "-420", "method", "GET", "path", "/",
        "protocol", "HTTP/1.1", "status", "200", "bytes", "5"));
    AccessLogRecord n = parse("$remote_addr [$time_local] \"$request\" $status "
        + "\"$http_x_request_id\" $cookie_session $connection $host",
        "198.51.100.7 [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 \"r-1 2\" abc 17 "
            + "shop.example.com");
    assertThat(n.status()).isEqualTo(200);
    assertThat(n.vhost().toString()).isEqualTo("shop.example.com");
    assertThat(n.referrer().getLength() + n.agent().getLength()).isZero();
  }

  @Test
  void tabSeparatedFormatAsWrittenWithBackslashT() {
    AccessLogRecord r = parse("%h\\t%t\\t%>s\\t%{User-Agent}i",
        "203.0.113.7\t[10/Oct/2000:13:55:36 -0700]\t404\tcurl/8.5.0 (x)");
    assertThat(r.client().toString()).isEqualTo("203.0.113.7");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.agent().toString()).isEqualTo("curl/8.5.0 (x)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "combined|BLANK_LINE|' \t '",
      // a common line, or one with more after the agent, is not combined
      "combined|FORMAT_MISMATCH|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 2326",
      "combined|FORMAT_MISMATCH|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1 "
          + "\"-\" \"UA\" \"-\"",
      "combined|FORMAT_MISMATCH|1.2.3.4 - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1 \"-\" \"UA\"",
      "combined|FORMAT_MISMATCH|\"10.5.102.222, 199.96.1.1\" 10.2.1.185 - - [10/Oct/2000:13:55:36 -0700] "
          + "\"GET / HTTP/1.0\" 200 1 \"-\" \"UA\"",
      "combined|FORMAT_MISMATCH|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] GET / HTTP/1.0 200 1 \"-\" \"UA\"",
      "combined|BAD_TIMESTAMP|1.2.3.4 - - [29/Feb/2023:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1 \"-\" \"UA\"",
      "combined|BAD_TIMESTAMP|1.2.3.4 - - [10/Oct/2000:13:55:36] \"GET / HTTP/1.0\" 200 1 \"-\" \"UA\"",
      "combined|BAD_STATUS|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" OK 1 \"-\" \"UA\"",
      "combined|BAD_STATUS|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 2000 1 \"-\" \"UA\"",
      "combined|BAD_BYTES|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 12k \"-\" \"UA\"",
      "combined|BAD_REQUEST|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET /produ",
      "combined|BAD_QUOTED_FIELD|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1 \"-\" \"Mozi",
      "combined|BAD_QUOTED_FIELD|1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1 \"-\" \"UA\\\"",
      "vhost_combined|FORMAT_MISMATCH|vhost1.domaine.fr 123.123.123.123 - - [04/Jul/2019:09:20:46 +0200] "
          + "\"GET / HTTP/1.1\" 200 32953 \"-\" \"Mozilla/5.0\"",
      "nginx|FORMAT_MISMATCH|2a03:0:10ff:f00f::8000, 10.225.192.17 10.2.2.121 - - "
          + "[30/Dec/2016:06:47:09 +0000] \"GET /test.html HTTP/1.1\" 404 8571 \"-\" \"Facebot\"",
      "$remote_addr [$time_local] $status $request_time|FORMAT_MISMATCH"
          + "|1.2.3.4 [10/Oct/2000:13:55:36 -0700] 200 0.1x",
      "$remote_addr [$time_local] $status $request_time|FORMAT_MISMATCH"
          + "|1.2.3.4 [10/Oct/2000:13:55:36 -0700] 200 0.1 extra",
      "$remote_addr [$time_iso8601] $status|BAD_TIMESTAMP|1.2.3.4 [2026-02-30T08:15:02+00:00] 200",
      "$remote_addr [$msec] $status|BAD_TIMESTAMP|1.2.3.4 [-] 200",
      "[%t] %h|FORMAT_MISMATCH|1.2.3.4 [10/Oct/2000:13:55:36 -0700]",
  })
  void rejects(String format, RejectReason reason, String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    assertThat(AccessLogFormats.parser(format).parse(b, b.length, new AccessLogRecord()))
        .as(line).isEqualTo(reason);
  }

  @Test
  void moreThanSixtyFourChainedAddressesIsABadClient() {
    StringBuilder chain = new StringBuilder("10.0.0.1");
    for (int i = 2; i <= 65; i++) {
      chain.append(", 10.0.0.").append(i);
    }
    String line = "198.51.100.7 - - [24/Nov/2026:09:15:02 +0100] \"GET / HTTP/1.1\" 200 1 \"-\" "
        + "\"-\" 5 \"" + chain + "\"";
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    assertThat(AccessLogFormats.parser(APACHE_TIMED).parse(b, b.length, new AccessLogRecord()))
        .isEqualTo(RejectReason.BAD_CLIENT);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      // format | what the message must say
      "%h %Q|unknown directive %Q at position 4",
      "%h %l %u %t \"%r %>s %b|unbalanced quote at position 13",
      "\"%h %l %u %t \\\"%r\\\" %>s %b|unbalanced quote at position 1",
      "'$remote_addr [$time_local]|unbalanced quote at position 1",
      "$remote_addr $foo [$time_local]|unknown variable $foo at position 14",
      "$remote_addr [$time_local] $|'$' without a variable name at position 28",
      "%h%l %t|%h at position 1 is followed by %l",
      "%h %l %u|has no time",
      "%h %{%Y-%m-%d}t|unsupported time format %{%Y-%m-%d}t at position 4",
      "%h %t %{h}T|unsupported unit of %{h}T at position 7",
      "%h %t %i|header name missing in %i at position 7",
      "%h %t %|incomplete directive % at position 7",
      "%h %t %{Referer|unterminated '{' of the directive %{Referer at position 7",
      "''|empty log format",
      "%h %t\\n%>s|a line break (\\n) at position 7",
  })
  void badFormatsAreNamedWithTheirPosition(String format, String message) {
    assertThatThrownBy(() -> AccessLogFormats.parser(format))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .hasMessageNotContaining("\n");
  }

  @Test
  void autoAndEmptyAreTheHandWrittenParser() {
    assertThat(AccessLogFormats.parser("auto")).isInstanceOf(AccessLogParser.class);
    assertThat(AccessLogFormats.parser(" AUTO ")).isInstanceOf(AccessLogParser.class);
    assertThat(AccessLogFormats.parser("")).isInstanceOf(AccessLogParser.class);
    assertThat(AccessLogFormats.parser("nginx")).isInstanceOf(CompiledLogFormat.class);
    assertThat(AccessLogFormats.presets()).containsOnlyKeys("common", "combined",
        "vhost_combined", "nginx");
  }

  @Test
  void parsesOnlyTheGivenLengthAndKeepsNothingFromThePreviousLine() {
    AccessLineParser p = AccessLogFormats.parser(APACHE_TIMED);
    String first = "10.0.0.5 - bob [24/Nov/2026:09:15:02 +0100] \"GET /a?b=1 HTTP/1.1\" 200 5 "
        + "\"http://r/\" \"UA\" 1534 \"203.0.113.9\"";
    byte[] b = (first + " trailing").getBytes(StandardCharsets.UTF_8);
    AccessLogRecord r = new AccessLogRecord();
    assertThat(p.parse(b, first.length(), r)).isNull();
    assertThat(r.responseMicros()).isEqualTo(1534);
    assertThat(r.client().toString()).isEqualTo("203.0.113.9");

    byte[] second = ("::1 - - [26/Dec/2016:16:16:48 +0200] \"-\" 408 - \"-\" \"-\" - \"-\"")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(p.parse(second, second.length, r)).isNull();
    assertThat(view(r)).isEqualTo(expected("client", "::1", "clientList", "::1",
        "time", "2016-12-26T14:16:48Z", "offset", "120", "status", "408"));
  }

  @Test
  void responseTimeRoundTripsAndTakesPartInEqualsAndToString() throws IOException {
    AccessLogRecord r = parse(APACHE_TIMED, "10.0.0.5 - - [24/Nov/2026:09:15:02 +0100] "
        + "\"GET / HTTP/1.1\" 200 5 \"-\" \"UA\" 5000000000 \"-\"");
    assertThat(r.responseMicros()).isEqualTo(5_000_000_000L);
    assertThat(r.toString()).endsWith("\"UA\" 5000000000us");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    r.write(new DataOutputStream(bytes));
    AccessLogRecord copy = parse("combined", "10.0.0.5 - - [24/Nov/2026:09:15:02 +0100] "
        + "\"GET / HTTP/1.1\" 200 5 \"-\" \"UA\"");
    assertThat(copy).as("the same line without a response time").isNotEqualTo(r);
    copy.readFields(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(copy).isEqualTo(r);
    assertThat(view(copy)).isEqualTo(view(r));
  }

  private static AccessLogRecord parse(String format, String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    AccessLogRecord r = new AccessLogRecord();
    assertThat(AccessLogFormats.parser(format).parse(b, b.length, r))
        .as("parse of %s with %s", line, format).isNull();
    return r;
  }
}
