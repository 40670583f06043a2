package org.colony.driver.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.cli.Options;
import org.colony.testing.Paths;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The cron and Oozie examples in conf/ are well-formed and name commands and options that exist. */
class SchedulerExamplesTest {
  private final Options daily = new DailyCommand(false).options();

  private static Document xml(String relative) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(Paths.root().resolve(relative).toFile());
  }

  @Test
  void oozieWorkflowRunsColonysEntryPointWithDailysOptions() throws Exception {
    Document wf = xml("conf/oozie/workflow.xml");
    assertThat(wf.getElementsByTagName("main-class").item(0).getTextContent())
        .isEqualTo("org.colony.driver.Colony");
    Class.forName("org.colony.driver.Colony").getMethod("main", String[].class);
    NodeList args = wf.getElementsByTagName("arg");
    List<String> a = new ArrayList<>();
    for (int i = 0; i < args.getLength(); i++) {
      a.add(args.item(i).getTextContent());
    }
    assertThat(a.get(0)).isEqualTo("daily");
    List<String> options = a.stream().filter(s -> s.startsWith("--")).toList();
    assertThat(options).contains("--date");
    options.forEach(o -> assertThat(daily.hasLongOption(o.substring(2))).as(o).isTrue());
  }

  @Test
  void oozieCoordinatorWaitsForTheDoneFlagDaily() throws Exception {
    Document coord = xml("conf/oozie/coordinator.xml");
    assertThat(coord.getDocumentElement().getAttribute("frequency"))
        .isEqualTo("${coord:days(1)}");
    assertThat(coord.getElementsByTagName("done-flag").item(0).getTextContent())
        .isEqualTo("_SUCCESS");
    assertThat(coord.getElementsByTagName("uri-template").item(0).getTextContent())
        .contains("/access/dt=${YEAR}-${MONTH}-${DAY}");
    String props = Files.readString(Paths.root().resolve("conf/oozie/job.properties"));
    for (String name : List.of("logsRoot", "reportsRoot", "workflowPath", "start", "end")) {
      assertThat(props).contains(name + "=");
    }
  }

  @Test
  void crontabLineUsesTheLauncherAndDailysOptions() throws Exception {
    List<String> lines = Files.readAllLines(Paths.root().resolve("conf/cron/colony.crontab"));
    List<String> jobs = lines.stream().filter(l -> l.matches("^[0-9*].*")).toList();
    assertThat(jobs).hasSize(1);
    String line = jobs.get(0);
    assertThat(line).contains("/bin/colony daily ");
    assertThat(Files.isExecutable(Paths.root().resolve("bin/colony"))).isTrue();
    Matcher m = Pattern.compile(" --([a-z-]+)").matcher(line);
    int n = 0;
    while (m.find()) {
      assertThat(daily.hasLongOption(m.group(1))).as(m.group(1)).isTrue();
      n++;
    }
    assertThat(n).isGreaterThanOrEqualTo(3);
  }

  @Test
  void packagedPipelinesNameRegisteredJobs() throws Exception {
    for (String p : List.of("conf/pipelines/daily.xml", "conf/pipelines/hourly.xml",
        "conf/pipelines/access.xml")) {
      try (var in = Files.newInputStream(Paths.root().resolve(p))) {
        assertThat(Pipeline.read(in, p, p.contains("hourly")).steps()).isNotEmpty();
      }
    }
  }

  static Path root() {
    return Paths.root();
  }
}
