package org.colony.io.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.colony.io.RejectReason;
import org.colony.testing.Paths;
import org.junit.jupiter.api.Test;

/**
 * A compiled format reads the lines it matches exactly as the auto parser does, and rejects the
 * others: on the real Beats test logs and on both sample days. Which lines match, and why the
 * others are rejected, is written down from the files.
 */
class LogFormatEquivalenceTest {
  private static final String DAY1 = "logs/access/dt=2026-11-24/access.log";
  private static final String DAY2 = "logs/access/dt=2026-11-25/access.log.gz";

  @Test
  void apacheBeatsLogUnderThePresets() throws IOException {
    List<byte[]> lines = lines(Paths.realdata("access/apache_access_test.log"));
    assertThat(lines).hasSize(7);
    // 1 and 3 are common, 2 and 6 combined, 4 and 5 combined with a "-" after the agent,
    // 7 combined after a vhost without a port.
    Map<Integer, RejectReason> combined = compare("combined", lines);
    assertThat(combined).containsOnlyKeys(1, 3, 4, 5, 7)
        .allSatisfy((line, reason) -> assertThat(reason).isEqualTo(RejectReason.FORMAT_MISMATCH));
    assertThat(compare("common", lines)).containsOnlyKeys(2, 4, 5, 6, 7);
    assertThat(compare("%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\" "
        + "\"%{X-Forwarded-For}i\"", lines)).containsOnlyKeys(1, 2, 3, 6, 7);
    assertThat(compare("%v %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"", lines))
        .containsOnlyKeys(1, 2, 3, 4, 5, 6);
    assertThat(compare("vhost_combined", lines)).as("line 7 has no :port")
        .containsOnlyKeys(1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void nginxBeatsLogUnderThePresetAndTwoServerFormats() throws IOException {
    List<byte[]> lines = lines(Paths.realdata("access/nginx_access_test.log"));
    assertThat(lines).hasSize(7);
    // 2 has a "-" after the agent; 5 logs a quoted forwarded-for list before the address, and 6
    // a list and then an address; 1 logs a list in the address's place, 7 an empty request.
    Map<Integer, RejectReason> nginx = compare("nginx", lines);
    assertThat(nginx).containsOnlyKeys(2, 5, 6)
        .allSatisfy((line, reason) -> assertThat(reason).isEqualTo(RejectReason.FORMAT_MISMATCH));
    assertThat(compare("$remote_addr - $remote_user [$time_local] \"$request\" $status "
        + "$body_bytes_sent \"$http_referer\" \"$http_user_agent\" \"$http_x_forwarded_for\"",
        lines)).containsOnlyKeys(1, 3, 4, 5, 6, 7);
    assertThat(compare("\"$http_x_forwarded_for\" $remote_addr - $remote_user [$time_local] "
        + "\"$request\" $status $body_bytes_sent \"$http_referer\" \"$http_user_agent\"", lines))
        .containsOnlyKeys(1, 2, 3, 4, 6, 7);
  }

  @Test
  void sampleDay1UnderCombined() throws IOException {
    List<byte[]> lines = lines(Paths.sampleData(DAY1));
    assertThat(lines).hasSize(3113);
    // sample-data/README.md, "Malformed lines"
    Map<Integer, RejectReason> expected = new TreeMap<>(Map.of(
        217, RejectReason.FORMAT_MISMATCH, // binary garbage without a space
        627, RejectReason.BAD_TIMESTAMP,
        924, RejectReason.FORMAT_MISMATCH, // an Apache error log line
        1228, RejectReason.BAD_REQUEST,
        1561, RejectReason.BLANK_LINE,
        1828, RejectReason.BAD_STATUS,
        2224, RejectReason.BAD_STATUS)); // the request's quote swallows status and bytes
    assertThat(compare("combined", lines)).isEqualTo(expected);
  }

  @Test
  void sampleDay2UnderNginx() throws IOException {
    List<byte[]> lines = lines(Paths.sampleData(DAY2));
    assertThat(lines).hasSize(3484);
    Map<Integer, RejectReason> expected = new TreeMap<>(Map.of(
        188, RejectReason.FORMAT_MISMATCH,
        561, RejectReason.BAD_TIMESTAMP, // [2026-11-25T08:..:..+00:00]
        956, RejectReason.BAD_TIMESTAMP,
        1431, RejectReason.BAD_REQUEST,
        1930, RejectReason.BLANK_LINE,
        2058, RejectReason.BAD_STATUS,
        2737, RejectReason.BAD_STATUS,
        3166, RejectReason.BAD_BYTES));
    // "10.5.102.222, 199.96.1.1, 204.246.1.1" 10.2.1.185 - - [...]: not nginx's default format
    TreeSet<Integer> quotedChains = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).length > 0 && lines.get(i)[0] == '"') {
        quotedChains.add(i + 1);
        expected.put(i + 1, RejectReason.FORMAT_MISMATCH);
      }
    }
    assertThat(quotedChains).hasSize(54);
    assertThat(compare("nginx", lines)).isEqualTo(expected);
  }

  /**
   * Parses every line with the format and with auto. A line the format matches must give the
   * record auto gives (auto parses it too).
   *
   * @return the rejected lines (numbered from 1) and why the format rejected them
   */
  private static Map<Integer, RejectReason> compare(String format, List<byte[]> lines) {
    AccessLineParser compiled = AccessLogFormats.parser(format);
    AccessLineParser auto = new AccessLogParser();
    Map<Integer, RejectReason> rejected = new TreeMap<>();
    AccessLogRecord a = new AccessLogRecord();
    AccessLogRecord c = new AccessLogRecord();
    int matched = 0;
    for (int i = 0; i < lines.size(); i++) {
      byte[] b = lines.get(i);
      String what = format + " line " + (i + 1) + ": " + new String(b, StandardCharsets.UTF_8);
      RejectReason autoReason = auto.parse(b, b.length, a);
      RejectReason reason = compiled.parse(b, b.length, c);
      if (reason == null) {
        assertThat(autoReason).as(what).isNull();
        assertThat(c).as(what).isEqualTo(a);
        assertThat(c.toString()).as(what).isEqualTo(a.toString());
        matched++;
      } else {
        rejected.put(i + 1, reason);
      }
    }
    assertThat(matched + rejected.size()).isEqualTo(lines.size());
    return rejected;
  }

  /** The lines of a plain or .gz file, without their line ends; the last may lack one. */
  private static List<byte[]> lines(Path file) throws IOException {
    byte[] all;
    try (InputStream in = file.toString().endsWith(".gz")
        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      all = in.readAllBytes();
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
