package org.colony.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.colony.io.events.StackTrace.Kind;
import org.junit.jupiter.api.Test;

/** An event's header fields, its stack trace, the cap, and the Writable round trip. */
class EventRecordTest {
  private static final int MIB = 1 << 20;

  /** An event of {@code lines} as the reader builds it (the first must be a header). */
  static EventRecord event(int cap, String... lines) {
    EventStart start = EventStart.of("auto", ZoneOffset.UTC);
    start.setReferenceDate(2026, 11);
    EventRecord r = new EventRecord();
    byte[] header = lines[0].getBytes(StandardCharsets.UTF_8);
    assertThat(start.matches(header, header.length)).as(lines[0]).isTrue();
    r.begin(start, header, header.length, false, cap);
    for (int i = 1; i < lines.length; i++) {
      byte[] b = lines[i].getBytes(StandardCharsets.UTF_8);
      r.append(b, b.length, false, cap);
    }
    return r;
  }

  private static EventRecord event(String... lines) {
    EventStart start = EventStart.of("auto", ZoneOffset.UTC);
    start.setReferenceDate(2026, 11);
    EventRecord r = EventRecord.of(start, lines);
    assertThat(r).isEqualTo(event(MIB, lines));
    return r;
  }

  /** "LEVEL|thread|logger|message" of a one-line event. */
  private static String fields(String header) {
    EventRecord r = event(header);
    return r.level() + "|" + r.thread() + "|" + r.logger() + "|" + r.message();
  }

  @Test
  void headerFieldsOfCommonLayouts() {
    assertThat(fields("2026-11-24 09:15:02.123 [http-nio-8080-exec-7] ERROR "
        + "c.e.shop.web.OrderController - Order 1042 failed"))
        .isEqualTo("ERROR|http-nio-8080-exec-7|c.e.shop.web.OrderController|Order 1042 failed");
    assertThat(fields("2026-11-24 09:15:02,123 INFO  [main] App:42 - Started in 3.2 s"))
        .isEqualTo("INFO|main|App|Started in 3.2 s");
    assertThat(fields("2026-11-24T09:15:02.123+01:00  WARN 4242 --- [shop] [nio-8080-exec-1] "
        + "c.e.s.r.ProductRepository        : Slow query took 2300 ms"))
        .isEqualTo("WARN|nio-8080-exec-1|c.e.s.r.ProductRepository|Slow query took 2300 ms");
    assertThat(fields("2026-11-24 09:15:02.123  INFO 4242 --- [           main] "
        + "o.s.b.w.e.tomcat.TomcatWebServer         : Tomcat started on port(s): 8080 (http)"))
        .isEqualTo("INFO|main|o.s.b.w.e.tomcat.TomcatWebServer|Tomcat started on port(s): 8080 (http)");
    assertThat(fields("[2026-11-24 09:15:02,123] INFO [KafkaServer id=0] started "
        + "(kafka.server.KafkaServer)"))
        .isEqualTo("INFO||kafka.server.KafkaServer|[KafkaServer id=0] started");
    assertThat(fields("[2026-11-24 09:15:02,123] ERROR Error while fetching metadata "
        + "(kafka.server.ReplicaFetcherThread)"))
        .isEqualTo("ERROR||kafka.server.ReplicaFetcherThread|Error while fetching metadata");
    assertThat(fields("2026-11-24 09:15:02,123 - shop.orders - CRITICAL - Payment provider down"))
        .isEqualTo("FATAL||shop.orders|Payment provider down");
    assertThat(fields("2026-11-24T09:15:02.123+01:00 ERROR 4242 --- [shop] [nio-8080-exec-9] "
        + "o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() threw exception"))
        .isEqualTo("ERROR|nio-8080-exec-9|o.a.c.c.C.[.[.[/].[dispatcherServlet]|"
            + "Servlet.service() threw exception");
    assertThat(fields("2026-11-24 09:15:02,123 [exec-1] ERROR "
        + "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/] - Exception"))
        .isEqualTo("ERROR|exec-1|org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/]|"
            + "Exception");
    assertThat(fields("2026-11-24 09:15:02,123 WARNING [main] x.Y - z")).isEqualTo("WARN|main|x.Y|z");
    assertThat(fields("2026-11-24 09:15:02,123 [main] INFO - no logger"))
        .isEqualTo("INFO|main||no logger");
    assertThat(fields("2026-11-24 09:15:02,123 ERROR Failed: disk full"))
        .isEqualTo("ERROR|||Failed: disk full");
    assertThat(fields("[2015-12-06 01:44:16,735][INFO ][node                     ] [Zach] "
        + "version[2.1.0], pid[1]"))
        .isEqualTo("INFO|||[node                     ] [Zach] version[2.1.0], pid[1]");
    assertThat(fields("Nov 24 09:15:02 web-1 shop[4242]: started"))
        .isEqualTo("null|||web-1 shop[4242]: started");
    assertThat(fields("2026-11-24 09:15:02,123 something happened"))
        .isEqualTo("null|||something happened");
    assertThat(fields("2026-11-24 09:15:02,123")).isEqualTo("null|||");
    assertThat(fields("2026-11-24 09:15:02,123 DEBUG [main] c.e.Cache - k=\u00e9t\u00e9"))
        .isEqualTo("DEBUG|main|c.e.Cache|k=\u00e9t\u00e9");
  }

