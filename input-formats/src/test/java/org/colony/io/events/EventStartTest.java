package org.colony.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Header detection per preset: lines that start an event, with their time, and lines that don't. */
class EventStartTest {

  /** What a match gave: "end zoned instant", or "no" when the line starts no event. */
  private static String match(EventStart start, String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    if (!start.matches(b, b.length)) {
      return "no";
    }
    return start.end() + " " + (start.zoned() ? "zoned" : "local") + " "
        + (start.hasTime() ? Instant.ofEpochMilli(start.millis()).toString() : "-");
  }

  private static String match(String spec, String line) {
    return match(EventStart.of(spec, ZoneOffset.UTC), line);
  }

  @Test
  void log4jAndLogbackTimestamps() {
    assertThat(match("log4j", "2026-11-24 09:15:02,123 INFO  [main] c.e.App - Started"))
        .isEqualTo("23 local 2026-11-24T09:15:02.123Z");
    assertThat(match("log4j", "2026-11-24 09:15:02.123 [http-nio-8080-exec-1] WARN  x - y"))
        .isEqualTo("23 local 2026-11-24T09:15:02.123Z");
    assertThat(match("log4j", "2026-11-24 09:15:02 INFO no fraction"))
        .isEqualTo("19 local 2026-11-24T09:15:02Z");
    assertThat(match("log4j", "2026-11-24 09:15:02,5 one digit"))
        .isEqualTo("21 local 2026-11-24T09:15:02.500Z");
    assertThat(match("log4j", "2026-11-24 09:15:02")).as("the whole line")
        .isEqualTo("19 local 2026-11-24T09:15:02Z");
    assertThat(match("log4j", "2024-02-29 23:59:59,999 leap day"))
        .isEqualTo("23 local 2024-02-29T23:59:59.999Z");
    assertThat(match("log4j", "2026-11-24 09:15:02,123|pipe")).isEqualTo("23 local 2026-11-24T09:15:02.123Z");
  }

  @Test
  void isoTimestampsWithZones() {
    assertThat(match("log4j", "2026-11-24T09:15:02.123Z  INFO 1 --- [main] x : y"))
        .isEqualTo("24 zoned 2026-11-24T09:15:02.123Z");
    assertThat(match("log4j", "2026-11-24T09:15:02.123+01:00  INFO 4242 --- [main] a.B : c"))
        .isEqualTo("29 zoned 2026-11-24T08:15:02.123Z");
    assertThat(match("log4j", "2026-11-24T09:15:02+0530 x"))
        .isEqualTo("24 zoned 2026-11-24T03:45:02Z");
    assertThat(match("log4j", "2026-11-24T23:15:02-08 x"))
        .isEqualTo("22 zoned 2026-11-25T07:15:02Z");
    assertThat(match("log4j", "2026-11-24 09:15:02,123 +0100 INFO x"))
        .isEqualTo("29 zoned 2026-11-24T08:15:02.123Z");
    assertThat(match("log4j", "2026-11-24T09:15:02.123456789Z nanos"))
        .isEqualTo("30 zoned 2026-11-24T09:15:02.123Z");
    // a dash after the time that is no offset: Python's " - name - LEVEL - msg"
    assertThat(match("log4j", "2026-11-24 09:15:02,123 - shop.orders - ERROR - x"))
        .isEqualTo("23 local 2026-11-24T09:15:02.123Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\tat com.example.shop.Cart.add(Cart.java:42) 2026-11-24 09:15:02,123",
      "    2026-11-24 09:15:02,123 indented, as in a dump",
      " 2026-11-24 09:15:02,123 one space",
      "Caused by: java.sql.SQLTimeoutException: 2026-11-24 09:15:02,123",
      "\t... 12 more",
      "2026-11-24 is the day of the sale",
      "2026-11-24",
      "20261124 091502 compact",
      "2026-13-01 09:15:02,123 month 13",
      "2026-02-29 09:15:02,123 not a leap year",
      "2026-11-31 09:15:02,123 November 31",
      "2026-11-24 24:00:00,000 hour 24",
      "2026-11-24 09:60:00,000 minute 60",
      "2026-11-24 09:15:61,000 second 61",
      "2026-11-24 09:15:021 seven digits",
      "2026-11-24 09:15:02,x no fraction digits",
      "2026-11-24 09:15:02,1234567890 ten fraction digits",
      "2026-11-24_09:15:02,123 underscore",
      "2026/11/24 09:15:02,123 slashes",
      "[2026-11-24 09:15:02,123] bracketed is another preset",
      "Nov 24 09:15:02 syslog is another preset",
      "{\"@timestamp\":\"2026-11-24T09:15:02.123Z\"}",
      "",
  })
  void notLog4jHeaders(String line) {
    assertThat(match("log4j", line)).as(line).isEqualTo("no");
  }

