package org.colony.benchmarks;

import java.util.regex.Pattern;

/**
 * The regex way of reading logs, as Hive and Logstash do it, for comparison: java.util.regex
 * with one String per captured group.
 */
final class RegexWay {
  private RegexWay() {}

  /** Hive's RegexSerDe example for Apache combined logs (its "input.regex"). */
  static final String HIVE_COMBINED = "([^ ]*) ([^ ]*) ([^ ]*) (-|\\[[^\\]]*\\]) "
      + "([^ \"]*|\"[^\"]*\") (-|[0-9]*) (-|[0-9]*)(?: ([^ \"]*|\"[^\"]*\") ([^ \"]*|\"[^\"]*\"))?";

  // logstash-patterns-core (legacy) grok patterns, expanded by hand into java.util.regex
  private static final String MONTH = "\\b(?:[Jj]an(?:uary|uar)?|[Ff]eb(?:ruary|ruar)?|[Mm](?:a|ä)?"
      + "r(?:ch|z)?|[Aa]pr(?:il)?|[Mm]a(?:y|i)?|[Jj]un(?:e|i)?|[Jj]ul(?:y|i)?|[Aa]ug(?:ust)?|"
      + "[Ss]ep(?:tember)?|[Oo](?:c|k)?t(?:ober)?|[Nn]ov(?:ember)?|[Dd]e(?:c|z)(?:ember)?)\\b";
  private static final String MONTHDAY = "(?:(?:0[1-9])|(?:[12][0-9])|(?:3[01])|[1-9])";
  private static final String HOUR = "(?:2[0123]|[01]?[0-9])";
  private static final String MINUTE = "(?:[0-5][0-9])";
  private static final String SECOND = "(?:(?:[0-5]?[0-9]|60)(?:[:.,][0-9]+)?)";
  private static final String TIME = "(?<![0-9])" + HOUR + ":" + MINUTE + "(?::" + SECOND
      + ")(?![0-9])";
  private static final String SYSLOGTIMESTAMP = MONTH + " +" + MONTHDAY + " " + TIME;
  private static final String YEAR = "(?>\\d\\d){1,2}";
  private static final String MONTHNUM = "(?:0?[1-9]|1[0-2])";
  private static final String ISO8601_TIMEZONE = "(?:Z|[+-]" + HOUR + "(?::?" + MINUTE + "))";
  private static final String TIMESTAMP_ISO8601 = YEAR + "-" + MONTHNUM + "-" + MONTHDAY + "[T ]"
      + HOUR + ":?" + MINUTE + "(?::?" + SECOND + ")?" + ISO8601_TIMEZONE + "?";
  private static final String IPV4 = "(?<![0-9])(?:(?:[0-1]?[0-9]{1,2}|2[0-4][0-9]|25[0-5])[.]"
      + "(?:[0-1]?[0-9]{1,2}|2[0-4][0-9]|25[0-5])[.](?:[0-1]?[0-9]{1,2}|2[0-4][0-9]|25[0-5])[.]"
      + "(?:[0-1]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]))(?![0-9])";
  private static final String HOSTNAME = "\\b(?:[0-9A-Za-z][0-9A-Za-z-]{0,62})(?:\\.(?:[0-9A-Za-z]"
      + "[0-9A-Za-z-]{0,62}))*(?:\\.?|\\b)";
  private static final String PROG = "[\\x21-\\x5a\\x5c\\x5e-\\x7e]+";

  /**
   * Logstash's SYSLOGLINE ({@code %{SYSLOGBASE2} %{GREEDYDATA:message}}) with its named captures
   * as groups: timestamp, timestamp8601, facility, priority, logsource, program, pid, message.
   * IPORHOST keeps IPv4 and host names; its long IPv6 alternative is left out, which only makes
   * the regex faster.
   */
  static final String SYSLOGLINE = "(?:(" + SYSLOGTIMESTAMP + ")|(" + TIMESTAMP_ISO8601 + ")) "
      + "(?:<([0-9]+)\\.([0-9]+)> )?((?:" + IPV4 + "|" + HOSTNAME + "))+"
      + "(?: (" + PROG + ")(?:\\[([1-9][0-9]*)\\])?:|) (.*)";

  static Pattern hive() {
    return Pattern.compile(HIVE_COMBINED);
  }

  static Pattern syslogLine() {
    return Pattern.compile(SYSLOGLINE);
  }
}
