package org.colony.io.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every field of an access log record as text, for comparing with values written by hand. */
final class RecordViews {
  private RecordViews() {}

  private static final List<String> FIELDS = List.of("vhost", "client", "clientList", "ident",
      "user", "time", "offset", "method", "path", "query", "protocol", "status", "bytes",
      "referrer", "agent", "responseMicros");

  /** Every field of a record, as text; empty fields and -1 numbers included. */
  static Map<String, String> view(AccessLogRecord r) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("vhost", r.vhost().toString());
    m.put("client", r.client().toString());
    m.put("clientList", r.clientList().toString());
    m.put("ident", r.ident().toString());
    m.put("user", r.user().toString());
    m.put("time", Instant.ofEpochMilli(r.timeMillis()).toString());
    m.put("offset", String.valueOf(r.offsetMinutes()));
    m.put("method", r.method().toString());
    m.put("path", r.path().toString());
    m.put("query", r.query().toString());
    m.put("protocol", r.protocol().toString());
    m.put("status", String.valueOf(r.status()));
    m.put("bytes", String.valueOf(r.bytes()));
    m.put("referrer", r.referrer().toString());
    m.put("agent", r.agent().toString());
    m.put("responseMicros", String.valueOf(r.responseMicros()));
    return m;
  }

  /** The view of a record with the given fields set and every other one empty (numbers -1). */
  static Map<String, String> expected(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : FIELDS) {
      m.put(k, "");
    }
    m.put("offset", "0");
    m.put("status", "-1");
    m.put("bytes", "-1");
    m.put("responseMicros", "-1");
    for (int i = 0; i < keyValues.length; i += 2) {
      assertThat(m).containsKey(keyValues[i]);
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }
}
