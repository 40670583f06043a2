package org.colony.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The colony command through its entry point, on LocalJobRunner. */
class ColonyToolTest {
  private static final String TOP_HEADER = "dimension\trank\tvalue\thits";

  @TempDir
  Path tmp;
  private Configuration conf;
  private String day1;

  @BeforeEach
  void setUp() {
    conf = LocalHadoop.conf(tmp);
    day1 = Paths.sampleData("logs/access/dt=2026-11-24").toString();
  }

  @Test
  void helpListsCommandsAndExitCodes() throws Exception {
    ColonyCli r = ColonyCli.run(conf, "help");
    assertThat(r.exit).isZero();
    assertThat(r.out).contains("access-stats", "list", "Exit codes", "0  success",
        "1  a job failed", "2  usage or path error", "-D key=value");
    ColonyCli list = ColonyCli.run(conf, "list");
    assertThat(list.exit).isZero();
    assertThat(list.out.lines()).anyMatch(l -> l.startsWith("access-stats ") && l.contains("top"));
    assertThat(ColonyCli.run(conf).exit).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void commandHelpShowsItsOwnAndCommonOptions() throws Exception {
    ColonyCli r = ColonyCli.run(conf, "access-stats", "--help");
    assertThat(r.exit).isZero();
    assertThat(r.out).contains("--input", "--output", "--reducers", "--overwrite", "--top",
        "--keep-query", "colony.access-stats.top.n", "hourly/");
  }

  @Test
  void userErrorsAreOneLineAndExitTwo() throws Exception {
    Path out = tmp.resolve("out");
    List<String[]> bad = List.of(
        new String[] {"no-such-command"},
        new String[] {"access-stats", "--output", out.toString()},
        new String[] {"access-stats", "--input", day1},
        new String[] {"access-stats", "--input", day1, "--output", out.toString(), "--reducers", "0"},
        new String[] {"access-stats", "--input", day1, "--output", out.toString(), "--reducers", "x"},
        new String[] {"access-stats", "--input", day1, "--output", out.toString(), "--bogus"},
        new String[] {"access-stats", "--input", day1, "--output", out.toString(), "--top", "0"},
        new String[] {"access-stats", "--input", tmp.resolve("missing").toString(), "--output",
            out.toString()},
        new String[] {"access-stats", "--input", day1, "--output", day1 + "/sub"});
    for (String[] args : bad) {
      ColonyCli r = ColonyCli.run(conf, args);
      assertThat(r.exit).as(String.join(" ", args) + "\n" + r).isEqualTo(ExitCode.USAGE);
      assertThat(r.err.strip().lines().count()).as(r.toString()).isEqualTo(1);
      assertThat(r.err).doesNotContain("Exception", "\tat ");
      assertThat(out).doesNotExist();
    }
    assertThat(Path.of(day1, "sub")).doesNotExist();
  }

  @Test
  void aBadLogFormatIsOneLineNamingTheDirectiveAndExitsTwo() throws Exception {
    Path out = tmp.resolve("out");
    ColonyCli r = ColonyCli.run(conf, "access-stats", "--input", day1, "--output",
        out.toString(), "--format", "%h %Q");
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err.strip()).isEqualTo("colony access-stats: colony.access.format: unknown "
        + "directive %Q at position 4 of log format '%h %Q'");
    ColonyCli quote = ColonyCli.run(conf, "access-stats", "-D",
        "colony.access.format=%h %t \"%r %>s", "--input", day1, "--output", out.toString());
    assertThat(quote.exit).as(quote.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(quote.err.strip().lines().count()).as(quote.toString()).isEqualTo(1);
    assertThat(quote.err).contains("unbalanced quote at position 7").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
    assertThat(siblings(out)).doesNotContain("out").allMatch(n -> !n.startsWith(".out."));
  }

  @Test
  void formatOptionReadsDay1AsCombined() throws Exception {
    Path out = tmp.resolve("combined");
    ColonyCli r = ColonyCli.run(conf, "access-stats", "--input", day1, "--output",
        out.toString(), "--format", "combined");
    assertThat(r.exit).as(r.toString()).isZero();
    Path expected = Paths.sampleData("expected/access-stats/dt=2026-11-24");
    String hourly = "hour\trequests\tbytes\ts2xx\ts3xx\ts4xx\ts5xx";
    assertThat(TsvFiles.rows(out.resolve("hourly"), hourly))
        .containsExactlyInAnyOrderElementsOf(TsvFiles.fileRows(expected.resolve("hourly.tsv"),
            hourly));
    assertThat(TsvFiles.rows(out.resolve("top"), TOP_HEADER))
        .containsExactlyElementsOf(TsvFiles.fileRows(expected.resolve("top.tsv"), TOP_HEADER));
    List<String> rejects = TsvFiles.rows(out.resolve("_rejects"), "file\toffset\treason\tline");
    assertThat(rejects).hasSize(7);
    assertThat(rejects.stream().filter(row -> row.contains("\tFORMAT_MISMATCH\t"))).hasSize(2);

    ColonyCli help = ColonyCli.run(conf, "access-stats", "--help");
    assertThat(help.out).contains("--format", "colony.access.format", "vhost_combined");
  }

  @Test
  void runPublishesCompleteOutputAndRefusesToOverwriteWithoutTheFlag() throws Exception {
    Path out = tmp.resolve("reports/access/dt=2026-11-24");
    ColonyCli r = ColonyCli.run(conf, "access-stats", "--input", day1, "--output", out.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("succeeded", "records  in", "reducers 1");
    assertThat(out.resolve("_SUCCESS")).exists();
    for (String report : List.of("hourly", "urls", "clients", "top", "_rejects")) {
      assertThat(out.resolve(report)).isDirectory();
    }
    Map<String, Object> manifest = Manifest.read(FileSystem.getLocal(conf),
        new org.apache.hadoop.fs.Path(out.toUri()));
    @SuppressWarnings("unchecked")
    Map<String, Number> records = (Map<String, Number>) manifest.get("records");
    assertThat(records.get("in").longValue()).isPositive()
        .isEqualTo(records.get("parsed").longValue() + records.get("rejected").longValue());
    assertThat(manifest).containsKeys("runId", "inputs", "reducers", "outputFiles", "durationMs");
    assertThat(manifest.get("job")).isEqualTo("access-stats");
    assertThat(siblings(out)).containsExactly("dt=2026-11-24");

    Map<String, String> before = snapshot(out);
    ColonyCli again = ColonyCli.run(conf, "access-stats", "--input", day1, "--output",
        out.toString());
    assertThat(again.exit).isEqualTo(ExitCode.USAGE);
    assertThat(again.err).contains("output exists").contains("--overwrite");
    assertThat(snapshot(out)).isEqualTo(before);

    ColonyCli replace = ColonyCli.run(conf, "access-stats", "--input", day1, "--output",
        out.toString(), "--overwrite", "--reducers", "2");
    assertThat(replace.exit).as(replace.toString()).isZero();
    Map<String, Object> second = Manifest.read(FileSystem.getLocal(conf),
        new org.apache.hadoop.fs.Path(out.toUri()));
    assertThat(second.get("runId")).isNotEqualTo(manifest.get("runId"));
    assertThat(second.get("reducers").toString()).contains("count=2", "explicit");
    assertThat(siblings(out)).containsExactly("dt=2026-11-24");
  }

  @Test
  void genericOptionsWorkBeforeTheCommandAndBeforeItsOptions() throws Exception {
    Path a = tmp.resolve("a");
    ColonyCli r1 = ColonyCli.run(conf, "access-stats", "-D", "colony.access-stats.top.n=2",
        "--input", day1, "--output", a.toString());
    assertThat(r1.exit).as(r1.toString()).isZero();
    assertThat(TsvFiles.rows(a.resolve("top"), TOP_HEADER)).hasSize(6);

    Path b = tmp.resolve("b");
    ColonyCli r2 = ColonyCli.run(conf, "-D", "colony.access-stats.top.n=3", "access-stats",
        "--input", day1, "--output", b.toString());
    assertThat(r2.exit).as(r2.toString()).isZero();
    assertThat(TsvFiles.rows(b.resolve("top"), TOP_HEADER)).hasSize(9);

    Path c = tmp.resolve("c");
    ColonyCli r3 = ColonyCli.run(conf, "access-stats", "--input", day1, "--output", c.toString(),
        "--top", "1");
    assertThat(r3.exit).as(r3.toString()).isZero();
    assertThat(TsvFiles.rows(c.resolve("top"), TOP_HEADER)).hasSize(3);
  }

  @Test
  void tooManyRejectsFailsNamingALineAndPublishesNothing() throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      log.append("10.1.2.").append(i).append(" - - [24/Nov/2026:10:00:0").append(i)
          .append(" +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"x\"\n");
    }
    log.append("this is not an access log line\n");
    log.append("10.1.2.3 - - [24/Nov/2026:10:00:00 +0000] \"GET /a HTTP/1.1\" abc 10\n");
    Files.writeString(in.resolve("bad.log"), log, StandardCharsets.UTF_8);

    Path out = tmp.resolve("out");
    ColonyCli r = ColonyCli.run(conf, "access-stats", "--input", in.toString(), "--output",
        out.toString());
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(r.err).contains("2 of 12 records rejected", "colony.rejects.max.fraction",
        "bad.log at byte ", "BAD_TIMESTAMP");
    assertThat(out).doesNotExist();
    assertThat(siblings(out)).contains("in").noneMatch(n -> n.startsWith(".") || n.equals("out"));

    ColonyCli ok = ColonyCli.run(conf, "access-stats", "-D", "colony.rejects.max.fraction=0.5",
        "--input", in.toString(), "--output", out.toString());
    assertThat(ok.exit).as(ok.toString()).isZero();
    List<String> rejects = TsvFiles.rows(out.resolve("_rejects"), "file\toffset\treason\tline");
    assertThat(rejects).hasSize(2);
    int secondBad = log.indexOf("10.1.2.3 - - [24/Nov/2026:10:00:00 +0000] \"GET /a HTTP/1.1\" abc");
    assertThat(rejects).anyMatch(row -> row.contains("\t" + secondBad + "\tBAD_STATUS\t"));
    assertThat(ok.out).contains("rejected 2 (16.67%)");
  }