  @Test
  void timestampsWithoutZoneAreInTheConfiguredZone() {
    EventStart berlin = EventStart.of("log4j", ZoneId.of("Europe/Berlin"));
    assertThat(match(berlin, "2026-11-24 09:15:02,123 winter"))
        .isEqualTo("23 local 2026-11-24T08:15:02.123Z");
    assertThat(match(berlin, "2026-07-01 12:00:00,000 summer"))
        .isEqualTo("23 local 2026-07-01T10:00:00Z");
    // 02:30 does not exist on 2026-03-29 (clocks go 02:00 -> 03:00): the offset before, +01:00
    assertThat(match(berlin, "2026-03-29 02:30:00,000 gap"))
        .isEqualTo("23 local 2026-03-29T01:30:00Z");
    // 02:30 happens twice on 2026-10-25: the first, +02:00
    assertThat(match(berlin, "2026-10-25 02:30:00,000 overlap"))
        .isEqualTo("23 local 2026-10-25T00:30:00Z");
    // a timestamp with its zone keeps it
    assertThat(match(berlin, "2026-07-01T12:00:00Z zoned"))
        .isEqualTo("20 zoned 2026-07-01T12:00:00Z");
    assertThat(match(EventStart.of("log4j", ZoneId.of("+05:30")), "2026-11-24 09:15:02 fixed"))
        .isEqualTo("19 local 2026-11-24T03:45:02Z");
  }

  @Test
  void bracketedTimestamps() {
    assertThat(match("bracketed",
        "[2026-11-24 09:15:02,123] INFO [KafkaServer id=0] started (kafka.server.KafkaServer)"))
        .isEqualTo("25 local 2026-11-24T09:15:02.123Z");
    assertThat(match("bracketed", "[2015-12-06 01:44:16,735][INFO ][node ] [Zach] version[2.1.0]"))
        .isEqualTo("25 local 2015-12-06T01:44:16.735Z");
    assertThat(match("bracketed", "[2026-11-24T09:15:02.123+01:00] x"))
        .isEqualTo("31 zoned 2026-11-24T08:15:02.123Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[2026-11-24 09:15:02,123 INFO no closing bracket",
      "[2026-11-24 09:15:02,123 ] space before the bracket",
      "2026-11-24 09:15:02,123 INFO not bracketed",
      "[main] INFO x",
      "[2026-11-24] date only",
      "\t[2026-11-24 09:15:02,123] indented",
      "[2026-11-24 09:15:61,123] second 61",
  })
  void notBracketedHeaders(String line) {
    assertThat(match("bracketed", line)).as(line).isEqualTo("no");
  }

