package org.colony.minicluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.util.ToolRunner;
import org.colony.driver.ColonyTool;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily report in a real browser: Debian's Chromium, headless, loads the page with no console
 * error and no network, renders every chart and table with the right numbers (read from the DOM
 * the browser built), and takes a screenshot (target/report-screenshot.png). CI installs
 * Chromium; elsewhere the test is skipped, saying so, unless COLONY_REQUIRE_BROWSER is set.
 */
class ReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String DAY = "2026-11-25";

  @TempDir
  Path tmp;

  private List<String> chromium(String... args) {
    List<String> c = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + tmp.resolve("chromium-profile"),
        "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0"));
    c.addAll(List.of(args));
    return c;
  }

  private record Result(String out, String err) {}

  private Result run(List<String> command) throws Exception {
    Path err = tmp.resolve("chromium-" + System.nanoTime() + ".err");
    Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    return new Result(out, Files.readString(err));
  }

  @Test
  void thePageLoadsWithoutErrorsAndShowsTheNumbers() throws Exception {
    boolean required = System.getenv("COLONY_REQUIRE_BROWSER") != null;
    assumeTrue(required || Files.isExecutable(CHROMIUM),
        "Chromium is not installed (.ci/run installs Debian's chromium): browser test skipped");
    assertThat(CHROMIUM).as("COLONY_REQUIRE_BROWSER is set: Chromium must be installed")
        .isExecutable();

    Path reports = tmp.resolve("reports");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(b, true, StandardCharsets.UTF_8)) {
      int code = ToolRunner.run(LocalHadoop.conf(tmp), new ColonyTool(ps, ps), new String[] {
          "daily", "--date", DAY, "--logs-root", Paths.sampleData("logs").toString(),
          "--uploads-root", Paths.sampleData("uploads").toString(), "--reports-root",
          reports.toString()});
      assertThat(code).as(b.toString(StandardCharsets.UTF_8)).isZero();
    }
    Path page = reports.resolve("report/dt=" + DAY + "/index.html");
    String url = page.toUri().toString();

    Result dom = run(chromium("--dump-dom", url));
    assertThat(dom.out()).contains("<section id=\"traffic\">", "<svg id=\"chart-requests\"",
        "<svg id=\"chart-bytes\"", "<svg id=\"chart-status\"", "<table id=\"table-top-url\">",
        "<table id=\"table-top-referrer\">", "<table id=\"table-top-agent\">",
        "<table id=\"table-sessions\">", "<table id=\"table-runs\">",
        "<table id=\"table-visitors-day\">", "<table id=\"table-visitors-rollup\">",
        "<table id=\"table-syslog\">", "<table id=\"table-exceptions\">",
        "<table id=\"table-owners\">", "<table id=\"table-duplicates\">",
        "<table id=\"table-image-problems\">");
    List<String> hourly = TsvFiles.fileRows(
        Paths.sampleData("expected/access-stats/dt=" + DAY + "/hourly.tsv"),
        "hour\trequests\tbytes\ts2xx\ts3xx\ts4xx\ts5xx");
    long total = 0;
    for (String row : hourly) {
      String[] c = row.split("\t");
      total += Long.parseLong(c[1]);
      assertThat(dom.out()).contains("data-series=\"requests\" data-label=\"" + c[0]
          + "\" data-v=\"" + c[1] + "\"");
    }
    assertThat(dom.out()).contains("id=\"total-requests\" data-v=\"" + total + "\"");
    List<String> consoleErrors = dom.err().lines()
        .filter(l -> l.contains("CONSOLE") || l.contains("Uncaught")
            || l.contains("ERR_NAME_NOT_RESOLVED") || l.contains("Not allowed to load"))
        .toList();
    assertThat(consoleErrors).as("console errors and network requests").isEmpty();

    Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
    Files.deleteIfExists(shot);
    run(chromium("--screenshot=" + shot, "--window-size=1000,9000", url));
    assertThat(shot).exists();
    byte[] png = Files.readAllBytes(shot);
    assertThat(png.length).isGreaterThan(20_000);
    assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    System.out.printf("report %s: %d bytes; screenshot %s%n", page, Files.size(page), shot);
  }
}
