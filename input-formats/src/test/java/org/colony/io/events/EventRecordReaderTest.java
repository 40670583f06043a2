package org.colony.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.io.RejectReason;
import org.colony.testing.CountingReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events assembled from hand-written logs: stack traces, dumps, rejects, caps, damage. */
class EventRecordReaderTest {
  @TempDir java.nio.file.Path dir;
  private final CountingReporter counters = new CountingReporter();

  private static final String[] SHOP_LOG = {
      "2026-11-24 06:00:00.012 [main] INFO  c.e.shop.ShopApplication - Starting ShopApplication",
      "2026-11-24 06:00:01.250 [main] INFO  c.e.shop.config.ConfigDump - Effective configuration:",
      "  server.port = 8080",
      "  spring.datasource.url = jdbc:postgresql://db:5432/shop",
      "",
      "  shop.cart.max-items = 50",
      "2026-11-24 09:15:02.123 [http-nio-8080-exec-3] ERROR c.e.shop.web.CheckoutController - "
          + "Checkout failed for order 1042",
      "org.springframework.dao.DataAccessResourceFailureException: could not execute statement",
      "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException"
          + "(HibernateJpaDialect.java:255)",
      "\tat com.example.shop.order.OrderService.place(OrderService.java:88)",
      "Caused by: java.sql.SQLTimeoutException: Query timed out after 30000 ms",
      "\tat org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:412)",
      "\t... 42 more",
      "2026-11-24 09:15:02.124 [http-nio-8080-exec-3] WARN  c.e.shop.repo.ProductRepository - "
          + "Slow query: 2300 ms",
  };

  @Test
  void assemblesStackTracesAndDumps() throws Exception {
    Path file = write("dt=2026-11-24/app.log", String.join("\n", SHOP_LOG) + "\n");
    List<EventRecord> events = new ArrayList<>();
    List<Long> keys = new ArrayList<>();
    RecordReader<LongWritable, EventRecord> reader = open(conf(), whole(file));
    while (reader.nextKeyValue()) {
      keys.add(reader.getCurrentKey().get());
      EventRecord copy = new EventRecord();
      copyInto(reader.getCurrentValue(), copy);
      events.add(copy);
    }
    reader.close();

    assertThat(events).hasSize(4);
    long second = SHOP_LOG[0].length() + 1;
    long third = second + lengths(1, 6);
    long fourth = third + lengths(6, 13);
    assertThat(keys).containsExactly(0L, second, third, fourth);
    assertThat(events).extracting(EventRecord::lines).containsExactly(1, 5, 7, 1);
    assertThat(events.get(1).text().toString()).isEqualTo(String.join("\n",
        Arrays.copyOfRange(SHOP_LOG, 1, 6)));
    assertThat(events.get(1).message()).isEqualTo("Effective configuration:");
    assertThat(events.get(1).stackTrace().isEmpty()).isTrue();

    EventRecord error = events.get(2);
    assertThat(error.text().toString()).isEqualTo(String.join("\n",
        Arrays.copyOfRange(SHOP_LOG, 6, 13)));
    assertThat(error.timeMillis()).isEqualTo(Instant.parse("2026-11-24T09:15:02.123Z").toEpochMilli());
    assertThat(error.zoned()).isFalse();
    assertThat(error.level()).isEqualTo(EventLevel.ERROR);
    assertThat(error.thread()).isEqualTo("http-nio-8080-exec-3");
    assertThat(error.logger()).isEqualTo("c.e.shop.web.CheckoutController");
    assertThat(error.stackTrace().exceptionClass())
        .isEqualTo("org.springframework.dao.DataAccessResourceFailureException");
    assertThat(error.stackTrace().rootCauseClass()).isEqualTo("java.sql.SQLTimeoutException");
    assertThat(error.stackTrace().frames()).isEqualTo(3);
    assertThat(events.get(3).level()).isEqualTo(EventLevel.WARN);
    assertThat(events.get(3).truncated()).isFalse();

    assertThat(counters.get(RecordCounters.RECORDS_IN)).isEqualTo(4);
    assertThat(counters.get(RecordCounters.RECORDS_PARSED)).isEqualTo(4);
    assertThat(counters.get(RecordCounters.RECORDS_REJECTED)).isZero();
    assertThat(counters.get(RecordCounters.FILES_READ)).isEqualTo(1);
    assertThat(counters.get(RecordCounters.BYTES_READ)).isEqualTo(fourth + SHOP_LOG[13].length() + 1);
  }

