package org.colony.jobs.uv;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** A calendar period of UTC days that uv-rollup counts visitors over. */
public enum Period {
  /** An ISO week, Monday to Sunday, labelled {@code YYYY-Www} with its week-based year. */
  WEEK,
  /** A calendar month, labelled {@code YYYY-MM}. */
  MONTH;

  /** The period named as in {@code --period} (any case), or null. */
  public static Period of(String name) {
    for (Period p : values()) {
      if (p.name().equalsIgnoreCase(name.trim())) {
        return p;
      }
    }
    return null;
  }

  /** The first day (epoch day) of the period holding {@code epochDay}. */
  public long start(long epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    return this == WEEK ? d.with(DayOfWeek.MONDAY).toEpochDay() : d.withDayOfMonth(1).toEpochDay();
  }

  /** The last day of the period starting on {@code start}. */
  public long end(long start) {
    LocalDate d = LocalDate.ofEpochDay(start);
    return this == WEEK ? start + 6 : d.withDayOfMonth(d.lengthOfMonth()).toEpochDay();
  }

  /** The label of the period starting on {@code start}: {@code 2026-W48}, {@code 2026-11}. */
  public String label(long start) {
    LocalDate d = LocalDate.ofEpochDay(start);
    if (this == WEEK) {
      return String.format(Locale.ROOT, "%04d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
          d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
    return String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
