package org.colony.io.events;

/**
 * Level, thread, logger and message of an event's header line, found by a single pass over the
 * bytes after the timestamp, for the common layouts:
 * <pre>
 *   logback     [%thread] %-5level %logger{36} - %msg      [main] INFO  c.e.shop.App - Started
 *   log4j       %-5p [%t] %c{1}:%L - %m                   INFO  [main] App:42 - Started
 *   Spring Boot %5p PID --- [app] [%t] %-40.40logger : %m    INFO 4242 --- [nio-8080-exec-1] c.e.s.Web : Hi
 *   Kafka       %p %m (%c)                                INFO [Broker id=0] Started (kafka.Server)
 *   Python      - %(name)s - %(levelname)s - %(message)s  - shop.orders - ERROR - Failed
 * </pre>
 * A logger is a Java-like name (letters, digits, {@code _ $ .}, and {@code [ ] / -} as in
 * Tomcat's loggers; an optional {@code :line}) followed by {@code -} or {@code :}; a thread is the last {@code [...]} before the logger. When no
 * logger is found, the message starts after the level (with any {@code [...]} after it, as
 * Kafka's context) and a trailing {@code (a.b.C)} is taken as the logger. Missing parts are empty
 * spans ({@code start == end}) and a null level.
 */
final class HeaderFields {
  EventLevel level;
  int threadStart;
  int threadEnd;
  int loggerStart;
  int loggerEnd;
  int messageStart;
  int messageEnd;

  /** Parses {@code b[from, to)}, the header line after its timestamp. */
  void parse(byte[] b, int from, int to) {
    level = null;
    threadStart = threadEnd = loggerStart = loggerEnd = from;
    messageEnd = to;
    int p = from;
    int firstBracketAfterLevel = -1;
    for (int tokens = 0; tokens < 12; tokens++) {
      p = skipSpaces(b, p, to);
      if (p >= to) {
        messageStart = to;
        return;
      }
      if (b[p] == '[') {
        int close = indexOf(b, ']', p + 1, to);
        if (close < 0) {
          break;
        }
        int s = skipSpaces(b, p + 1, close);
        int e = trimEnd(b, s, close);
        EventLevel l = level == null ? EventLevel.of(b, s, e) : null;
        if (l != null) {
          level = l;
        } else {
          if (level != null && firstBracketAfterLevel < 0) {
            firstBracketAfterLevel = p;
          }
          threadStart = s;
          threadEnd = e;
        }
        p = close + 1;
        continue;
      }
      int tokenEnd = indexOf(b, ' ', p, to);
      if (tokenEnd < 0) {
        tokenEnd = to;
      }
      if (level == null) {
        EventLevel l = EventLevel.of(b, p, tokenEnd);
        if (l != null) {
          level = l;
          p = tokenEnd;
          continue;
        }
      }
      if (isSeparator(b, p, tokenEnd)) {
        // "[main] INFO - msg", or Python's leading " - "
        p = tokenEnd;
        if (level != null || threadEnd > threadStart) {
          messageStart = skipSpaces(b, p, to);
          return;
        }
        continue;
      }
      if (level != null && (isDigits(b, p, tokenEnd) || isDashes(b, p, tokenEnd))) {
        p = tokenEnd; // Spring Boot's PID and "---"
        continue;
      }
      int lineNumber = lineNumberStart(b, p, tokenEnd);
      if (isLogger(b, p, lineNumber)) {
        int q = skipSpaces(b, tokenEnd, to);
        if (q < to && (b[q] == '-' || b[q] == ':') && (q + 1 == to || b[q + 1] == ' ')) {
          loggerStart = p;
          loggerEnd = lineNumber;
          p = skipSpaces(b, q + 1, to);
          if (level == null) {
            p = levelAfterLogger(b, p, to); // Python: "name - LEVEL - msg"
          }
          messageStart = p;
          return;
        }
      }
      // no logger: the message starts here, or at a [context] that followed the level
      threadStart = threadEnd = from;
      messageStart = firstBracketAfterLevel >= 0 ? firstBracketAfterLevel : p;
      trailingLogger(b, to);
      return;
    }
    messageStart = skipSpaces(b, p, to);
    trailingLogger(b, to);
  }

  private int levelAfterLogger(byte[] b, int p, int to) {
    int e = indexOf(b, ' ', p, to);
    if (e < 0) {
      return p;
    }
    EventLevel l = EventLevel.of(b, p, e);
    int q = skipSpaces(b, e, to);
    if (l != null && q < to && b[q] == '-' && (q + 1 == to || b[q + 1] == ' ')) {
      level = l;
      return skipSpaces(b, q + 1, to);
    }
    return p;
  }

  /** Kafka's {@code message (kafka.server.KafkaServer)}: the logger at the end. */
  private void trailingLogger(byte[] b, int to) {
    if (to - messageStart < 4 || b[to - 1] != ')') {
      return;
    }
    int open = to - 2;
    while (open > messageStart && b[open] != '(') {
      open--;
    }
    if (b[open] == '(' && open > messageStart && b[open - 1] == ' ' && isName(b, open + 1, to - 1)
        && indexOf(b, '.', open + 1, to - 1) >= 0) {
      loggerStart = open + 1;
      loggerEnd = to - 1;
      messageEnd = trimEnd(b, messageStart, open);
    }
  }

  /** Where a {@code :digits} suffix of {@code b[from, to)} starts, or {@code to}. */
  private static int lineNumberStart(byte[] b, int from, int to) {
    int i = to;
    while (i > from && b[i - 1] >= '0' && b[i - 1] <= '9') {
      i--;
    }
    return i < to && i - 1 > from && b[i - 1] == ':' ? i - 1 : to;
  }

  /**
   * A logger name: a Java-like name, where Tomcat's loggers also have {@code [ ] /} and Python's
   * {@code -} ({@code org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/]}).
   */
  static boolean isLogger(byte[] b, int from, int to) {
    if (from >= to || !isNameStart(b[from])) {
      return false;
    }
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (!isNamePart(c) && c != '[' && c != ']' && c != '/' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameStart(byte c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c < 0;
  }

  private static boolean isNamePart(byte c) {
    return isNameStart(c) || c >= '0' && c <= '9' || c == '.';
  }

  /** A Java-like name: letters, digits, _ $ . and not starting with a digit or dot. */
  static boolean isName(byte[] b, int from, int to) {
    if (from >= to || !isNameStart(b[from])) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!isNamePart(b[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSeparator(byte[] b, int from, int to) {
    return to - from == 1 && (b[from] == '-' || b[from] == ':' || b[from] == '|');
  }

  private static boolean isDigits(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDashes(byte[] b, int from, int to) {
    if (to - from < 3) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (b[i] != '-') {
        return false;
      }
    }
    return true;
  }

  static int skipSpaces(byte[] b, int p, int to) {
    while (p < to && (b[p] == ' ' || b[p] == '\t')) {
      p++;
    }
    return p;
  }

  static int trimEnd(byte[] b, int from, int to) {
    while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
      to--;
    }
    return to;
  }

  static int indexOf(byte[] b, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