  @Test
  void crlfAndNoFinalNewline() throws Exception {
    Path file = write("crlf.log", String.join("\r\n", SHOP_LOG));
    List<String> read = readAll(conf(), whole(file));
    assertThat(read).hasSize(4);
    assertThat(read.get(2)).isEqualTo("E|7|-|"
        + Instant.parse("2026-11-24T09:15:02.123Z").toEpochMilli() + "|"
        + String.join("\n", Arrays.copyOfRange(SHOP_LOG, 6, 13)));
    assertThat(read.get(3)).endsWith("|" + SHOP_LOG[13]);
    assertThat(counters.get(RecordCounters.BYTES_READ)).isEqualTo(Files.size(dir.resolve("crlf.log")));
  }

  @Test
  void linesBeforeTheFirstHeaderAreOneReject() throws Exception {
    String before = "\tat com.example.shop.Old.run(Old.java:9)\n\t... 3 more\n\n";
    Path file = write("rotated.log", before + SHOP_LOG[0] + "\n" + SHOP_LOG[13] + "\n");
    RecordReader<LongWritable, EventRecord> reader = open(conf(), whole(file));
    assertThat(reader.nextKeyValue()).isTrue();
    EventRecord v = reader.getCurrentValue();
    assertThat(reader.getCurrentKey().get()).isZero();
    assertThat(v.isRejected()).isTrue();
    assertThat(v.reject().reason()).isEqualTo(RejectReason.EVENT_NO_HEADER);
    assertThat(v.reject().offset()).isZero();
    assertThat(v.reject().file()).isEqualTo(file.toString());
    assertThat(v.reject().line().toString())
        .isEqualTo("\tat com.example.shop.Old.run(Old.java:9)\n\t... 3 more\n");
    assertThat(reader.nextKeyValue()).isTrue();
    assertThat(reader.getCurrentValue().isRejected()).isFalse();
    assertThat(reader.getCurrentKey().get()).isEqualTo(before.length());
    assertThat(reader.getCurrentValue().header()).isEqualTo(SHOP_LOG[0]);
    assertThat(reader.nextKeyValue()).isTrue();
    assertThat(reader.nextKeyValue()).isFalse();
    reader.close();
    assertThat(counters.get(RecordCounters.RECORDS_IN)).isEqualTo(3);
    assertThat(counters.get(RecordCounters.RECORDS_PARSED)).isEqualTo(2);
    assertThat(counters.get(RecordCounters.RECORDS_REJECTED)).isEqualTo(1);
    assertThat(counters.get(RejectReason.EVENT_NO_HEADER)).isEqualTo(1);
    assertThat(counters.get(RecordCounters.BYTES_READ)).isEqualTo(Files.size(dir.resolve("rotated.log")));

    // the reject keeps at most the line cap of those lines
    Configuration conf = conf();
    conf.setInt(InputKeys.MAX_LINE_BYTES.name(), 20);
    counters.reset();
    assertThat(readAll(conf, whole(file)).get(0))
        .isEqualTo("R|EVENT_NO_HEADER|\tat com.example.shop");
  }