  @Test
  void stackTraceWithCausesAndOmittedFrames() {
    EventRecord r = event(
        "2026-11-24 10:02:11.482 [http-nio-8080-exec-3] ERROR c.e.shop.web.CheckoutController"
            + " - Checkout failed for order 1042",
        "org.springframework.dao.DataAccessResourceFailureException: could not execute statement;"
            + " nested exception is java.sql.SQLTimeoutException: timeout",
        "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccess"
            + "Exception(HibernateJpaDialect.java:255)",
        "\tat com.example.shop.order.OrderService.place(OrderService.java:88)",
        "\tat com.example.shop.web.CheckoutController.checkout(CheckoutController.java:51)",
        "Caused by: org.hibernate.exception.JDBCConnectionException: could not execute statement",
        "\tat org.hibernate.exception.internal.SQLStateConversionDelegate.convert("
            + "SQLStateConversionDelegate.java:112)",
        "\t... 2 more",
        "Caused by: java.sql.SQLTimeoutException: Query timed out after 30000 ms",
        "\tat org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:412)",
        "\t... 5 common frames omitted");
    assertThat(r.level()).isEqualTo(EventLevel.ERROR);
    assertThat(r.message()).isEqualTo("Checkout failed for order 1042");
    assertThat(r.lines()).isEqualTo(11);
    StackTrace st = r.stackTrace();
    assertThat(kinds(st)).containsExactly(Kind.HEADER, Kind.EXCEPTION, Kind.FRAME, Kind.FRAME,
        Kind.FRAME, Kind.CAUSED_BY, Kind.FRAME, Kind.MORE, Kind.CAUSED_BY, Kind.FRAME, Kind.MORE);
    assertThat(st.frames()).isEqualTo(5);
    assertThat(st.isEmpty()).isFalse();
    assertThat(st.exceptionClass())
        .isEqualTo("org.springframework.dao.DataAccessResourceFailureException");
    assertThat(st.rootCauseClass()).isEqualTo("java.sql.SQLTimeoutException");
    assertThat(st.causes()).containsExactly(
        "org.springframework.dao.DataAccessResourceFailureException",
        "org.hibernate.exception.JDBCConnectionException", "java.sql.SQLTimeoutException");
    assertThat(st.firstFrame("com.example.shop."))
        .isEqualTo("com.example.shop.order.OrderService.place(OrderService.java:88)");
    assertThat(st.firstFrame()).startsWith("org.springframework.orm.jpa.vendor.");
    assertThat(st.firstFrame("net.example.")).isNull();
    assertThat(st.line(7)).isEqualTo("\t... 2 more");
    String text = r.text().toString();
    assertThat(text.substring(st.start(5), st.end(5)))
        .isEqualTo("Caused by: org.hibernate.exception.JDBCConnectionException: could not execute statement");
    assertThat(st.end(10)).isEqualTo(text.length());
  }

