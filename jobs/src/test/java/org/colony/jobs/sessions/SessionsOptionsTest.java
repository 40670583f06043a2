package org.colony.jobs.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.colony.jobs.common.VisitorFields;
import org.junit.jupiter.api.Test;

/** The options of sessions and the visitor hash. */
class SessionsOptionsTest {

  private static Configuration conf(String key, String value) {
    Configuration c = new Configuration(false);
    if (value != null) {
      c.set(key, value);
    }
    return c;
  }

  @Test
  void gapDurations() {
    assertThat(SessionsKeys.gapMillis(conf(SessionsKeys.GAP.name(), null))).isEqualTo(1_800_000);
    assertThat(SessionsKeys.gapMillis(conf(SessionsKeys.GAP.name(), "30m"))).isEqualTo(1_800_000);
    assertThat(SessionsKeys.gapMillis(conf(SessionsKeys.GAP.name(), "900s"))).isEqualTo(900_000);
    assertThat(SessionsKeys.gapMillis(conf(SessionsKeys.GAP.name(), "900"))).isEqualTo(900_000);
    assertThat(SessionsKeys.gapMillis(conf(SessionsKeys.GAP.name(), " 2H "))).isEqualTo(7_200_000);
    assertThat(SessionsKeys.gapMillis(conf(SessionsKeys.GAP.name(), "250ms"))).isEqualTo(250);
    for (String bad : new String[] {"0", "0m", "-5m", "30 minutes", "1.5h", "m", "", "30d"}) {
      assertThatThrownBy(() -> SessionsKeys.gapMillis(conf(SessionsKeys.GAP.name(), bad)))
          .as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--gap").hasMessageContaining("colony.sessions.gap");
    }
  }

  @Test
  void visitorFields() {
    assertThat(SessionsKeys.visitor(conf(SessionsKeys.VISITOR.name(), null)))
        .isEqualTo(VisitorFields.CLIENT_AGENT);
    assertThat(SessionsKeys.visitor(conf(SessionsKeys.VISITOR.name(), "client")))
        .isEqualTo(VisitorFields.CLIENT);
    assertThat(SessionsKeys.visitor(conf(SessionsKeys.VISITOR.name(), "Client+Agent+VHost")))
        .isEqualTo(VisitorFields.CLIENT_AGENT_VHOST);
    assertThatThrownBy(() -> SessionsKeys.visitor(conf(SessionsKeys.VISITOR.name(), "ip")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--visitor");
    for (VisitorFields f : VisitorFields.values()) {
      assertThat(VisitorFields.of(f.toString())).isEqualTo(f);
    }
  }

  @Test
  void saltKeepsItsSpaces() {
    assertThat(SessionsKeys.salt(conf(SessionsKeys.SALT.name(), null))).isEmpty();
    assertThat(SessionsKeys.salt(conf(SessionsKeys.SALT.name(), " s "))).isEqualTo(" s ");
  }

  /** Expected values from {@code printf 'SALT' 'VISITOR' | sha256sum}, first 16 hex digits. */
  @Test
  void visitorHashIsTheStartOfSha256OfSaltAndVisitor() {
    byte[] visitor = "203.0.113.7\nMozilla/5.0 (X11; Linux x86_64)"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(hash("", visitor)).isEqualTo("cea09e592f730ca9");
    assertThat(hash("s3cret", visitor)).isEqualTo("9134067856aa5d36");
    assertThat(hash("", new byte[0])).isEqualTo("e3b0c44298fc1c14");
  }

  private static String hash(String salt, byte[] visitor) {
    byte[] padded = new byte[visitor.length + 6];
    System.arraycopy(visitor, 0, padded, 3, visitor.length);
    byte[] out = new byte[20];
    VisitorHash h = new VisitorHash(salt);
    h.hex(new byte[] {1, 2, 3}, 0, 3, out, 2); // reused: earlier input leaves no trace
    h.hex(padded, 3, visitor.length, out, 2);
    return new String(out, 2, VisitorHash.LENGTH, StandardCharsets.US_ASCII);
  }
}