  @Test
  void syslogTimestampsTakeTheYearFromTheReferenceDate() {
    EventStart s = EventStart.of("syslog", ZoneOffset.UTC);
    s.setReferenceDate(2026, 11);
    assertThat(match(s, "Nov 24 09:15:02 web-1 shop[4242]: started"))
        .isEqualTo("15 local 2026-11-24T09:15:02Z");
    assertThat(match(s, "Nov  4 09:15:02 web-1 shop[4242]: space-padded day"))
        .isEqualTo("15 local 2026-11-04T09:15:02Z");
    assertThat(match(s, "Nov 04 09:15:02 web-1 zero-padded day"))
        .isEqualTo("15 local 2026-11-04T09:15:02Z");
    assertThat(match(s, "Nov 24 09:15:02.250 web-1 fraction"))
        .isEqualTo("19 local 2026-11-24T09:15:02.250Z");
    assertThat(match(s, "Nov 24 09:15:02")).isEqualTo("15 local 2026-11-24T09:15:02Z");

    s.setReferenceDate(2027, 1); // December lines in a January file are of the year before
    assertThat(match(s, "Dec 31 23:59:59 web-1 x")).isEqualTo("15 local 2026-12-31T23:59:59Z");
    s.setReferenceDate(2026, 12); // and January lines in a December file of the year after
    assertThat(match(s, "Jan  1 00:00:01 web-1 x")).isEqualTo("15 local 2027-01-01T00:00:01Z");
    s.setReferenceDate(2027, 2); // 2027 has no February 29: a header, but without a time
    assertThat(match(s, "Feb 29 10:00:00 web-1 x")).isEqualTo("15 local -");
    s.setReferenceDate(2028, 2);
    assertThat(match(s, "Feb 29 10:00:00 web-1 x")).isEqualTo("15 local 2028-02-29T10:00:00Z");

    EventStart noYear = EventStart.of("syslog", ZoneOffset.UTC);
    assertThat(match(noYear, "Nov 24 09:15:02 web-1 x")).isEqualTo("15 local -");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Nov 32 09:15:02 web-1 day 32",
      "Nov 31 09:15:02 web-1 November 31",
      "Nov  0 09:15:02 web-1 day 0",
      "Foo 24 09:15:02 web-1 no month",
      "nov 24 09:15:02 web-1 lower case",
      "NOV 24 09:15:02 web-1 upper case",
      "Nov 24 9:15:02 web-1 one-digit hour",
      "Nov 24 09:15:02x glued",
      "November 24 09:15:02 long month",
      "Nov 24 25:15:02 web-1 hour 25",
      " Nov 24 09:15:02 indented",
      "2026-11-24 09:15:02,123 log4j is another preset",
  })
  void notSyslogHeaders(String line) {
    EventStart s = EventStart.of("syslog", ZoneOffset.UTC);
    s.setReferenceDate(2026, 11);
    assertThat(match(s, line)).as(line).isEqualTo("no");
  }

  @Test
  void autoAcceptsEveryPresetAndNothingElse() {
    EventStart auto = EventStart.of("auto", ZoneOffset.UTC);
    auto.setReferenceDate(2026, 11);
    assertThat(match(auto, "2026-11-24 09:15:02,123 INFO x")).isEqualTo("23 local 2026-11-24T09:15:02.123Z");
    assertThat(match(auto, "[2026-11-24 09:15:02,123] INFO x")).isEqualTo("25 local 2026-11-24T09:15:02.123Z");
    assertThat(match(auto, "Nov 24 09:15:02 web-1 x")).isEqualTo("15 local 2026-11-24T09:15:02Z");
    assertThat(match(auto, "2026-11-24T09:15:02Z x")).isEqualTo("20 zoned 2026-11-24T09:15:02Z");
    for (String line : new String[] {"\tat com.example.shop.Cart.add(Cart.java:42)",
        "Caused by: java.lang.IllegalStateException: cart 2026-11-24 09:15:02,123 closed",
        "\tSuppressed: java.io.IOException: close", "\t... 27 more",
        "java.lang.NullPointerException: null", "INFO started", "Mar 5 is a date",
        "  \"orderId\": 42,", "}", "spring.datasource.url=jdbc:postgresql://db:5432/shop",
        "May the 4th", "Decimal 24 09:15:02", "[main] INFO", ""}) {
      assertThat(match(auto, line)).as(line).isEqualTo("no");
    }
    assertThat(EventStart.of("auto", ZoneOffset.UTC).needsYear()).isTrue();
    assertThat(EventStart.of("log4j", ZoneOffset.UTC).needsYear()).isFalse();
    assertThat(EventStart.of("bracketed", ZoneOffset.UTC).needsYear()).isFalse();
  }

  @Test
  void regexMatchesAtTheLineStart() {
    EventStart dmy = EventStart.of("regex:\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}", ZoneOffset.UTC);
    assertThat(match(dmy, "24/11/2026 09:15 INFO x")).isEqualTo("16 local -");
    assertThat(match(dmy, "x 24/11/2026 09:15 INFO x")).as("only at the start").isEqualTo("no");
    assertThat(match(dmy, "\tat 24/11/2026 09:15")).isEqualTo("no");
    assertThat(dmy.needsYear()).isFalse();

    EventStart timed = EventStart.of(
        "regex:(?<time>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(,\\d{3})?) \\|[ ]", ZoneOffset.UTC);
    assertThat(match(timed, "2026-11-24 09:15:02,123 | INFO | x"))
        .isEqualTo("26 local 2026-11-24T09:15:02.123Z");
    assertThat(match(timed, "2026-11-24 09:15:02 INFO x")).isEqualTo("no");
    // the group matched but holds no valid timestamp: a header without a time
    assertThat(match(timed, "2026-13-24 09:15:02 | INFO")).isEqualTo("22 local -");
    assertThat(timed.needsYear()).isTrue();

    // like configuration values, the spec is trimmed: a regex ending in a space needs [ ] or \\s
    EventStart levels = EventStart.of("REGEX:(INFO|WARN|ERROR) ", ZoneOffset.UTC);
    assertThat(match(levels, "ERROR boom")).isEqualTo("5 local -");
    assertThat(match(levels, "java.lang.Error: ERROR ")).isEqualTo("no");
  }

  @Test
  void badSpecsAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> EventStart.of("log4", ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("colony.events.start must be auto, log4j, bracketed, syslog or regex:PATTERN,"
            + " got 'log4'");
    assertThatThrownBy(() -> EventStart.of("regex:(unclosed", ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("colony.events.start: bad regex '(unclosed': ");
    assertThat(EventStart.of(" Syslog ", ZoneOffset.UTC).toString()).isEqualTo("Syslog");
  }

  @Test
  void keysFromTheConfiguration() {
    Configuration conf = new Configuration(false);
    assertThat(EventKeys.maxBytes(conf)).isEqualTo(1_048_576);
    assertThat(EventKeys.timezone(conf)).isEqualTo(ZoneId.of("UTC"));
    assertThat(EventStart.fromConf(conf).toString()).isEqualTo("auto");
    conf.set("colony.events.max.bytes", "64k");
    conf.set("colony.events.timezone", "Europe/Berlin");
    EventKeys.setStart(conf, "bracketed");
    assertThat(EventKeys.maxBytes(conf)).isEqualTo(65_536);
    assertThat(EventKeys.timezone(conf)).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(EventStart.fromConf(conf).toString()).isEqualTo("bracketed");
    conf.set("colony.events.max.bytes", "0");
    assertThatThrownBy(() -> EventKeys.maxBytes(conf)).hasMessageStartingWith(
        "colony.events.max.bytes must be between 1 and ");
    conf.set("colony.events.timezone", "Mars/Olympus");
    assertThatThrownBy(() -> EventKeys.timezone(conf)).hasMessage(
        "colony.events.timezone must be a zone ID such as UTC or Europe/Berlin, got 'Mars/Olympus'");
    assertThatThrownBy(() -> EventKeys.setStart(conf, "json"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
