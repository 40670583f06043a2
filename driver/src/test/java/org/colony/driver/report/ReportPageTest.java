package org.colony.driver.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ToolRunner;
import org.colony.driver.ColonyTool;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The day's page model and its HTML, from a real daily run over the sample day. */
class ReportPageTest {
  private static final String DAY = "2026-11-25";
  @TempDir
  static Path tmp;
  static Path reports;
  static String html;
  static List<Section> sections;

  @BeforeAll
  static void runTheDay() throws Exception {
    Configuration conf = LocalHadoop.conf(tmp);
    reports = tmp.resolve("reports");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (PrintStream p = new PrintStream(b, true, StandardCharsets.UTF_8)) {
      int code = ToolRunner.run(conf, new ColonyTool(p, p), new String[] {"daily", "--date", DAY,
          "--logs-root", Paths.sampleData("logs").toString(), "--uploads-root",
          Paths.sampleData("uploads").toString(), "--reports-root", reports.toString()});
      assertThat(code).as(b.toString(StandardCharsets.UTF_8)).isZero();
    }
    assertThat(b.toString(StandardCharsets.UTF_8)).contains("report: ");
    DayReport day = new DayReport(FileSystem.getLocal(conf),
        new org.apache.hadoop.fs.Path(reports.toUri()), LocalDate.parse(DAY));
    sections = ReportPage.sections(day);
    html = Files.readString(reports.resolve("report/dt=" + DAY + "/index.html"));
  }

  private static final String HOURLY = "hour\trequests\tbytes\ts2xx\ts3xx\ts4xx\ts5xx";

  @Test
  void everySectionIsThereOrSaysWhyNot() {
    assertThat(sections).extracting(Section::id).containsExactly("traffic", "status", "latency",
        "top", "visitors", "sessions", "syslog", "exceptions", "uploads", "runs");
    for (Section s : sections) {
      assertThat(html).contains("<section id=\"" + s.id() + "\">");
      if (!s.present()) {
        assertThat(s.missing()).isNotBlank();
        assertThat(html).contains(Html.escape(s.missing()));
      }
    }
    assertThat(sections.stream().filter(s -> s.id().equals("traffic")).findFirst().orElseThrow()
        .present()).isTrue();
  }

  @Test
  void chartsCarryTheReviewedHourlyNumbers() {
    List<String> expected = TsvFiles.fileRows(
        Paths.sampleData("expected/access-stats/dt=" + DAY + "/hourly.tsv"), HOURLY);
    long total = 0;
    for (String row : expected) {
      String[] c = row.split("\t");
      total += Long.parseLong(c[1]);
      assertThat(html).contains("data-series=\"requests\" data-label=\"" + c[0] + "\" data-v=\""
          + c[1] + "\"");
      assertThat(html).contains("data-series=\"5xx\" data-label=\"" + c[0] + "\" data-v=\""
          + c[6] + "\"");
    }
    assertThat(html).contains("<span id=\"total-requests\" data-v=\"" + total + "\">");
    assertThat(count("<rect class=\"bar\" data-series=\"requests\"")).isEqualTo(expected.size());
    assertThat(count("<rect class=\"bar\" data-series=\"2xx\"")).isEqualTo(expected.size());
  }

  @Test
  void topTablesAreTheTopReportsFirstRows() {
    List<String> top = TsvFiles.fileRows(
        Paths.sampleData("expected/access-stats/dt=" + DAY + "/top.tsv"),
        "dimension\trank\tvalue\thits");
    String urls = html.substring(html.indexOf("<table id=\"table-top-url\">"),
        html.indexOf("</table>", html.indexOf("<table id=\"table-top-url\">")));
    List<String> want = top.stream().filter(r -> r.startsWith("url\t")).limit(20)
        .map(r -> r.split("\t")[2]).toList();
    Matcher m = Pattern.compile("<tr><td class=\"n\" data-v=\"\\d+\">\\d+</td><td data-v=\"([^\"]*)\"")
        .matcher(urls);
    List<String> got = new java.util.ArrayList<>();
    while (m.find()) {
      got.add(m.group(1));
    }
    assertThat(got).containsExactlyElementsOf(want);
  }

  @Test
  void uploadsSectionShowsTheReviewedInventory() {
    Path expected = Paths.sampleData("expected/uploads-inventory");
    List<String> files = TsvFiles.fileRows(expected.resolve("files.tsv"),
        "path\towner\tsize\tsha256\tmedia_type\textension_type\textension_mismatch");
    assertThat(html).contains("<span id=\"upload-files\" data-v=\"" + files.size() + "\">");
    String dups = html.substring(html.indexOf("<table id=\"table-duplicates\">"),
        html.indexOf("</table>", html.indexOf("<table id=\"table-duplicates\">")));
    for (String row : TsvFiles.fileRows(expected.resolve("duplicates.tsv"),
        "sha256\tcopies\tbytes_reclaimable\tpaths")) {
      String[] c = row.split("\t");
      assertThat(dups).contains(c[0]).contains("data-v=\"" + c[2] + "\"");
    }
    // the sample's decompression bomb and truncated PNG (sample-data/README.md) get no thumbnail
    String problems = html.substring(html.indexOf("<table id=\"table-image-problems\">"));
    assertThat(problems).contains("mallory/bomb-30000x30000.png", "mallory/broken.png");
  }

  @Test
  void selfContainedWithoutScriptOrNetwork() {
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script", "<link ", "<img",
        "src=", "@import", "url(");
    assertThat(html).contains("<table id=\"table-runs\">", "access-stats", "sessions");
    assertThat(html).contains("the access logs of " + DAY + " have no response times");
    System.out.printf("report page for %s: %d bytes%n", DAY,
        html.getBytes(StandardCharsets.UTF_8).length);
  }

  private static long count(String s) {
    return html.split(Pattern.quote(s), -1).length - 1;
  }
}
