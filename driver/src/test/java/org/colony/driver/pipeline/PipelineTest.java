package org.colony.driver.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.colony.driver.UsageException;
import org.junit.jupiter.api.Test;

class PipelineTest {
  private static Pipeline read(String xml, boolean hourly) throws Exception {
    return Pipeline.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test",
        hourly);
  }

  @Test
  void defaultsAndDependencyOrder() throws Exception {
    Pipeline p = read("<pipeline name='d'>"
        + "<job id='uv' job='sessions' depends='stats' input='${reports}/stats/dt=${last7}'/>"
        + "<job id='stats' job='access-stats' source='access' options='--top 5 --keep-query'/>"
        + "</pipeline>", false);
    assertThat(p.name()).isEqualTo("d");
    assertThat(p.steps()).extracting(Pipeline.Step::id).containsExactly("stats", "uv");
    Pipeline.Step stats = p.steps().get(0);
    assertThat(stats.input()).isEqualTo("${logs}/access/dt=${date}");
    assertThat(stats.output()).isEqualTo("${reports}/stats/dt=${date}");
    assertThat(stats.options()).containsExactly("--top", "5", "--keep-query");
    assertThat(stats.readsLogs()).isTrue();
    assertThat(p.steps().get(1).readsLogs()).isFalse();

    Partition day = new Partition(LocalDate.parse("2026-11-25"), null);
    Map<String, String> roots = Map.of("logs", "/l", "reports", "/r");
    assertThat(day.expand(stats.input(), roots)).isEqualTo("/l/access/dt=2026-11-25");
    assertThat(day.expand(p.steps().get(1).input(), roots)).isEqualTo(
        "/r/stats/dt={2026-11-19,2026-11-20,2026-11-21,2026-11-22,2026-11-23,2026-11-24,"
            + "2026-11-25}");
  }

  @Test
  void hourlyTemplates() throws Exception {
    Pipeline p = read("<pipeline><job id='access-stats' source='access'/></pipeline>", true);
    Partition h = new Partition(LocalDate.parse("2026-11-25"), 7);
    assertThat(h.expand(p.steps().get(0).input(), Map.of("logs", "/l", "reports", "/r")))
        .isEqualTo("/l/access/dt=2026-11-25/hr=07");
    assertThat(h.expand(p.steps().get(0).output(), Map.of("logs", "/l", "reports", "/r")))
        .isEqualTo("/r/access-stats/dt=2026-11-25/hr=07");
  }

  @Test
  void mistakesAreOneLineUsageErrors() {
    assertThatThrownBy(() -> read("<pipeline><job id='x' job='nope' source='a'/></pipeline>",
        false)).isInstanceOf(UsageException.class).hasMessageContaining("unknown job 'nope'");
    assertThatThrownBy(() -> read("<pipeline><job id='a' job='sessions' source='s' depends='b'/>"
        + "<job id='b' job='sessions' source='s' depends='a'/></pipeline>", false))
        .isInstanceOf(UsageException.class).hasMessageContaining("cycle");
    assertThatThrownBy(() -> read("<pipeline><job id='a' job='sessions' source='s' "
        + "depends='zz'/></pipeline>", false)).hasMessageContaining("unknown job 'zz'");
    assertThatThrownBy(() -> read("<pipeline><job id='a' job='sessions'/></pipeline>", false))
        .hasMessageContaining("needs a source or an input");
    assertThatThrownBy(() -> read("<pipeline><job id='a' job='sessions' source='s'/>"
        + "<job id='a' job='sessions' source='t'/></pipeline>", false))
        .hasMessageContaining("two jobs have the id 'a'");
    assertThatThrownBy(() -> read("<pipeline><job", false)).hasMessageContaining("well-formed");
    assertThatThrownBy(() -> new Partition(LocalDate.now(), null).expand("${nope}/x", Map.of()))
        .hasMessageContaining("unknown variable");
  }
}