  @Test
  void suppressedExceptionsAndTheirCausesAreNotTheRootCause() {
    StackTrace st = event(
        "2026-11-24 10:05:00,001 WARN  [main] c.e.shop.Cleanup - close failed",
        "java.io.IOException: flush failed",
        "\tat com.example.shop.io.Out.flush(Out.java:10)",
        "\tSuppressed: java.lang.IllegalStateException: already closed",
        "\t\tat com.example.shop.io.Out.close(Out.java:20)",
        "\t\t... 1 more",
        "\tCaused by: java.net.SocketTimeoutException: Read timed out",
        "\t\tat java.base/java.net.SocketInputStream.read(SocketInputStream.java:1)",
        "\t\t... 2 more").stackTrace();
    assertThat(kinds(st)).containsExactly(Kind.HEADER, Kind.EXCEPTION, Kind.FRAME,
        Kind.SUPPRESSED, Kind.FRAME, Kind.MORE, Kind.CAUSED_BY, Kind.FRAME, Kind.MORE);
    assertThat(st.frames()).isEqualTo(3);
    assertThat(st.exceptionClass()).isEqualTo("java.io.IOException");
    assertThat(st.rootCauseClass()).isEqualTo("java.io.IOException");
    assertThat(st.causes()).containsExactly("java.io.IOException");
  }

  @Test
  void exceptionLinesWithoutFramesInTheHeaderAndWithAThreadPrefix() {
    StackTrace fastThrow = event("2026-11-24 10:06:00,000 ERROR [pool-1] c.e.shop.Mailer - send failed",
        "java.lang.NullPointerException").stackTrace();
    assertThat(kinds(fastThrow)).containsExactly(Kind.HEADER, Kind.EXCEPTION);
    assertThat(fastThrow.frames()).isZero();
    assertThat(fastThrow.isEmpty()).isFalse();
    assertThat(fastThrow.exceptionClass()).isEqualTo("java.lang.NullPointerException");

    StackTrace inHeader = event(
        "2026-11-24 10:07:00,000 ERROR [main] c.e.shop.App - java.lang.IllegalStateException: boom",
        "\tat com.example.shop.App.main(App.java:5)").stackTrace();
    assertThat(inHeader.exceptionClass()).isEqualTo("java.lang.IllegalStateException");
    assertThat(inHeader.rootCauseClass()).isEqualTo("java.lang.IllegalStateException");

    StackTrace thread = event("2026-11-24 10:08:00,000 ERROR [main] c.e.shop.App - crashed",
        "Exception in thread \"worker-2\" java.lang.IllegalStateException: queue closed",
        "\tat com.example.shop.Worker.run(Worker.java:30)").stackTrace();
    assertThat(thread.exceptionClass()).isEqualTo("java.lang.IllegalStateException");

    // a message over two lines: the class is on the first
    StackTrace twoLines = event("2026-11-24 10:09:00,000 ERROR [main] c.e.X - failed",
        "java.lang.IllegalArgumentException: bad input",
        "  where id=3",
        "\tat com.example.X.y(X.java:1)").stackTrace();
    assertThat(kinds(twoLines)).containsExactly(Kind.HEADER, Kind.EXCEPTION, Kind.TEXT, Kind.FRAME);
    assertThat(twoLines.exceptionClass()).isEqualTo("java.lang.IllegalArgumentException");
  }

  @Test
  void dumpsAreNoStackTraces() {
    EventRecord config = event("2026-11-24 06:00:01,000 INFO  [main] c.e.shop.Config - Effective configuration:",
        "  server.port = 8080",
        "  spring.datasource.url = jdbc:postgresql://db:5432/shop",
        "  cache.ttl: 600",
        "",
        "  at least one of: a, b");
    StackTrace st = config.stackTrace();
    assertThat(kinds(st)).containsExactly(Kind.HEADER, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT,
        Kind.FRAME);
    assertThat(st.exceptionClass()).isNull();
    assertThat(st.rootCauseClass()).isNull();
    assertThat(st.causes()).isEmpty();
    assertThat(config.lines()).isEqualTo(6);
    assertThat(config.message()).isEqualTo("Effective configuration:");

    StackTrace json = event("2026-11-24 06:00:02,000 INFO [main] c.e.shop.Flags - flags = {",
        "  \"newCheckout\": true,", "  \"maxCart\": 50", "}").stackTrace();
    assertThat(json.isEmpty()).isTrue();
    assertThat(json.lines()).isEqualTo(4);
    assertThat(json.line(3)).isEqualTo("}");
  }

