package org.colony.jobs.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.io.RejectReason;
import org.colony.io.syslog.CombinedSyslogInputFormat;
import org.colony.io.syslog.SyslogKeys;
import org.colony.jobs.common.RejectSink;
import org.colony.testing.LocalHadoop;
import org.colony.testing.Multisets;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * syslog-stats through LocalJobRunner, checked against an independent computation
 * ({@link SyslogOracle}: regex and java.time parsing, {@link RegexMasker}, sets and sorting) on
 * sample-data and on generated lines built to put ties at the top/ cut and templates on many
 * hosts in many splits; and a few figures counted with grep in the sample files by hand.
 */
class SyslogStatsJobTest {
  private static final String DAY1 = "logs/syslog/dt=2026-11-24/syslog";
  private static final String DAY2 = "logs/syslog/dt=2026-11-25/syslog.gz";

  @TempDir
  Path tmp;

  private final SyslogStatsSpec spec = new SyslogStatsSpec();

  private Job run(Path out, int reducers, Consumer<Configuration> settings, Path... inputs)
      throws Exception {
    Configuration conf = LocalHadoop.conf(tmp);
    settings.accept(conf);
    Job job = Job.getInstance(conf, "syslog-stats test");
    job.getConfiguration().setBoolean(FileInputFormat.INPUT_DIR_RECURSIVE, true);
    FileInputFormat.setInputPaths(job, Arrays.stream(inputs)
        .map(p -> new org.apache.hadoop.fs.Path(p.toUri()))
        .toArray(org.apache.hadoop.fs.Path[]::new));
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(out.toUri()));
    job.setNumReduceTasks(reducers);
    spec.configure(job);
    assertThat(job.waitForCompletion(false)).as("job succeeded").isTrue();
    spec.afterSuccess(job, FileSystem.getLocal(conf), new org.apache.hadoop.fs.Path(out.toUri()));
    return job;
  }

  private static SyslogOracle oracle(boolean maskUsers, String... files) throws IOException {
    SyslogOracle o = new SyslogOracle(2026, maskUsers);
    for (String f : files) {
      for (byte[] line : lines(Paths.sampleData(f))) {
        o.add(new String(line, StandardCharsets.ISO_8859_1));
      }
    }
    return o;
  }

  private static List<String> rows(Path out, SyslogReportsView report) {
    return TsvFiles.rows(out.resolve(report.folder), report.header);
  }

  /** The report folders and headers, as a test spells them (not the job's constants). */
  private enum SyslogReportsView {
    HOURLY("hourly", "hour\thost\tapp\tseverity\tcount"),
    TEMPLATES("templates", "template\tcount\tfirst_seen\tlast_seen\thosts\tseverity\tapp\texample"),
    TOP("top", "rank\ttemplate\tcount\ttotal\tfirst_seen\tlast_seen\thosts\tseverity\tapp"
        + "\texample");

    final String folder;
    final String header;

    SyslogReportsView(String folder, String header) {
      this.folder = folder;
      this.header = header;
    }
  }

  private static void assertMatches(Path out, SyslogOracle oracle, int top) {
    Multisets.assertSameMultiset("hourly/", rows(out, SyslogReportsView.HOURLY),
        oracle.hourlyRows());
    Multisets.assertSameMultiset("templates/", rows(out, SyslogReportsView.TEMPLATES),
        oracle.templateRows());
    assertThat(rows(out, SyslogReportsView.TOP)).containsExactlyElementsOf(oracle.topRows(top));
    assertThat(out.resolve(SyslogReports.TOP_CANDIDATES)).doesNotExist();
  }

  private static void assertCounts(Job job, SyslogOracle oracle) throws IOException {
    Counters c = job.getCounters();
    long in = c.findCounter(RecordCounters.RECORDS_IN).getValue();
    long parsed = c.findCounter(RecordCounters.RECORDS_PARSED).getValue();
    long rejected = c.findCounter(RecordCounters.RECORDS_REJECTED).getValue();
    assertThat(in).isEqualTo(oracle.lines);
    assertThat(parsed).isEqualTo(oracle.parsed);
    assertThat(rejected).isEqualTo(oracle.rejected);
    assertThat(in).isEqualTo(parsed + rejected);
    assertThat(Arrays.stream(RejectReason.values()).mapToLong(r -> c.findCounter(r).getValue())
        .sum()).isEqualTo(rejected);
    assertThat(c.findCounter(SyslogStatsCounters.HOURLY_ROWS).getValue())
        .isEqualTo(oracle.hourlyRows().size());
    assertThat(c.findCounter(SyslogStatsCounters.TEMPLATES).getValue())
        .isEqualTo(oracle.templateCount());
    assertThat(c.findCounter(SyslogStatsCounters.LINES_WITHOUT_TIME).getValue())
        .isEqualTo(oracle.withoutTime);
  }

  @Test
  void bothDaysPlainAndGzipWithThreeReducersMatchTheIndependentComputation() throws Exception {
    SyslogOracle oracle = oracle(false, DAY1, DAY2);
    Path out = tmp.resolve("out");
    Job job = run(out, 3, conf -> { }, Paths.sampleData("logs/syslog"));

    assertMatches(out, oracle, 50);
    assertCounts(job, oracle);
    // the sample's documented counts: 3,234 + 3,438 lines, 9 + 7 rejected
    assertThat(oracle.lines).isEqualTo(6672);
    assertThat(oracle.rejected).isEqualTo(16);
    List<String> rejects = TsvFiles.rows(out.resolve(RejectSink.FOLDER),
        RejectSink.REPORT.header());
    assertThat(rejects).hasSize(16);
    assertThat(out.resolve("templates").toFile().list((d, n) -> n.startsWith("part-")))
        .as("a templates file per reducer").hasSize(3);

    // figures counted in the sample files with grep, not by either computation
    List<String> templates = rows(out, SyslogReportsView.TEMPLATES);
    assertThat(templates).contains("Failed password for root from <ip> port <num> ssh2\t49\t"
        + "2026-11-24T00:48:21Z\t2026-11-25T22:55:42.522Z\t3\t-\tsshd\t"
        + "Failed password for root from 203.0.113.44 port 40240 ssh2");
    assertThat(templates).anyMatch(r -> r.startsWith("[<num>] [UFW BLOCK] IN=eth0 OUT= MAC=<mac> "
        + "SRC=<ip> DST=<ip> LEN=<num> TOS=<hex> PREC=<hex> TTL=<num> ID=<num> PROTO=TCP "
        + "SPT=<num> DPT=<num> WINDOW=<num> RES=<hex> SYN URGP=<num>\t280\t"));
    List<String> top = rows(out, SyslogReportsView.TOP);
    assertThat(top).hasSize(2);
    assertThat(top.get(0)).startsWith("1\tslow query: <num> ms for GET <path>\t64\t64\t");
    assertThat(top.get(1)).isEqualTo("2\tpayment gateway timed out after <num> ms\t7\t7\t"
        + "2026-11-25T18:44:01.274Z\t2026-11-25T18:49:56.442Z\t1\terr\tshop-api\t"
        + "payment gateway timed out after 5000 ms");
  }

  @Test
  void maskedUsersAndASmallTopMatchTheIndependentComputation() throws Exception {
    SyslogOracle oracle = oracle(true, DAY1);
    Path out = tmp.resolve("out");
    Job job = run(out, 2, conf -> {
      SyslogStatsKeys.setMaskUsers(conf, true);
      SyslogStatsKeys.setTopN(conf, 1);
    }, Paths.sampleData(DAY1));
    assertMatches(out, oracle, 1);
    assertCounts(job, oracle);
    assertThat(rows(out, SyslogReportsView.TOP)).hasSize(1);
    // the option matters: user names fold templates together
    assertThat(oracle.templateCount()).isLessThan(oracle(false, DAY1).templateCount());
    assertThat(rows(out, SyslogReportsView.TEMPLATES))
        .anyMatch(r -> r.startsWith("Failed password for invalid user <user> from <ip> port "
            + "<num> ssh2\t"))
        .noneMatch(r -> r.startsWith("Failed password for invalid user admin "));
  }

  /**
   * Generated lines with PRI: 60 templates at warning or worse on up to 12 hosts, counts chosen
   * so that ties straddle the top 5 cut, lines of one template with equal times and other
   * messages, RFC 5424 lines without a time; in five files (two gzip) read in 2 KB splits and
   * reduced by four reducers.
   */
  @Test
  void generatedTiesHostsAndSplitsMatchTheIndependentComputation() throws Exception {
    List<String> lines = generated(new Random(2026));
    Path in = tmp.resolve("generated");
    writeFiles(in, lines, 5, 2);
    SyslogOracle oracle = new SyslogOracle(2026, false);
    lines.forEach(oracle::add);
    Path out = tmp.resolve("out");
    Job job = run(out, 4, conf -> {
      conf.setLong(FileInputFormat.SPLIT_MAXSIZE, 2 * 1024);
      conf.set(SyslogKeys.YEAR.name(), "2026");
      SyslogStatsKeys.setTopN(conf, 5);
    }, in);
    assertMatches(out, oracle, 5);
    assertCounts(job, oracle);
    assertThat(job.getCounters().findCounter(RecordCounters.FILES_READ).getValue())
        .as("splits read").isGreaterThan(15);

    // the data does what it was made for
    List<String> top = oracle.topRows(6);
    assertThat(top.get(4).split("\t")[2]).as("rank 5 and 6 tie")
        .isEqualTo(top.get(5).split("\t")[2]);
    assertThat(oracle.withoutTime).isPositive();
    assertThat(oracle.rejected).isEqualTo(1);
    assertThat(oracle.templateRows()).anyMatch(r -> Integer.parseInt(r.split("\t")[4]) >= 10);
  }

  /** Day 1 cut into 300 small files, read combined: the same reports. */
  @Test
  void smallFilesReadCombinedGiveTheSameReports() throws Exception {
    List<byte[]> all = lines(Paths.sampleData(DAY1));
    Path in = tmp.resolve("dt=2026-11-24");
    Files.createDirectories(in);
    int files = 300;
    for (int f = 0; f < files; f++) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int i = f * all.size() / files; i < (f + 1) * all.size() / files; i++) {
        b.write(all.get(i));
        b.write('\n');
      }
      Files.write(in.resolve(String.format("syslog-%03d", f)), b.toByteArray());
    }
    Path out = tmp.resolve("out");
    Job job = run(out, 2, conf -> conf.set(InputKeys.COMBINE.name(), "true"), in);
    assertThat(job.getInputFormatClass()).isEqualTo(CombinedSyslogInputFormat.class);
    SyslogOracle oracle = oracle(false, DAY1);
    assertMatches(out, oracle, 50);
    assertCounts(job, oracle);
    assertThat(job.getCounters().findCounter(RecordCounters.FILES_READ).getValue())
        .isEqualTo(files);
  }

  /** Lines for the ties-and-splits test, in time order but for a few late ones. */
  static List<String> generated(Random rnd) {
    List<String> lines = new ArrayList<>();
    // template k gets 20 - k/3 lines at warning or worse: three templates of each count, so
    // ranks 4 to 6 tie
    for (int k = 0; k < 60; k++) {
      int n = 20 - k / 3;
      for (int i = 0; i < n; i++) {
        int host = rnd.nextInt(k % 4 == 0 ? 12 : 3);
        int severity = rnd.nextInt(5);
        int second = rnd.nextInt(6 * 3600);
        String msg = "disk " + (char) ('a' + k % 26) + (k / 26) + " failing: " + rnd.nextInt(999)
            + " sectors at 0x" + Integer.toHexString(rnd.nextInt()) + " on "
            + "10.0." + rnd.nextInt(256) + "." + rnd.nextInt(256);
        lines.add(String.format("<%d>%s %2d %02d:%02d:%02d host%02d kernel: %s", 8 + severity,
            "Nov", 24, second / 3600, second / 60 % 60, second % 60, host, msg));
      }
    }
    // one template, one second, four messages: the example is the smallest bytes ("22 ")
    for (String port : new String[] {"2222", "99", "22", "2222"}) {
      lines.add("<38>Nov 24 05:00:00 host01 sshd[1]: Accepted password for amy from 192.0.2.1 "
          + "port " + port + " ssh2");
    }
    // info lines only: in templates/, never in top/
    for (int i = 0; i < 40; i++) {
      lines.add("<30>Nov 24 0" + (i % 6) + ":1" + (i % 10) + ":00 web" + (i % 7)
          + " systemd[1]: Started Session " + i + " of User u" + i + ".");
    }
    // RFC 5424 without a time, with and without PRI severity worse than warning
    lines.add("<11>1 - app1 shop-api 4345 ERR - cart 8812 is locked");
    lines.add("<11>1 - app2 shop-api 4345 ERR - cart 17 is locked");
    lines.add("<14>1 2026-11-24T03:00:00.5Z app1 shop-api 4345 - - cart 3 is locked");
    // a line without PRI, and one that is no syslog line
    lines.add("Nov 24 04:00:00 db1 postgres[3021]: [5-1] LOG:  checkpoint starting: time");
    lines.add("this is no syslog line");
    return lines;
  }

  /** Writes the lines round-robin into {@code files} files, the last {@code gzipped} as .gz. */
  static void writeFiles(Path dir, List<String> lines, int files, int gzipped)
      throws IOException {
    Files.createDirectories(dir);
    OutputStream[] outs = new OutputStream[files];
    for (int f = 0; f < files; f++) {
      boolean gz = f >= files - gzipped;
      Path p = dir.resolve("part-" + f + (gz ? ".log.gz" : ".log"));
      outs[f] = gz ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p);
    }
    try {
      for (int i = 0; i < lines.size(); i++) {
        OutputStream o = outs[i % files];
        o.write(lines.get(i).getBytes(StandardCharsets.ISO_8859_1));
        o.write('\n');
      }
    } finally {
      for (OutputStream o : outs) {
        o.close();
      }
    }
  }

  /** The lines of a plain or .gz file, without their line ends. */
  static List<byte[]> lines(Path file) throws IOException {
    byte[] all;
    try (InputStream in = file.toString().endsWith(".gz")
        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      ByteArrayOutputStream bo = new ByteArrayOutputStream();
      in.transferTo(bo);
      all = bo.toByteArray();
    }
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        lines.add(Arrays.copyOfRange(all, start, i));
        start = i + 1;
      }
    }
    if (start < all.length) {
      lines.add(Arrays.copyOfRange(all, start, all.length));
    }
    return lines;
  }
}
