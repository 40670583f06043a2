package org.colony.io.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.colony.io.RejectReason;
import org.colony.testing.Paths;
import org.junit.jupiter.api.Test;

/**
 * The parser against labels nobody on this project wrote: Elastic Beats' expected documents for
 * its Apache and nginx access test logs, and the expectations of logstash-patterns-core's httpd spec.
 * Every labelled field that is a parse result must agree; enrichment fields (geo, user agent
 * parsing, event classification) are not parse results and are listed as such.
 */
class RealAccessLogLabelsTest {
  /** Labelled fields that come from enrichment, not from parsing the line. */
  private static final Set<String> ENRICHMENT_PREFIXES = Set.of("event.", "source.geo.",
      "user_agent.name", "user_agent.version", "user_agent.os.", "user_agent.device.", "ecs.",
      "fileset.", "input.", "service.", "log.offset");

  private final AccessLogParser parser = new AccessLogParser();

  @Test
  void apacheBeatsLabels() throws IOException {
    int[] counts = checkBeats("access/apache_access_test.log");
    // 7 lines, 6 labelled (line 7, with a vhost prefix, has no label in Beats).
    assertThat(counts[0]).isEqualTo(6);
    assertThat(counts[2]).isEqualTo(counts[1]);
  }

  @Test
  void nginxBeatsLabels() throws IOException {
    int[] counts = checkBeats("access/nginx_access_test.log");
    assertThat(counts[0]).isEqualTo(7);
    assertThat(counts[2]).isEqualTo(counts[1]);
  }

