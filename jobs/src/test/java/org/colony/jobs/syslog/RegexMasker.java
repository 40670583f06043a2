package org.colony.jobs.syslog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.thirdparty.com.google.common.net.InetAddresses;

/**
 * The masking rules of {@link TemplateMasker} written again as regular expressions, for tests:
 * at each position the rules are tried in order ({@code lookingAt}, lookbehinds seeing the text
 * before the position), the first match is replaced by its mask. IPv6 candidates are checked
 * with Guava's {@link InetAddresses}. Nothing of the masker's code is used.
 *
 * <p>Works on a String whose chars are the message's bytes (ISO-8859-1), so that {@code \w}-like
 * classes see bytes as the masker does.
 */
final class RegexMasker {
  private static final String NW = "(?<![A-Za-z0-9_])";
  private static final String END = "(?![A-Za-z0-9_])";
  private static final String STOP = "\\x00-\\x20\"'<>()\\[\\]{},;";
  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final String NAME = "[A-Za-z_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?";

  /** A rule: a pattern, its mask, and an optional check that may move or refuse the end. */
  private record Rule(Pattern pattern, String mask, BiFunction<String, Matcher, Integer> check) {}

  private final List<Rule> rules = new ArrayList<>();

  RegexMasker(boolean maskUsers) {
    if (maskUsers) {
      rule("(?<=" + NW + "(?:user |User |user=|ruser=|USER=|logname=))" + NAME, "<user>");
      rule("(?<=" + NW + "for )" + NAME + "(?= from )", "<user>");
      rule("(?<=" + NW + "by )" + NAME + "(?=\\(uid=)", "<user>");
      rule("^" + NAME + "(?= : )", "<user>");
      rule("(?<=^\\()" + NAME + "(?=\\) CMD )", "<user>");
    }
    rule(NW + "\"(?:[^\"\\\\]|\\\\.)*\"", "\"<str>\"");
    rule(NW + "'[^']*'" + END, "'<str>'");
    rule("(?<![^ \\t=:(\\[{<,\"'])/[^" + STOP + "]*[^" + STOP + ".:]", "<path>");
    rule(NW + "[A-Za-z][A-Za-z0-9+.-]*://[^" + STOP + "]*", "<url>");
    rule(NW + "[A-Za-z0-9_][A-Za-z0-9_.%+-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+"
        + "(?![A-Za-z0-9_]|\\.[A-Za-z0-9-])", "<email>");
    rule(NW + "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}" + END,
        "<uuid>");
    rule("(?<![A-Za-z0-9_:])[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5,}(?![A-Za-z0-9_:])", "<mac>");
    rules.add(new Rule(Pattern.compile("(?<![A-Za-z0-9_:])[0-9A-Fa-f:.]+"), "<ip>",
        RegexMasker::ipv6));
    rule(NW + OCTET + "(?:\\." + OCTET + "){3}(?![A-Za-z0-9_]|\\.\\d)", "<ip>");
    rule(NW + "[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)+\\.[a-z]{2,}(?![A-Za-z0-9_-]|\\.[A-Za-z0-9-])",
        "<host>");
    rule(NW + "\\d{4}([-/])\\d{2}\\1\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?"
        + "(?:Z|[+-]\\d{2}:?\\d{2})?" + END, "<time>");
    rule(NW + "\\d{4}([-/])\\d{2}\\1\\d{2}" + END, "<date>");
    rule(NW + "\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?" + END, "<time>");
    rule(NW + "\\d+(?:\\.\\d+)?(?:ns|us|ms|s|sec|m|min|h|d)" + END, "<duration>");
    rule(NW + "\\d+(?:\\.\\d+)?(?:B|kB|KB|KiB|MB|MiB|GB|GiB|TB|TiB)" + END, "<size>");
    rule(NW + "0[xX][0-9A-Fa-f]+" + END, "<hex>");
    rule(NW + "(?=[0-9A-Fa-f]*[0-9])(?=[0-9A-Fa-f]*[A-Fa-f])(?:[0-9A-Fa-f]{5,}|[0-9][0-9A-Fa-f]*)"
        + END, "<hex>");
    rule(NW + "(?=[A-Za-z0-9+/]*[0-9])(?=[A-Za-z0-9+/]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9+/]{15,}=*"
        + "(?![A-Za-z0-9_=+/])", "<id>");
    rule(NW + "\\d+(?:\\.\\d+)*" + END, "<num>");
  }

  private void rule(String regex, String mask) {
    rules.add(new Rule(Pattern.compile(regex, Pattern.DOTALL), mask, null));
  }

  /**
   * An IPv6 candidate: less trailing dots and a single trailing colon, it must have two colons,
   * a hex digit, be an address for Guava, and end a token.
   */
  private static Integer ipv6(String s, Matcher m) {
    int start = m.start();
    int end = m.end();
    while (end > start && s.charAt(end - 1) == '.') {
      end--;
    }
    if (end - start >= 2 && s.charAt(end - 1) == ':' && s.charAt(end - 2) != ':') {
      end--;
    }
    String a = s.substring(start, end);
    if (a.chars().filter(c -> c == ':').count() < 2 || !a.matches(".*[0-9A-Fa-f].*")
        || !InetAddresses.isInetAddress(a)) {
      return -1;
    }
    if (end < s.length() && String.valueOf(s.charAt(end)).matches("[A-Za-z0-9_]")) {
      return -1;
    }
    return end;
  }

  String mask(String s) {
    StringBuilder out = new StringBuilder();
    List<Matcher> matchers = new ArrayList<>();
    for (Rule r : rules) {
      matchers.add(r.pattern().matcher(s).useTransparentBounds(true).useAnchoringBounds(false));
    }
    int i = 0;
    next:
    while (i < s.length()) {
      for (int k = 0; k < rules.size(); k++) {
        Matcher m = matchers.get(k).region(i, s.length());
        if (m.lookingAt() && m.end() > i) {
          int end = rules.get(k).check() == null ? m.end() : rules.get(k).check().apply(s, m);
          if (end > i) {
            out.append(rules.get(k).mask());
            i = end;
            continue next;
          }
        }
      }
      out.append(s.charAt(i++));
    }
    return out.toString();
  }
}