  @Test
  void timeLinesAndText() {
    EventRecord r = event("2026-11-24T10:02:11.482+01:00 ERROR [main] c.e.A - x", "\tat a.B.c(B.java:1)");
    assertThat(r.hasTime()).isTrue();
    assertThat(r.zoned()).isTrue();
    assertThat(r.timeMillis()).isEqualTo(Instant.parse("2026-11-24T09:02:11.482Z").toEpochMilli());
    assertThat(r.text().toString())
        .isEqualTo("2026-11-24T10:02:11.482+01:00 ERROR [main] c.e.A - x\n\tat a.B.c(B.java:1)");
    assertThat(r.header()).isEqualTo("2026-11-24T10:02:11.482+01:00 ERROR [main] c.e.A - x");
    assertThat(r.truncated()).isFalse();
    assertThat(r.toString()).isEqualTo(
        "2026-11-24T09:02:11.482Z 2 lines: 2026-11-24T10:02:11.482+01:00 ERROR [main] c.e.A - x");
    assertThat(event("2026-11-24 10:02:11 x").toString())
        .isEqualTo("2026-11-24T10:02:11Z 1 line: 2026-11-24 10:02:11 x");
  }

  @Test
  void theCapKeepsTheFirstBytesOfTheJoinedLines() {
    String header = "2026-11-24 09:15:02 a"; // 21 bytes
    EventRecord whole = event(30, header, "12345678");
    assertThat(whole.text().toString()).isEqualTo(header + "\n12345678"); // exactly 30
    assertThat(whole.truncated()).isFalse();

    EventRecord cut = event(30, header, "12345678", "next", "and more");
    assertThat(cut.text().toString()).isEqualTo(header + "\n12345678");
    assertThat(cut.truncated()).isTrue();
    assertThat(cut.lines()).isEqualTo(4);

    assertThat(event(25, header, "12345678").text().toString()).isEqualTo(header + "\n123");
    assertThat(event(22, header, "12345678").text().toString()).isEqualTo(header + "\n");
    assertThat(event(21, header, "12345678").text().toString()).isEqualTo(header);
    EventRecord headerCut = event(10, header, "x");
    assertThat(headerCut.text().toString()).isEqualTo("2026-11-24");
    assertThat(headerCut.truncated()).isTrue();
    assertThat(headerCut.hasTime()).isTrue();
    assertThat(headerCut.message()).isEmpty();

    // a two-byte character at the cut is dropped whole, not halved
    EventRecord utf8 = event(24, header, "\u00e9t\u00e9");
    assertThat(utf8.text().toString()).isEqualTo(header + "\n\u00e9");
    assertThat(utf8.text().getLength()).isEqualTo(24);
    assertThat(event(23, header, "\u00e9t\u00e9").text().toString()).isEqualTo(header + "\n");
    assertThat(event(25, header, "x\ud83d\ude00").text().getLength()).isEqualTo(23);

    // a line cut to the line cap makes the event truncated too
    EventRecord r = new EventRecord();
    EventStart start = EventStart.of("log4j", ZoneOffset.UTC);
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    assertThat(start.matches(h, h.length)).isTrue();
    r.begin(start, h, h.length, false, MIB);
    r.append(new byte[] {'x'}, 1, true, MIB);
    assertThat(r.truncated()).isTrue();
    assertThat(r.text().toString()).isEqualTo(header + "\nx");
  }