  @Test
  void apacheUnlabelledVhostLine() throws IOException {
    List<byte[]> lines = lines(Paths.realdata("access/apache_access_test.log"));
    AccessLogRecord r = parse(lines.get(6));
    assertThat(r.vhost().toString()).isEqualTo("vhost1.domaine.fr");
    assertThat(r.client().toString()).isEqualTo("123.123.123.123");
    assertThat(r.path().toString()).isEqualTo("/");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bytes()).isEqualTo(32953);
    assertThat(Instant.ofEpochMilli(r.timeMillis())).isEqualTo(Instant.parse("2019-07-04T07:20:46Z"));
    assertThat(r.offsetMinutes()).isEqualTo(120);
  }

  /**
   * Checks every labelled line of a Beats test log.
   *
   * @return {labelled lines, labelled parse fields, fields that agreed}
   */
  private int[] checkBeats(String log) throws IOException {
    Path logFile = Paths.realdata(log);
    JsonNode expected = new ObjectMapper().readTree(
        Paths.realdata(log + "-expected.json").toFile());
    Map<Long, byte[]> byOffset = linesByOffset(logFile);
    int linesChecked = 0;
    int fields = 0;
    int agreed = 0;
    List<String> mismatches = new ArrayList<>();
    for (JsonNode doc : expected) {
      long offset = doc.get("log.offset").asLong();
      byte[] line = byOffset.get(offset);
      assertThat(line).as("line at offset %d", offset).isNotNull();
      AccessLogRecord r = parse(line);
      linesChecked++;
      Map<String, Object> ours = asEcs(r);
      for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (isEnrichment(f.getKey())) {
          continue;
        }
        assertThat(ours).as("field %s is mapped", f.getKey()).containsKey(f.getKey());
        fields++;
        Object want = f.getValue().isArray()
            ? toList(f.getValue()) : f.getValue().isNumber() ? f.getValue().asLong() : f.getValue().asText();
        Object got = ours.get(f.getKey());
        if (f.getKey().equals("http.request.method")) {
          // Beats' Apache pipeline lower-cases the method; the line says GET.
          want = want.toString().toUpperCase();
        }
        if (want.equals(got)) {
          agreed++;
        } else {
          mismatches.add(log + "@" + offset + " " + f.getKey() + ": want " + want + " got " + got);
        }
      }
      // What the label leaves out, the parser must leave out too.
      for (String k : List.of("http.request.method", "url.original", "http.version",
          "http.response.body.bytes", "http.response.status_code")) {
        if (!doc.has(k)) {
          assertThat(ours.get(k)).as("%s@%d %s absent", log, offset, k).isNull();
        }
      }
    }
    System.out.printf("%s: %d labelled lines, %d of %d labelled parse fields agree%n", log,
        linesChecked, agreed, fields);
    assertThat(mismatches).isEmpty();
    return new int[] {linesChecked, fields, agreed};
  }

  @Test
  void logstashHttpdSpecCombinedLines() throws IOException {
    String spec = Files.readString(Paths.realdata("access/logstash_httpd_spec.rb"));
    // The HTTPD_COMBINEDLOG section, context by context: the message and the legacy
    // (non-ECS) expectations, which name grok captures with their string values.
    String section = spec.substring(spec.indexOf("describe_pattern \"HTTPD_COMBINEDLOG\""),
        spec.indexOf("describe_pattern \"HTTPD_ERRORLOG\""));
    Pattern message = Pattern.compile("let\\(:message\\) \\{ '(.*)' ?\\}");
    Pattern pair = Pattern.compile("['\"](\\w+)['\"] => ['\"](.*?)['\"](?=,|\\s*\\))");
    String[] contexts = section.split("\n  context ");
    int messages = 0;
    int fields = 0;
    for (String ctx : Arrays.copyOfRange(contexts, 1, contexts.length)) {
      Matcher m = message.matcher(ctx);
      assertThat(m.find()).isTrue();
      AccessLogRecord r = parse(m.group(1).getBytes(StandardCharsets.UTF_8));
      messages++;
      // The legacy branches: text after each "else" up to its "end".
      String[] branches = ctx.split("\\belse\\b");
      for (String branch : Arrays.copyOfRange(branches, 1, branches.length)) {
        Matcher p = pair.matcher(branch.substring(0, branch.indexOf("end")));
        while (p.find()) {
          assertThat(legacy(r, p.group(1))).as(p.group(1) + " in " + m.group(1))
              .isEqualTo(p.group(2));
          fields++;
        }
      }
      if (ctx.contains("does not capture optional response code")) {
        assertThat(r.status()).isEqualTo(-1);
        fields++;
      }
    }
    System.out.printf("logstash httpd spec: %d combined messages, %d expected fields agree%n",
        messages, fields);
    assertThat(messages).isEqualTo(3);
    assertThat(fields).isGreaterThanOrEqualTo(14);
  }

  /** Our record as logstash's legacy grok captures of HTTPD_COMBINEDLOG. */
  private static String legacy(AccessLogRecord r, String capture) {
    switch (capture) {
      case "clientip":
        return r.client().toString();
      case "ident":
        return dash(r.ident().toString());
      case "auth":
        return dash(r.user().toString());
      case "verb":
        return r.method().toString();
      case "request":
        return url(r);
      case "httpversion":
        return r.protocol().toString().substring("HTTP/".length());
      case "response":
        return String.valueOf(r.status());
      case "bytes":
        return String.valueOf(r.bytes());
      case "referrer":
        // grok keeps the quotes of QS captures
        return "\"" + r.referrer() + "\"";
      case "agent":
        return "\"" + r.agent() + "\"";
      default:
        throw new AssertionError("unmapped capture " + capture);
    }
  }

  /** Our record in the Beats (ECS) field names it labels; absent fields are left out. */
  private static Map<String, Object> asEcs(AccessLogRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("@timestamp", Instant.ofEpochMilli(r.timeMillis()).toString().replace("Z", ".000Z"));
    String client = r.client().toString();
    m.put("source.address", client);
    if (ClientAddresses.isIpLiteral(r.client().getBytes(), 0, r.client().getLength())) {
      m.put("source.ip", client);
    } else {
      m.put("source.domain", client);
    }
    m.put("nginx.access.remote_ip_list", List.of(r.clientList().toString().split(", ")));
    m.put("user.name", dash(r.user().toString()));
    if (r.method().getLength() > 0) {
      m.put("http.request.method", r.method().toString());
    }
    if (r.path().getLength() > 0) {
      m.put("url.original", url(r));
    }
    if (r.protocol().getLength() > 0) {
      m.put("http.version", r.protocol().toString().substring("HTTP/".length()));
    }
    if (r.status() >= 0) {
      m.put("http.response.status_code", (long) r.status());
    }
    if (r.bytes() >= 0) {
      m.put("http.response.body.bytes", r.bytes());
    }
    m.put("http.request.referrer", dash(r.referrer().toString()));
    m.put("user_agent.original", dash(r.agent().toString()));
    return m;
  }

  private static String url(AccessLogRecord r) {
    return r.path() + (r.query().getLength() > 0 ? "?" + r.query() : "");
  }

  private static String dash(String s) {
    return s.isEmpty() ? "-" : s;
  }

  private static boolean isEnrichment(String field) {
    return ENRICHMENT_PREFIXES.stream().anyMatch(field::startsWith);
  }

  private static List<String> toList(JsonNode array) {
    List<String> l = new ArrayList<>();
    array.forEach(n -> l.add(n.asText()));
    return l;
  }

  private AccessLogRecord parse(byte[] line) {
    AccessLogRecord r = new AccessLogRecord();
    RejectReason reason = parser.parse(line, line.length, r);
    assertThat(reason).as("parse of %s", new String(line, StandardCharsets.UTF_8)).isNull();
    return r;
  }

  private static Map<Long, byte[]> linesByOffset(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    Map<Long, byte[]> m = new LinkedHashMap<>();
    int start = 0;
    for (int i = 0; i <= all.length; i++) {
      if (i == all.length || all[i] == '\n') {
        if (i > start) {
          m.put((long) start, Arrays.copyOfRange(all, start, i));
        }
        start = i + 1;
      }
    }
    return m;
  }

  private static List<byte[]> lines(Path file) throws IOException {
    return new ArrayList<>(linesByOffset(file).values());
  }
}