  @Test
  void anEventOverTheCapIsTruncatedAndReadOnce() throws Exception {
    StringBuilder log = new StringBuilder(SHOP_LOG[6]).append('\n');
    for (int i = 0; i < 200; i++) {
      log.append("\tat com.example.shop.Deep.call").append(i).append("(Deep.java:").append(i)
          .append(")\n");
    }
    log.append(SHOP_LOG[13]).append('\n');
    Path file = write("deep.log", log.toString());
    Configuration conf = conf();
    conf.setInt(EventKeys.MAX_BYTES.name(), 300);
    RecordReader<LongWritable, EventRecord> reader = open(conf, whole(file));
    assertThat(reader.nextKeyValue()).isTrue();
    EventRecord deep = reader.getCurrentValue();
    assertThat(deep.truncated()).isTrue();
    assertThat(deep.lines()).isEqualTo(201);
    assertThat(deep.text().toString()).isEqualTo(log.substring(0, 300));
    assertThat(deep.level()).isEqualTo(EventLevel.ERROR);
    assertThat(reader.nextKeyValue()).isTrue();
    assertThat(reader.getCurrentValue().header()).isEqualTo(SHOP_LOG[13]);
    assertThat(reader.getCurrentValue().truncated()).isFalse();
    assertThat(reader.getCurrentKey().get()).isEqualTo(log.length() - SHOP_LOG[13].length() - 1);
    assertThat(reader.nextKeyValue()).isFalse();
    reader.close();
    assertThat(counters.get(RecordCounters.EVENTS_TRUNCATED)).isEqualTo(1);
    assertThat(counters.get(RecordCounters.RECORDS_IN)).isEqualTo(2);
    assertThat(counters.get(RecordCounters.BYTES_READ)).isEqualTo(log.length());
  }

  @Test
  void aDamagedGzipYieldsTheEventsBeforeTheDamageThenOneReject() throws Exception {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      log.append(String.format("2026-11-24 09:%02d:%02d.000 [main] INFO c.e.A - event %d\n",
          i / 60 % 60, i % 60, i));
      log.append("\tat com.example.shop.A.b(A.java:").append(i).append(")\n");
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(log.toString().getBytes(StandardCharsets.US_ASCII));
    }
    byte[] bytes = gz.toByteArray();
    Files.write(dir.resolve("cut.log.gz"), Arrays.copyOf(bytes, bytes.length / 2));
    Path file = new Path(dir.resolve("cut.log.gz").toUri());

    List<String> read = readAll(conf(), whole(file));
    String last = read.get(read.size() - 1);
    assertThat(last).startsWith("R|CORRUPT_FILE|");
    List<String> events = read.subList(0, read.size() - 1);
    assertThat(events.size()).isBetween(100, 2999);
    for (int i = 0; i < events.size() - 1; i++) {
      assertThat(events.get(i)).as("event %d", i).startsWith("E|2|-|").endsWith(
          "event " + i + "\n\tat com.example.shop.A.b(A.java:" + i + ")");
    }
    // the event being read when the damage was found comes as far as it got
    assertThat(events.get(events.size() - 1)).contains("event " + (events.size() - 1));
    assertThat(counters.get(RecordCounters.FILES_CORRUPT)).isEqualTo(1);
    assertThat(counters.get(RejectReason.CORRUPT_FILE)).isEqualTo(1);
    assertThat(counters.get(RecordCounters.RECORDS_IN)).isEqualTo(read.size());
    assertThat(counters.get(RecordCounters.RECORDS_PARSED)).isEqualTo(events.size());

    counters.reset();
    Files.write(dir.resolve("empty.log.gz"), new byte[0]);
    assertThat(readAll(conf(), whole(new Path(dir.resolve("empty.log.gz").toUri()))))
        .singleElement().asString().startsWith("R|CORRUPT_FILE|");

