package org.colony.io.events;

/**
 * The severity an event's header names, as log4j and logback spell it. Other spellings map to
 * these: {@code WARNING} to WARN, {@code SEVERE} to ERROR, {@code CRITICAL} to FATAL.
 */
public enum EventLevel {
  TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

  /** The level spelled by {@code b[from, to)} (upper case, as logged), or null. */
  static EventLevel of(byte[] b, int from, int to) {
    int n = to - from;
    if (n < 4 || n > 8) {
      return null;
    }
    switch (b[from]) {
      case 'T':
        return is(b, from, n, "TRACE") ? TRACE : null;
      case 'D':
        return is(b, from, n, "DEBUG") ? DEBUG : null;
      case 'I':
        return is(b, from, n, "INFO") ? INFO : null;
      case 'W':
        return is(b, from, n, "WARN") || is(b, from, n, "WARNING") ? WARN : null;
      case 'E':
        return is(b, from, n, "ERROR") ? ERROR : null;
      case 'F':
        return is(b, from, n, "FATAL") ? FATAL : null;
      case 'S':
        return is(b, from, n, "SEVERE") ? ERROR : null;
      case 'C':
        return is(b, from, n, "CRITICAL") ? FATAL : null;
      default:
        return null;
    }
  }

  private static boolean is(byte[] b, int from, int n, String word) {
    if (n != word.length()) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      if (b[from + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
