package org.colony.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Timestamps' calendar arithmetic against java.time. */
class TimestampsTest {
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH");

  @Test
  void epochDayAndValidityForEveryDayFrom1900To2100() {
    int days = 0;
    for (LocalDate d = LocalDate.of(1900, 1, 1); d.getYear() <= 2100; d = d.plusDays(1)) {
      assertThat(Timestamps.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
          .as("%s", d).isEqualTo(d.toEpochDay());
      assertThat(Timestamps.isValidDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).isTrue();
      if (d.getDayOfMonth() == d.lengthOfMonth()) {
        assertThat(Timestamps.daysInMonth(d.getYear(), d.getMonthValue())).isEqualTo(d.lengthOfMonth());
        assertThat(Timestamps.isValidDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth() + 1))
            .as("day after %s", d).isFalse();
      }
      days++;
    }
    // 201 years, 49 of them leap (1900 and 2100 are not)
    assertThat(days).isEqualTo(201 * 365 + 49);
  }

  @Test
  void knownEpochDays() {
    assertThat(Timestamps.epochDay(1970, 1, 1)).isEqualTo(0);
    assertThat(Timestamps.epochDay(1969, 12, 31)).isEqualTo(-1);
    assertThat(Timestamps.epochDay(2000, 3, 1)).isEqualTo(11017);
    assertThat(Timestamps.epochDay(1600, 1, 1)).isEqualTo(-135140);
  }

  @Test
  void leapYears() {
    assertThat(Timestamps.isLeap(2024)).isTrue();
    assertThat(Timestamps.isLeap(2000)).isTrue();
    assertThat(Timestamps.isLeap(2023)).isFalse();
    assertThat(Timestamps.isLeap(1900)).isFalse();
    assertThat(Timestamps.isLeap(2100)).isFalse();
    assertThat(Timestamps.isValidDate(2023, 2, 29)).isFalse();
    assertThat(Timestamps.isValidDate(2024, 2, 29)).isTrue();
    assertThat(Timestamps.isValidDate(2024, 0, 1)).isFalse();
    assertThat(Timestamps.isValidDate(2024, 13, 1)).isFalse();
    assertThat(Timestamps.isValidDate(2024, 1, 0)).isFalse();
  }

  @Test
  void formatHourAndDateAgainstJavaTime() {
    byte[] out = new byte[15];
    // from 1900-01-01T00 (negative epoch hours) to 2101, every 7 hours: all hours of the day, all
    // days of the week and month
    long first = LocalDateTime.of(1900, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) / 3600;
    long last = LocalDateTime.of(2101, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) / 3600;
    assertThat(first).isNegative();
    int checked = 0;
    for (long h = first; h <= last; h += 7) {
      out[0] = '<';
      out[14] = '>';
      Timestamps.formatHour(h, out, 1);
      String want = LocalDateTime.ofEpochSecond(h * 3600, 0, ZoneOffset.UTC).format(HOUR);
      assertThat(new String(out, StandardCharsets.US_ASCII)).as("hour %d", h)
          .isEqualTo("<" + want + ">");
      checked++;
    }
    assertThat(checked).isGreaterThan(250_000);
    for (long h : new long[] {-1, 0, 1, 23, 24, -24, -25}) {
      Timestamps.formatHour(h, out, 0);
      assertThat(new String(out, 0, 13, StandardCharsets.US_ASCII))
          .isEqualTo(LocalDateTime.ofEpochSecond(h * 3600, 0, ZoneOffset.UTC).format(HOUR));
    }
    assertThat(formatHour(-1)).isEqualTo("1969-12-31T23");
    assertThat(formatHour(0)).isEqualTo("1970-01-01T00");
    assertThat(formatHour(-25)).isEqualTo("1969-12-30T23");
  }

  @Test
  void formatDateAcrossCenturies() {
    byte[] out = new byte[10];
    for (LocalDate d = LocalDate.of(1, 1, 1); d.getYear() <= 9999; d = d.plusDays(13)) {
      Timestamps.formatDate(d.toEpochDay(), out, 0);
      assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo(d.toString());
    }
    Timestamps.formatDate(-719162, out, 0);
    assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo("0001-01-01");
    Timestamps.formatDate(2932896, out, 0);
    assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo("9999-12-31");
  }

  @Test
  void formatInstantAsJavaTimeWritesIt() {
    java.util.Random rnd = new java.util.Random(7);
    long min = java.time.Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    long max = java.time.Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    byte[] out = new byte[26];
    for (int i = 0; i < 200_000; i++) {
      long t = min + Math.floorMod(rnd.nextLong(), max - min + 1);
      if (i % 2 == 0) {
        t -= Math.floorMod(t, 1000L); // whole seconds, as access logs have them
      }
      out[0] = '<';
      int end = Timestamps.formatInstant(t, out, 1);
      out[end] = '>';
      assertThat(new String(out, 0, end + 1, StandardCharsets.US_ASCII)).as("%d", t)
          .isEqualTo("<" + java.time.Instant.ofEpochMilli(t) + ">");
    }
    for (long t : new long[] {0, -1, 1, -1000, 999, 86_399_999, 1_795_939_200_000L}) {
      int end = Timestamps.formatInstant(t, out, 0);
      assertThat(new String(out, 0, end, StandardCharsets.US_ASCII))
          .isEqualTo(java.time.Instant.ofEpochMilli(t).toString());
    }
    assertThat(new String(out, 0, Timestamps.formatInstant(-1, out, 0),
        StandardCharsets.US_ASCII)).isEqualTo("1969-12-31T23:59:59.999Z");
  }

  @ParameterizedTest
  @CsvSource({"Jan,1", "feb,2", "MAR,3", "aPr,4", "May,5", "jun,6", "JUL,7", "Aug,8", "sep,9",
      "Oct,10", "nov,11", "DEC,12"})
  void months(String abbreviation, int month) {
    assertThat(Timestamps.month(("x" + abbreviation).getBytes(StandardCharsets.US_ASCII), 1))
        .isEqualTo(month);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Jum", "Jux", "Fev", "Mai", "Mac", "Apt", "Aus",
      "Spe", "Okt", "Noc", "Dez", "xyz", "123", "J\u00e1n", "Ja ", "DE@",
      "\u00ca\u00e1n"})
  void nonMonths(String s) {
    byte[] b = (s + "   ").getBytes(StandardCharsets.UTF_8);
    assertThat(Timestamps.month(b, 0)).as(s).isEqualTo(-1);
  }

  @Test
  void nonMonthBytes() {
    // high bytes whose low seven bits spell a month
    assertThat(Timestamps.month(new byte[] {(byte) 0xCA, 'a', 'n'}, 0)).isEqualTo(-1);
    assertThat(Timestamps.month(new byte[] {'J', (byte) 0xC1, 'n'}, 0)).isEqualTo(-1);
    assertThat(Timestamps.month(new byte[] {'J', 'A', 'N'}, 0)).isEqualTo(1);
  }

  @Test
  void digits() {
    byte[] b = "x2024/07".getBytes(StandardCharsets.US_ASCII);
    assertThat(Timestamps.digits(b, 1, 4)).isEqualTo(2024);
    assertThat(Timestamps.digits(b, 6, 2)).isEqualTo(7);
    assertThat(Timestamps.digits(b, 1, 5)).isEqualTo(-1);
    assertThat(Timestamps.digits(b, 0, 2)).isEqualTo(-1);
  }

  private static String formatHour(long epochHour) {
    byte[] out = new byte[13];
    Timestamps.formatHour(epochHour, out, 0);
    return new String(out, StandardCharsets.US_ASCII);
  }
}
