package org.colony.jobs.uv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {
  private static long day(String iso) {
    return LocalDate.parse(iso).toEpochDay();
  }

  private static String date(long epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  @Test
  void weeksAreIsoWeeksFromMondayToSunday() {
    // 2026-11-23 is a Monday, 2026-11-29 a Sunday
    for (String d : new String[] {"2026-11-23", "2026-11-25", "2026-11-29"}) {
      long start = Period.WEEK.start(day(d));
      assertThat(date(start)).as(d).isEqualTo("2026-11-23");
      assertThat(date(Period.WEEK.end(start))).isEqualTo("2026-11-29");
      assertThat(Period.WEEK.label(start)).isEqualTo("2026-W48");
    }
    assertThat(date(Period.WEEK.start(day("2026-11-30")))).isEqualTo("2026-11-30");
    // the week of New Year belongs to the year of its Thursday: 2026 has 53 weeks
    long w = Period.WEEK.start(day("2027-01-01"));
    assertThat(date(w)).isEqualTo("2026-12-28");
    assertThat(Period.WEEK.label(w)).isEqualTo("2026-W53");
    assertThat(Period.WEEK.label(Period.WEEK.start(day("2025-12-31")))).isEqualTo("2026-W01");
    assertThat(Period.WEEK.label(Period.WEEK.start(day("2026-03-01")))).isEqualTo("2026-W09");
    assertThat(Period.WEEK.label(Period.WEEK.start(day("2026-03-02")))).isEqualTo("2026-W10");
    assertThat(date(Period.WEEK.start(day("1969-12-31")))).isEqualTo("1969-12-29");
  }

  @Test
  void monthsAreCalendarMonths() {
    long m = Period.MONTH.start(day("2028-02-17"));
    assertThat(date(m)).isEqualTo("2028-02-01");
    assertThat(date(Period.MONTH.end(m))).isEqualTo("2028-02-29");
    assertThat(Period.MONTH.label(m)).isEqualTo("2028-02");
    assertThat(date(Period.MONTH.end(Period.MONTH.start(day("2026-11-30"))))).isEqualTo("2026-11-30");
    assertThat(date(Period.MONTH.end(Period.MONTH.start(day("2026-12-01"))))).isEqualTo("2026-12-31");
  }

  @Test
  void periodsAreNamedAsTheOptionTakesThem() {
    assertThat(Period.of("week")).isEqualTo(Period.WEEK);
    assertThat(Period.of(" MONTH ")).isEqualTo(Period.MONTH);
    assertThat(Period.of("day")).isNull();
    assertThat(Period.WEEK).hasToString("week");
  }
}