  @Test
  void ofRefusesALineThatStartsNoEvent() {
    EventStart log4j = EventStart.of("log4j", ZoneOffset.UTC);
    assertThatThrownBy(() -> EventRecord.of(log4j, "\tat a.B.c(B.java:1)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an event header for log4j: \tat a.B.c(B.java:1)");
    assertThat(EventRecord.of(log4j, "2026-11-24 10:00:00 x", "y").lines()).isEqualTo(2);
  }

  @Test
  void utf8Boundary() {
    byte[] b = "h\u00e9llo\ud83d\ude00!".getBytes(StandardCharsets.UTF_8); // h C3 A9 l l o F0 9F 98 80 !
    assertThat(EventRecord.utf8Boundary(b, 1)).isEqualTo(1);
    assertThat(EventRecord.utf8Boundary(b, 2)).isEqualTo(1);
    assertThat(EventRecord.utf8Boundary(b, 3)).isEqualTo(3);
    assertThat(EventRecord.utf8Boundary(b, 6)).isEqualTo(6);
    assertThat(EventRecord.utf8Boundary(b, 7)).isEqualTo(6);
    assertThat(EventRecord.utf8Boundary(b, 8)).isEqualTo(6);
    assertThat(EventRecord.utf8Boundary(b, 9)).isEqualTo(6);
    assertThat(EventRecord.utf8Boundary(b, 10)).isEqualTo(10);
    byte[] junk = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80};
    assertThat(EventRecord.utf8Boundary(junk, 5)).as("no lead byte: cut where asked").isEqualTo(5);
  }

  @Test
  void writableRoundTripKeepsEverythingAndTheLazyFields() throws Exception {
    EventRecord a = event("2026-11-24 10:06:00,000 ERROR [pool-1] c.e.shop.Mailer - send failed",
        "java.lang.NullPointerException: to is null", "\tat com.example.shop.Mailer.send(Mailer.java:7)");
    EventRecord truncated = event(40, "Nov 24 09:15:02 web-1 shop[4242]: started", "more", "lines");
    EventRecord noTime = new EventRecord();
    noTime.begin(null, new byte[] {'x'}, 1, false, MIB);
    EventRecord target = new EventRecord();
    for (EventRecord r : List.of(a, truncated, noTime)) {
      DataOutputBuffer out = new DataOutputBuffer();
      r.write(out);
      DataInputBuffer in = new DataInputBuffer();
      in.reset(out.getData(), out.getLength());
      target.readFields(in);
      assertThat(target).isEqualTo(r).hasSameHashCodeAs(r).hasToString(r.toString());
      assertThat(target.level()).isEqualTo(r.level());
      assertThat(target.logger()).isEqualTo(r.logger());
      assertThat(target.message()).isEqualTo(r.message());
      assertThat(target.stackTrace().exceptionClass()).isEqualTo(r.stackTrace().exceptionClass());
      assertThat(target.truncated()).isEqualTo(r.truncated());
      assertThat(target.lines()).isEqualTo(r.lines());
    }
    assertThat(target.logger()).isEmpty();
    assertThat(truncated.truncated()).isTrue();
    assertThat(truncated.lines()).isEqualTo(3);
    assertThat(a.logger()).isEqualTo("c.e.shop.Mailer");
    assertThat(a).isNotEqualTo(truncated);
    assertThat(event("2026-11-24 10:00:00 x", "a")).isNotEqualTo(event("2026-11-24 10:00:00 x", "b"))
        .isNotEqualTo(event("2026-11-24 10:00:01 x", "a"))
        .isEqualTo(event("2026-11-24 10:00:00 x", "a"));
  }

  @Test
  void reuseClearsTheLazyFields() {
    EventRecord r = event("2026-11-24 10:06:00,000 ERROR [a] x.Y - first", "java.lang.Error: e",
        "\tat x.Y.z(Y.java:1)");
    assertThat(r.stackTrace().exceptionClass()).isEqualTo("java.lang.Error");
    assertThat(r.thread()).isEqualTo("a");
    EventStart start = EventStart.of("auto", ZoneOffset.UTC);
    byte[] h = "2026-11-24 10:07:00,000 INFO [b] x.Y - second".getBytes(StandardCharsets.UTF_8);
    assertThat(start.matches(h, h.length)).isTrue();
    r.begin(start, h, h.length, false, MIB);
    assertThat(r.thread()).isEqualTo("b");
    assertThat(r.level()).isEqualTo(EventLevel.INFO);
    assertThat(r.stackTrace().exceptionClass()).isNull();
    assertThat(r.lines()).isEqualTo(1);
  }

  private static List<Kind> kinds(StackTrace st) {
    List<Kind> kinds = new ArrayList<>();
    for (int i = 0; i < st.lines(); i++) {
      kinds.add(st.kind(i));
    }
    return kinds;
  }
}
