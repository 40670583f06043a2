package org.colony.io.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.colony.testing.LineFiles.latin1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.colony.io.RejectReason;
import org.colony.testing.Paths;
import org.junit.jupiter.api.Test;

/**
 * The parser against labels nobody on this project wrote: the 156 cases of influxdata/go-syslog's
 * RFC 5424 and RFC 3164 machine tests (extracted with their Go source into
 * go_syslog_cases.jsonl), the non-compliant message cases of its .go test, and the expectations of
 * logstash-patterns-core's syslog spec that are about syslog lines.
 *
 * <p>go-syslog runs each case twice, strict and best-effort: a valid case must give the same
 * message in both; an invalid one must fail in both, best-effort returning the fields parsed before
 * the error. Colony has no partial records (a line parses or is rejected, and rejects are kept), so
 * it is held to the strict mode: valid cases give go-syslog's fields, invalid ones are rejected,
 * with the reason that go-syslog's error names.
 */
class RealSyslogLabelsTest {
  /** go-syslog's error messages (without the column) to our reasons. */
  private static final Map<String, RejectReason> GO_ERRORS = new LinkedHashMap<>();

  static {
    GO_ERRORS.put("expecting a priority value within angle brackets", RejectReason.SYSLOG_PRIORITY);
    GO_ERRORS.put("expecting a priority value in the range 1-191", RejectReason.SYSLOG_PRIORITY);
    GO_ERRORS.put("expecting a version value", RejectReason.SYSLOG_VERSION);
    GO_ERRORS.put("expecting a RFC3339MICRO timestamp", RejectReason.SYSLOG_TIMESTAMP);
    GO_ERRORS.put("parsing time ", RejectReason.SYSLOG_TIMESTAMP);
    GO_ERRORS.put("expecting an hostname", RejectReason.SYSLOG_HOSTNAME);
    GO_ERRORS.put("expecting an app-name", RejectReason.SYSLOG_APP_NAME);
    GO_ERRORS.put("expecting a procid", RejectReason.SYSLOG_PROCID);
    GO_ERRORS.put("expecting a msgid", RejectReason.SYSLOG_MSGID);
    GO_ERRORS.put("expecting a structured data", RejectReason.SYSLOG_STRUCTURED_DATA);
    GO_ERRORS.put("duplicate structured data element id", RejectReason.SYSLOG_STRUCTURED_DATA);
    GO_ERRORS.put("expecting chars `]`, `\"`, and `\\` to be escaped",
        RejectReason.SYSLOG_STRUCTURED_DATA);
    // ErrMsgNotCompliant (with WithCompliantMsg) is ErrMsg + " or a free-form optional message in
    // any encoding (starting without BOM)"
    GO_ERRORS.put("expecting a free-form optional message in UTF-8", RejectReason.SYSLOG_MESSAGE);
  }

  /**
   * RFC 5424 cases whose reason is not the mapped one, by case index, written by hand. go-syslog's
   * "parsing error" names no field: it means the character after a complete field was not the
   * space (or end) expected, and we name the field that character belongs to. And where go-syslog
   * reports a missing field at the end of the input, we say the line is truncated.
   */
  private static final Map<Integer, RejectReason> BY_HAND = Map.of(
      0, RejectReason.BLANK_LINE, // "": an empty line
      1, RejectReason.SYSLOG_STRUCTURED_DATA, // "... - -\n\t\t<2>1 ...": a newline after SD "-"
      21, RejectReason.SYSLOG_TRUNCATED, // "<1>2 ": ends where the timestamp should start
      22, RejectReason.SYSLOG_TRUNCATED, // "<1>1": ends after the version (parsing error)
      23, RejectReason.SYSLOG_VERSION, // "<1>3a": version "3a" (parsing error)
      24, RejectReason.SYSLOG_VERSION, // "<1>4a ": version "4a" (parsing error)
      48, RejectReason.SYSLOG_TIMESTAMP, // "2006-01-02T15:04:05Z+07:00" (parsing error)
      147, RejectReason.SYSLOG_TIMESTAMP); // "<1>10 -- ...": timestamp "--" (parsing error)