    Configuration fail = conf();
    fail.set(InputKeys.CORRUPT.name(), "fail");
    assertThatThrownBy(() -> readAll(fail, whole(file))).isInstanceOf(IOException.class)
        .hasMessageContaining("cut.log.gz").hasMessageEndingWith("(colony.input.corrupt=fail)");
  }

  @Test
  void syslogYearsComeFromTheDtFolderOrTheFileTime() throws Exception {
    String log = "Dec 31 23:59:58 web-1 shop[1]: last of the year\n"
        + "Jan  1 00:00:01 web-1 shop[1]: first of the next\n";
    Path inFolder = write("logs/dt=2027-01-01/sys.log", log);
    assertThat(readAll(conf(), whole(inFolder))).extracting(s -> s.split("\\|")[3]).containsExactly(
        "" + Instant.parse("2026-12-31T23:59:58Z").toEpochMilli(),
        "" + Instant.parse("2027-01-01T00:00:01Z").toEpochMilli());

    Path plain = write("sys.log", log);
    Files.setLastModifiedTime(dir.resolve("sys.log"),
        FileTime.from(Instant.parse("2030-12-31T22:00:00Z")));
    assertThat(readAll(conf(), whole(plain))).extracting(s -> s.split("\\|")[3]).containsExactly(
        "" + Instant.parse("2030-12-31T23:59:58Z").toEpochMilli(),
        "" + Instant.parse("2031-01-01T00:00:01Z").toEpochMilli());
    assertThat(EventRecordReader.referenceDate(new Path("hdfs://nn/logs/dt=2026-11-25/x.log"),
        conf())).isEqualTo(LocalDate.of(2026, 11, 1));
  }

  @Test
  void aCustomStartPattern() throws Exception {
    Path file = write("custom.log", "24/11/2026 09:15:02 INFO one\n  more\n"
        + "2026-11-24 09:15:03,000 INFO not a header for this pattern\n"
        + "24/11/2026 09:15:04 WARN two\n");
    Configuration conf = conf();
    conf.set(EventKeys.START.name(), "regex:\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}");
    assertThat(readAll(conf, whole(file))).containsExactly(
        "E|3|-|-|24/11/2026 09:15:02 INFO one\n  more\n"
            + "2026-11-24 09:15:03,000 INFO not a header for this pattern",
        "E|1|-|-|24/11/2026 09:15:04 WARN two");
  }

  @Test
  void plainFilesSplitAndCompressedOnesAreReadWhole() throws Exception {
    Files.writeString(dir.resolve("a.log"), "x\n".repeat(5000));
    Files.write(dir.resolve("b.log.gz"), new byte[20_000]);
    Files.write(dir.resolve("c.log.bz2"), new byte[20_000]);
    Configuration conf = conf();
    conf.setLong(FileInputFormat.SPLIT_MAXSIZE, 1000);
    Job job = Job.getInstance(conf);
    FileInputFormat.setInputPaths(job, new Path(dir.toUri()));
    List<String> splits = new EventInputFormat().getSplits(job).stream()
        .map(s -> ((FileSplit) s).getPath().getName()).toList();
    assertThat(splits.stream().filter("a.log"::equals).count()).isEqualTo(10);
    assertThat(splits.stream().filter("b.log.gz"::equals).count()).isEqualTo(1);
    assertThat(splits.stream().filter("c.log.bz2"::equals).count()).isEqualTo(1);
  }

  // --- helpers

  private long lengths(int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      n += SHOP_LOG[i].getBytes(StandardCharsets.UTF_8).length + 1;
    }
    return n;
  }

  private Path write(String name, String text) throws Exception {
    java.nio.file.Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return new Path(p.toUri());
  }

  private FileSplit whole(Path file) throws Exception {
    return new FileSplit(file, 0, Files.size(java.nio.file.Path.of(file.toUri())), null);
  }

  private static Configuration conf() {
    Configuration conf = new Configuration();
    conf.set(EventKeys.TIMEZONE.name(), "UTC");
    return conf;
  }

  private RecordReader<LongWritable, EventRecord> open(Configuration conf, FileSplit split)
      throws Exception {
    TaskAttemptContextImpl ctx = new TaskAttemptContextImpl(conf, new TaskAttemptID(), counters);
    RecordReader<LongWritable, EventRecord> reader = new EventRecordReader();
    reader.initialize(split, ctx);
    return reader;
  }

  private List<String> readAll(Configuration conf, FileSplit split) throws Exception {
    return EventReads.read(conf, split, counters, 0, true).stream().map(EventReads.Read::fingerprint)
        .toList();
  }

  private static void copyInto(EventRecord from, EventRecord to) throws Exception {
    DataOutputBuffer out = new DataOutputBuffer();
    from.write(out);
    DataInputBuffer in = new DataInputBuffer();
    in.reset(out.getData(), out.getLength());
    to.readFields(in);
  }
}