  @Test
  void explainPrintsTheDecisionAndRunsNothing() throws Exception {
    Path out = tmp.resolve("explained");
    ColonyCli r = ColonyCli.run(conf, "access-stats", "--input", day1, "--output",
        out.toString(), "--explain");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("reducers: 1 (estimate)", "1. input: 1 file(s)",
        "expected shuffle", "map-output ratio (sample:", "reduce slots: local mode");
    assertThat(out).doesNotExist();
    assertThat(ColonyCli.run(conf, "history", "access-stats").out).contains("no runs");
  }

  @Test
  void historyListsEachRunWithPredictedAndActualShuffle() throws Exception {
    for (int i = 0; i < 2; i++) {
      ColonyCli r = ColonyCli.run(conf, "access-stats", "--input", day1, "--output",
          tmp.resolve("h" + i).toString(), "--metrics-file", tmp.resolve("m.prom").toString());
      assertThat(r.exit).as(r.toString()).isZero();
    }
    ColonyCli h = ColonyCli.run(conf, "history", "access-stats");
    assertThat(h.exit).as(h.toString()).isZero();
    List<String> rows = h.out.lines().filter(l -> l.startsWith("access-stats-")).toList();
    assertThat(rows).hasSize(2).allMatch(l -> l.endsWith("succeeded"));
    assertThat(h.out.lines().findFirst().orElse("")).contains("predicted", "shuffle", "reducers");
    assertThat(Files.readString(tmp.resolve("m.prom"))).contains("colony_run_success");
    assertThat(ColonyCli.run(conf, "history", "nope").exit).isEqualTo(ExitCode.USAGE);
    assertThat(ColonyCli.run(conf, "history").exit).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void sessionsCommandPublishesSessionsAndSummary() throws Exception {
    ColonyCli list = ColonyCli.run(conf, "list");
    assertThat(list.out.lines()).anyMatch(l -> l.startsWith("sessions ") && l.contains("median"));
    ColonyCli help = ColonyCli.run(conf, "sessions", "--help");
    assertThat(help.exit).isZero();
    assertThat(help.out).contains("--visitor", "--gap", "colony.sessions.visitor",
        "colony.sessions.gap", "sessions/", "summary/");

    Path out = tmp.resolve("reports/sessions/all");
    ColonyCli r = ColonyCli.run(conf, "sessions", "--input",
        Paths.sampleData("logs/access").toString(), "--output", out.toString(), "--gap", "15m",
        "--visitor", "client");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("sessions succeeded", "rejected 15", "sessions/ summary/");
    assertThat(out.resolve("_SUCCESS")).exists();
    assertThat(out.resolve("_rejects")).isDirectory();
    assertThat(out.resolve("_summary")).doesNotExist();
    Map<String, Object> manifest = Manifest.read(FileSystem.getLocal(conf),
        new org.apache.hadoop.fs.Path(out.toUri()));
    assertThat(manifest.get("job")).isEqualTo("sessions");
    assertThat(manifest.get("commandLine").toString()).contains("--gap", "15m");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Number>> counters =
        (Map<String, Map<String, Number>>) manifest.get("counters");
    long sessions = counters.get("org.colony.jobs.sessions.SessionsCounters").get("SESSIONS")
        .longValue();

    List<String> rows = TsvFiles.rows(out.resolve("sessions"),
        "visitor_hash\tstart\tend\tduration_s\thits\tentry_path\texit_path\tbytes");
    assertThat(rows).hasSize((int) sessions);
    List<String> summary = TsvFiles.rows(out.resolve("summary"), "day\tsessions\tvisitors\thits"
        + "\tbounces\tbounce_rate\tmedian_duration_s\tp90_duration_s\thits_per_session");
    assertThat(summary).extracting(l -> l.split("\t")[0])
        .containsExactly("2026-11-23", "2026-11-24", "2026-11-25");
    assertThat(summary.stream().mapToLong(l -> Long.parseLong(l.split("\t")[1])).sum())
        .isEqualTo(sessions);
    // a 15-minute gap and the client alone: no session has a hit more than 15 minutes after the
    // previous one, so none is longer than its hits allow
    assertThat(rows).allSatisfy(row -> {
      String[] c = row.split("\t");
      assertThat(Long.parseLong(c[3])).isLessThanOrEqualTo((Long.parseLong(c[4]) - 1) * 15 * 60);
    });
  }

  @Test
  void badSessionsOptionsAreOneLineAndExitTwo() throws Exception {
    Path out = tmp.resolve("out");
    for (String[] opt : List.of(new String[] {"--gap", "0"}, new String[] {"--gap", "30 min"},
        new String[] {"--visitor", "ip"})) {
      ColonyCli r = ColonyCli.run(conf, "sessions", "--input", day1, "--output", out.toString(),
          opt[0], opt[1]);
      assertThat(r.exit).as(r.toString()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err.strip().lines().count()).as(r.toString()).isEqualTo(1);
      assertThat(r.err).contains(opt[0]).doesNotContain("Exception", "\tat ");
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void syslogStatsCommandPublishesHourlyTemplatesAndTop() throws Exception {
    ColonyCli list = ColonyCli.run(conf, "list");
    assertThat(list.out.lines()).anyMatch(l -> l.startsWith("syslog-stats ")
        && l.contains("templates"));
    ColonyCli help = ColonyCli.run(conf, "syslog-stats", "--help");
    assertThat(help.exit).isZero();
    assertThat(help.out).contains("--top", "--mask-users", "colony.syslog-stats.top.n",
        "colony.syslog-stats.mask.users", "hourly/", "templates/", "top/");

    Path out = tmp.resolve("reports/syslog/all");
    ColonyCli r = ColonyCli.run(conf, "syslog-stats", "--input",
        Paths.sampleData("logs/syslog").toString(), "--output", out.toString(), "--top", "1",
        "--mask-users", "--reducers", "2");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("syslog-stats succeeded", "rejected 16", "reducers 2",
        "hourly/ templates/ top/ _rejects/");
    assertThat(out.resolve("_SUCCESS")).exists();
    assertThat(out.resolve("_rejects")).isDirectory();
    assertThat(out.resolve("_top")).doesNotExist();
    assertThat(out.resolve("_reducers")).doesNotExist();
    Map<String, Object> manifest = Manifest.read(FileSystem.getLocal(conf),
        new org.apache.hadoop.fs.Path(out.toUri()));
    assertThat(manifest.get("job")).isEqualTo("syslog-stats");
    assertThat(manifest.get("commandLine").toString()).contains("--mask-users", "--top");
    @SuppressWarnings("unchecked")
    Map<String, Number> records = (Map<String, Number>) manifest.get("records");
    // sample-data/README.md: 3,234 + 3,438 lines, 9 + 7 rejected
    assertThat(records.get("in").longValue()).isEqualTo(6672);
    assertThat(records.get("parsed").longValue()).isEqualTo(6656);
    assertThat(records.get("rejected").longValue()).isEqualTo(16);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Number>> counters =
        (Map<String, Map<String, Number>>) manifest.get("counters");
    Map<String, Number> mine = counters.get("org.colony.jobs.syslog.SyslogStatsCounters");

    String templatesHeader = "template\tcount\tfirst_seen\tlast_seen\thosts\tseverity\tapp"
        + "\texample";
    List<String> templates = TsvFiles.rows(out.resolve("templates"), templatesHeader);
    assertThat(templates).hasSize(mine.get("TEMPLATES").intValue());
    assertThat(templates.stream().mapToLong(l -> Long.parseLong(l.split("\t")[1])).sum())
        .isEqualTo(6656);
    assertThat(templates).anyMatch(l -> l.startsWith("Failed password for invalid user <user> "
        + "from <ip> port <num> ssh2\t"));
    List<String> hourly = TsvFiles.rows(out.resolve("hourly"),
        "hour\thost\tapp\tseverity\tcount");
    assertThat(hourly).hasSize(mine.get("HOURLY_ROWS").intValue());
    assertThat(hourly.stream().mapToLong(l -> Long.parseLong(l.split("\t")[4])).sum())
        .isEqualTo(6656);
    assertThat(TsvFiles.rows(out.resolve("top"), "rank\ttemplate\tcount\ttotal\tfirst_seen"
        + "\tlast_seen\thosts\tseverity\tapp\texample"))
        .singleElement().asString().startsWith("1\tslow query: <num> ms for GET <path>\t64\t64\t");
  }

  @Test
  void badSyslogStatsOptionsAreOneLineAndExitTwo() throws Exception {
    Path out = tmp.resolve("out");
    String syslog = Paths.sampleData("logs/syslog").toString();
    for (String[] opt : List.of(new String[] {"--top", "0"}, new String[] {"--top", "x"},
        new String[] {"-D", "colony.syslog-stats.mask.users=maybe"},
        new String[] {"-D", "colony.syslog.timezone=Mars/Olympus"})) {
      ColonyCli r = ColonyCli.run(conf, "syslog-stats", opt[0], opt[1], "--input", syslog,
          "--output", out.toString());
      assertThat(r.exit).as(r.toString()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err.strip().lines().count()).as(r.toString()).isEqualTo(1);
      assertThat(r.err).doesNotContain("Exception", "\tat ");
      assertThat(out).doesNotExist();
    }
  }

  private static List<String> siblings(Path p) throws IOException {
    try (Stream<Path> s = Files.list(p.getParent())) {
      return s.map(x -> x.getFileName().toString()).sorted().toList();
    }
  }

  /** Every file under a folder with its size and modification time. */
  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : new ArrayList<>(s.filter(Files::isRegularFile).toList())) {
        m.put(dir.relativize(f).toString(), Files.size(f) + "@" + Files.getLastModifiedTime(f));
      }
    }
    return m;
  }
}