  /** The year our parser reads BSD timestamps in; go-syslog leaves it 0 without WithYear. */
  private static final int BSD_YEAR = 2011;

  private static final Pattern SETTER = Pattern.compile("\\.\\s*(Set\\w+)\\(");
  private static final Pattern FIELD_3164 = Pattern.compile("(\\w+):\\s*syslogtesting\\.(\\w+)\\(");
  private static final Pattern COLUMN = Pattern.compile(" \\[col \\d+]$");

  private final SyslogParser parser = new SyslogParser();

  RealSyslogLabelsTest() {
    parser.setYearReference(BSD_YEAR, 0);
  }

  @Test
  void goSyslogCases() throws IOException {
    List<JsonNode> cases = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String l : Files.readAllLines(Paths.realdata("syslog/go_syslog_cases.jsonl"))) {
      cases.add(json.readTree(l));
    }
    assertThat(cases).hasSize(156);
    int[] valid5424 = new int[3];
    int[] valid3164 = new int[3];
    int invalid = 0;
    int mapped = 0;
    int byHand = 0;
    int rejectedAsExpected = 0;
    int bomOrSpacesDropped = 0;
    List<String> mismatches = new ArrayList<>();
    for (JsonNode c : cases) {
      String rfc = c.get("rfc").asText();
      int index = c.get("case_index").asInt();
      String source = c.get("go_case_source").asText();
      byte[] input = Base64.getDecoder().decode(c.get("input_b64").asText());
      // our reading of the Go source gives the same input bytes as the extraction did
      int at = source.indexOf("[]byte(") + "[]byte(".length();
      assertThat(new GoLiterals(source, at).bytes()).as("input of %s %d", rfc, index)
          .isEqualTo(input);
      String what = rfc + " case " + index + " " + latin1(input);
      SyslogRecord r = new SyslogRecord();
      RejectReason reason = parser.parse(input, input.length, r);
      if (!c.get("valid").asBoolean()) {
        invalid++;
        String error = COLUMN.matcher(c.get("expected_error").asText()).replaceFirst("");
        RejectReason want = BY_HAND.containsKey(index) ? BY_HAND.get(index) : mapped(error);
        if (BY_HAND.containsKey(index)) {
          byHand++;
        } else {
          assertThat(want).as("mapping of '%s'", error).isNotNull();
          mapped++;
        }
        if (reason == want) {
          rejectedAsExpected++;
        } else {
          mismatches.add(what + ": want " + want + " (go: " + error + ") got " + reason);
        }
        continue;
      }
      if (reason != null) {
        mismatches.add(what + ": valid, rejected as " + reason);
        continue;
      }
      Map<String, Object> expected = rfc.equals("rfc5424") ? expected5424(source)
          : expected3164(source);
      Map<String, Object> ours = ours(r, rfc.equals("rfc5424"));
      byte[] goMessage = (byte[]) expected.remove("goMessage");
      if (goMessage != null && !Arrays.equals(goMessage, (byte[]) expected.get("message"))) {
        bomOrSpacesDropped++;
      }
      int[] counts = rfc.equals("rfc5424") ? valid5424 : valid3164;
      counts[0]++;
      boolean all = true;
      for (Map.Entry<String, Object> f : expected.entrySet()) {
        counts[1]++;
        Object got = ours.get(f.getKey());
        Object want = f.getValue();
        boolean same = want instanceof byte[] w ? got instanceof byte[] g && Arrays.equals(w, g)
            : want.equals(got);
        if (same) {
          counts[2]++;
        } else {
          all = false;
          mismatches.add(what + ": " + f.getKey() + " want " + show(want) + " got " + show(got));
        }
      }
      assertThat(ours.keySet()).as("fields compared for %s", what).isEqualTo(expected.keySet());
      if (!all) {
        counts[0]--;
      }
    }
    System.out.printf("go-syslog rfc5424: %d of 64 valid cases agree on every field; %d of %d "
        + "fields agree (priority, facility, severity, version, timestamp with offset, hostname, "
        + "app-name, procid, msgid, structured data elements, message)%n", valid5424[0],
        valid5424[2], valid5424[1]);
    System.out.printf("go-syslog rfc3164: %d of 8 valid cases agree on every field; %d of %d "
        + "fields agree (priority, facility, severity, timestamp, hostname, app-name, procid, "
        + "message)%n", valid3164[0], valid3164[2], valid3164[1]);
    System.out.printf("go-syslog rfc5424: %d of 84 invalid cases rejected with the expected "
        + "reason: %d mapped from go-syslog's error, %d written by hand (6 of them go-syslog's "
        + "generic 'parsing error'); %d valid messages compared without the leading BOM we drop%n",
        rejectedAsExpected, mapped, byHand, bomOrSpacesDropped);
    assertThat(mismatches).isEmpty();
    assertThat(valid5424).containsExactly(64, 64 * 11, 64 * 11);
    assertThat(valid3164).containsExactly(8, 8 * 8, 8 * 8);
    assertThat(invalid).isEqualTo(84);
    assertThat(byHand).isEqualTo(BY_HAND.size());
  }

  /**
   * go-syslog's WithCompliantMsg cases: a message that starts with a BOM must be valid UTF-8. They
   * are in the .go test file only; each must be rejected as SYSLOG_MESSAGE.
   */
  @Test
  void goSyslogNonCompliantMessages() throws IOException {
    String go = Files.readString(Paths.realdata("syslog/rfc5424_machine_test.go"));
    int start = go.indexOf("var nonCompliantMsgTestCases = []testCase{");
    String block = go.substring(start, go.indexOf("\n}\n", start));
    int cases = 0;
    int rejected = 0;
    for (int at = block.indexOf("[]byte("); at >= 0; at = block.indexOf("[]byte(", at + 1)) {
      byte[] input = new GoLiterals(block, at + "[]byte(".length()).bytes();
      // each case says which error it expects
      String rest = block.substring(at, block.indexOf("},", at));
      assertThat(rest).contains("ErrMsgNotCompliant");
      cases++;
      RejectReason reason = parser.parse(input, input.length, new SyslogRecord());
      assertThat(reason).as("%s", latin1(input))
          .isEqualTo(mapped("expecting a free-form optional message in UTF-8"));
      rejected++;
    }
    // and the test of a BOM followed by Latin-1
    byte[] latin1 = "<1>1 - - - - - - \u00ef\u00bb\u00bfch\u00e4\u00e4s"
        .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(parser.parse(latin1, latin1.length, new SyslogRecord()))
        .isEqualTo(RejectReason.SYSLOG_MESSAGE);
    rejected++;
    cases++;
    System.out.printf("go-syslog non-compliant messages (WithCompliantMsg): %d of %d cases "
        + "rejected as SYSLOG_MESSAGE%n", rejected, cases);
    assertThat(cases).isGreaterThanOrEqualTo(25);
  }

  /** The fields an RFC 5424 case's setter chain sets, every other one absent (empty). */
  private static Map<String, Object> expected5424(String source) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("priority", -1);
    m.put("facility", -1);
    m.put("severity", -1);
    m.put("version", 0);
    m.put("timestamp", "-");
    m.put("hostname", new byte[0]);
    m.put("appName", new byte[0]);
    m.put("procId", new byte[0]);
    m.put("msgId", new byte[0]);
    Map<String, Map<String, String>> sd = new LinkedHashMap<>();
    m.put("structuredData", sd);
    m.put("message", new byte[0]);
    Matcher s = SETTER.matcher(source);
    while (s.find()) {
      GoLiterals go = new GoLiterals(source, s.end());
      List<Object> a = go.arguments();
      switch (s.group(1)) {
        case "SetPriority" -> {
          int p = ((Long) a.get(0)).intValue();
          m.put("priority", p);
          m.put("facility", p / 8);
          m.put("severity", p % 8);
        }
        case "SetVersion" -> m.put("version", ((Long) a.get(0)).intValue());
        case "SetTimestamp" -> m.put("timestamp", rfc3339(text(a.get(0))));
        case "SetHostname" -> m.put("hostname", a.get(0));
        case "SetAppname" -> m.put("appName", a.get(0));
        case "SetProcID" -> m.put("procId", a.get(0));
        case "SetMsgID" -> m.put("msgId", a.get(0));
        case "SetElementID" -> sd.computeIfAbsent(text(a.get(0)), k -> new LinkedHashMap<>());
        case "SetParameter" -> sd.computeIfAbsent(text(a.get(0)), k -> new LinkedHashMap<>())
            .put(text(a.get(1)), text(a.get(2)));
        case "SetMessage" -> {
          byte[] msg = (byte[]) a.get(0);
          m.put("goMessage", msg);
          m.put("message", withoutBomAndLeadingSpaces(msg));
        }
        default -> throw new AssertionError("unknown setter " + s.group(1));
      }
    }
    return m;
  }

  /** The fields of an RFC 3164 case's struct, every other one absent (empty). */
  private static Map<String, Object> expected3164(String source) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("priority", -1);
    m.put("facility", -1);
    m.put("severity", -1);
    m.put("timestamp", "-");
    m.put("hostname", new byte[0]);
    m.put("appName", new byte[0]);
    m.put("procId", new byte[0]);
    m.put("message", new byte[0]);
    Matcher f = FIELD_3164.matcher(source);
    while (f.find()) {
      List<Object> a = new GoLiterals(source, f.end()).arguments();
      switch (f.group(1)) {
        case "Priority" -> m.put("priority", ((Long) a.get(0)).intValue());
        case "Facility" -> m.put("facility", ((Long) a.get(0)).intValue());
        case "Severity" -> m.put("severity", ((Long) a.get(0)).intValue());
        case "Timestamp" -> {
          assertThat(a.get(0)).isEqualTo("time.Stamp");
          m.put("timestamp", bsdInstant(text(a.get(1))));
        }
        case "Hostname" -> m.put("hostname", a.get(0));
        case "Appname" -> m.put("appName", a.get(0));
        case "ProcID" -> m.put("procId", a.get(0));
        case "Message" -> m.put("message", a.get(0));
        default -> throw new AssertionError("unknown field " + f.group(1));
      }
    }
    return m;
  }

  /** Our record in the fields the go-syslog cases label. */
  private static Map<String, Object> ours(SyslogRecord r, boolean rfc5424) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("priority", r.priority());
    m.put("facility", r.facility());
    m.put("severity", r.severity());
    if (rfc5424) {
      m.put("version", r.version());
    }
    m.put("timestamp", r.hasTime() ? r.timeMicros() + "us" + r.offsetMinutes() + "min" : "-");
    m.put("hostname", r.hostname().copyBytes());
    m.put("appName", r.appName().copyBytes());
    m.put("procId", r.procId().copyBytes());
    if (rfc5424) {
      m.put("msgId", r.msgId().copyBytes());
      m.put("structuredData", StructuredData.elements(r.structuredData(), false));
    }
    m.put("message", r.message().copyBytes());
    return m;
  }

  // logstash-patterns-core syslog_spec.rb

  /** Captures that are no syslog line field (grok patterns that parse the message further). */
  private static final Set<String> NOT_SYSLOG_FIELDS = Set.of("username", "pam_module",
      "pam_caller", "pam_session_state", "pam_by", "user", "action");

  private static final Pattern BLOCK = Pattern.compile("(?m)^  (?:it|context) ");
  private static final String STRING = "(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')";
  private static final Pattern ASSIGN = Pattern.compile("(?m)^\\s*(\\w+) = " + STRING + "\\s*$");
  private static final Pattern LET = Pattern.compile("let\\(:(\\w+)\\) \\{ " + STRING + " }");
  private static final Pattern CHARS = Pattern.compile(
      "(\\w+) = \\(\\((\\d+)\\.\\.(\\d+)\\)\\.map \\{ \\|c\\| c\\.chr } - %w\\{(.*?)}\\)\\.join");
  private static final Pattern GROK = Pattern.compile("grok_match pattern, (\\w+|" + STRING + ")");
  private static final Pattern PAIR = Pattern.compile("[\"'](\\w+)[\"']\\s*=>\\s*(\\[message, "
      + STRING + "]|" + STRING + "|\\w+)");
  private static final Pattern ABSENT = Pattern.compile(
      "expect\\(match\\.keys\\)\\.to_not include\\(\"(\\w+)\"\\)");
  private static final Pattern EQL = Pattern.compile(
      "expect\\(grok\\['message']\\)\\.to eql \\[message, " + STRING + "]");

  @Test
  void logstashSyslogSpec() throws IOException {
    String spec = Files.readString(Paths.realdata("syslog/logstash_syslog_spec.rb"));
    String[] sections = spec.split("(?m)^describe_pattern ");
    int lines = 0;
    int fields = 0;
    List<String> notCompared = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    for (String section : sections) {
      if (!section.startsWith("\"") && !section.startsWith("'")) {
        continue;
      }
      String pattern = section.substring(1, section.indexOf(section.charAt(0), 1));
      String[] blocks = BLOCK.split(section);
      for (int b = 1; b < blocks.length; b++) {
        String block = blocks[b];
        Map<String, String> vars = variables(block);
        String line = message(block, vars);
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        SyslogRecord r = new SyslogRecord();
        RejectReason reason = parser.parse(bytes, bytes.length, r);
        lines++;
        if (reason != null) {
          mismatches.add(pattern + " " + line + ": rejected as " + reason);
          continue;
        }
        String text = expectations(block);
        boolean ecsOnly = text.startsWith("ECS:");
        Matcher p = PAIR.matcher(text);
        while (p.find()) {
          String key = p.group(1);
          String raw = p.group(2);
          if (NOT_SYSLOG_FIELDS.contains(key) || (key.equals("message") && (raw.equals("message")
              || pattern.equals("CRONLOG")))) {
            notCompared.add(pattern + "." + key);
            continue;
          }
          String want = raw.startsWith("[message, ") ? ruby(p.group(3), vars)
              : raw.startsWith("\"") || raw.startsWith("'") ? ruby(raw, vars) : vars.get(raw);
          assertThat(want).as("value of %s in %s", key, line).isNotNull();
          fields++;
          String got = logstashField(r, ecsOnly && key.equals("name") ? "program" : key, want);
          if (!want.equals(got)) {
            mismatches.add(pattern + " " + line + ": " + key + " want " + want + " got " + got);
          }
        }
        Matcher a = ABSENT.matcher(text);
        while (a.find()) {
          fields++;
          String got = logstashField(r, a.group(1), "");
          if (!got.isEmpty()) {
            mismatches.add(pattern + " " + line + ": " + a.group(1) + " want absent got " + got);
          }
        }
        Matcher e = EQL.matcher(block);
        while (e.find()) {
          fields++;
          if (!ruby(e.group(1), vars).equals(r.message().toString())) {
            mismatches.add(pattern + " " + line + ": message want " + e.group(1) + " got "
                + r.message());
          }
        }
      }
    }
    System.out.printf("logstash syslog spec: %d syslog lines parsed, %d of %d expected syslog "
        + "fields agree (not syslog fields, not compared: %s)%n", lines,
        fields - mismatches.size(), fields, new java.util.TreeSet<>(notCompared));
    assertThat(mismatches).isEmpty();
    assertThat(lines).isEqualTo(18);
    assertThat(fields).isEqualTo(50);
  }

  /**
   * The expectations of a block that concern its line: outside the {@code if ecs_compatibility?}
   * branches and in their legacy ({@code else}) branch; for a block with an ECS branch only, that
   * branch, prefixed "ECS:".
   */
  private static String expectations(String block) {
    String[] lines = block.split("\n");
    StringBuilder common = new StringBuilder();
    StringBuilder legacy = new StringBuilder();
    StringBuilder ecs = new StringBuilder();
    int state = 0; // 0 outside, 1 in the ECS branch, 2 in the legacy branch
    String indent = "";
    for (String l : lines) {
      String t = l.trim();
      String lead = l.substring(0, l.length() - l.stripLeading().length());
      if (t.equals("if ecs_compatibility?") || t.startsWith("if ecs_compatibility? #")) {
        state = 1;
        indent = lead;
      } else if (state > 0 && lead.equals(indent) && t.equals("else")) {
        state = 2;
      } else if (state > 0 && lead.equals(indent) && t.equals("end")) {
        state = 0;
      } else {
        (state == 0 ? common : state == 1 ? ecs : legacy).append(l).append('\n');
      }
    }
    if (legacy.length() == 0 && ecs.length() > 0) {
      return "ECS:" + ecs + common;
    }
    return common.toString() + legacy;
  }

  /** Our record as logstash's legacy capture {@code key}. */
  private static String logstashField(SyslogRecord r, String key, String want) {
    switch (key) {
      case "timestamp":
      case "syslog5424_ts":
        return want.isEmpty() || !r.hasTime() ? "" : r.timeMicros() == logstashMicros(want) ? want
            : r.toString();
      case "logsource":
      case "syslog5424_host":
        return r.hostname().toString();
      case "program":
      case "syslog5424_app":
        return r.appName().toString();
      case "pid":
      case "syslog5424_proc":
        return r.procId().toString();
      case "message":
      case "syslog5424_msg":
        return r.message().toString();
      case "syslog5424_pri":
        return r.priority() < 0 ? "" : String.valueOf(r.priority());
      case "syslog5424_ver":
        return r.version() == 0 ? "" : String.valueOf(r.version());
      case "syslog5424_msgid":
        return r.msgId().toString();
      case "syslog5424_sd":
        return r.structuredData().toString();
      default:
        throw new AssertionError("unmapped capture " + key);
    }
  }

  /**
   * A timestamp string of the spec as epoch microseconds, read with java.time: RFC 3339, or BSD
   * in {@link #BSD_YEAR} (UTC). A leap second (:60) is the first second of the next minute.
   */
  private static long logstashMicros(String ts) {
    return parseMicros(Character.isDigit(ts.charAt(0)) ? rfc3339(ts) : bsdInstant(ts));
  }

  /**
   * An RFC 3339 timestamp as our timestamp view, read with java.time (whose offsets stop at 18
   * hours, so the offset is applied by hand). A leap second (:60) is the first second of the next
   * minute.
   */
  private static String rfc3339(String ts) {
    int zone = ts.endsWith("Z") ? ts.length() - 1 : ts.length() - 6;
    int offset = ts.endsWith("Z") ? 0 : (ts.charAt(zone) == '-' ? -1 : 1)
        * (Integer.parseInt(ts.substring(zone + 1, zone + 3)) * 60
            + Integer.parseInt(ts.substring(zone + 4, zone + 6)));
    String local = ts.substring(0, zone);
    boolean leap = local.substring(17, 19).equals("60");
    LocalDateTime t = LocalDateTime.parse(leap ? local.substring(0, 17) + "59"
        + local.substring(19) : local);
    long micros = (t.toEpochSecond(ZoneOffset.UTC) - offset * 60L + (leap ? 1 : 0)) * 1_000_000L
        + t.getNano() / 1000;
    return micros + "us" + offset + "min";
  }

  /** The BSD timestamp "Mmm d hh:mm:ss[.fff]" in {@link #BSD_YEAR}, UTC, as our timestamp view. */
  private static String bsdInstant(String stamp) {
    String[] p = stamp.trim().split("\\s+");
    Month month = Month.from(DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH).parse(p[0]));
    LocalDateTime t = LocalDateTime.of(LocalDate.of(BSD_YEAR, month,
        Integer.parseInt(p[1])), LocalTime.parse(p[2]));
    return instant(t.atOffset(ZoneOffset.UTC));
  }

  /** Epoch microseconds and offset, the form {@link #ours} gives timestamps in. */
  private static String instant(OffsetDateTime t) {
    return (t.toEpochSecond() * 1_000_000L + t.getNano() / 1000) + "us"
        + t.getOffset().getTotalSeconds() / 60 + "min";
  }

  private static long parseMicros(String view) {
    return Long.parseLong(view.substring(0, view.indexOf("us")));
  }

  /** Variables a block assigns: strings, and the tag of printable characters built in Ruby. */
  private static Map<String, String> variables(String block) {
    Map<String, String> vars = new LinkedHashMap<>();
    Matcher c = CHARS.matcher(block);
    while (c.find()) {
      StringBuilder s = new StringBuilder();
      Set<String> minus = Set.of(c.group(4).trim().split("\\s+"));
      for (int ch = Integer.parseInt(c.group(2)); ch <= Integer.parseInt(c.group(3)); ch++) {
        if (!minus.contains(String.valueOf((char) ch))) {
          s.append((char) ch);
        }
      }
      vars.put(c.group(1), s.toString());
    }
    for (Pattern p : List.of(ASSIGN, LET)) {
      Matcher m = p.matcher(block);
      while (m.find()) {
        vars.put(m.group(1), ruby(m.group(2), vars));
      }
    }
    return vars;
  }

  /** The line a block gives grok: an argument of grok_match, or its let(:message). */
  private static String message(String block, Map<String, String> vars) {
    Matcher g = GROK.matcher(block);
    if (g.find()) {
      return g.group(1).matches("\\w+") ? vars.get(g.group(1)) : ruby(g.group(1), vars);
    }
    assertThat(vars).containsKey("message");
    return vars.get("message");
  }

  /** A Ruby string literal's value: single quotes as is, double quotes with escapes and #{}. */
  private static String ruby(String literal, Map<String, String> vars) {
    String body = literal.substring(1, literal.length() - 1);
    StringBuilder s = new StringBuilder();
    boolean dq = literal.charAt(0) == '"';
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char n = body.charAt(++i);
        if (dq) {
          s.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
        } else if (n == '\'' || n == '\\') {
          s.append(n);
        } else {
          s.append(c).append(n);
        }
      } else if (dq && c == '#' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
        int end = body.indexOf('}', i);
        String name = body.substring(i + 2, end);
        assertThat(vars).as("interpolated %s", name).containsKey(name);
        s.append(vars.get(name));
        i = end;
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }

  private static RejectReason mapped(String goError) {
    for (Map.Entry<String, RejectReason> e : GO_ERRORS.entrySet()) {
      if (goError.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  private static byte[] withoutBomAndLeadingSpaces(byte[] m) {
    int i = 0;
    while (i < m.length && m[i] == ' ') {
      i++;
    }
    if (m.length - i >= 3 && m[i] == (byte) 0xEF && m[i + 1] == (byte) 0xBB
        && m[i + 2] == (byte) 0xBF) {
      i += 3;
    }
    return Arrays.copyOfRange(m, i, m.length);
  }

  private static String text(Object goValue) {
    return goValue instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : (String) goValue;
  }

  private static String show(Object v) {
    return v instanceof byte[] b ? "'" + latin1(b) + "'" : String.valueOf(v);
  }
}
