package org.colony.io.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.colony.testing.Multisets.assertSameMultiset;

import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.testing.LineFiles;
import org.colony.testing.LineFiles.Line;
import org.colony.testing.SplitReads;
import org.colony.testing.SplitReads.Read;
import org.colony.testing.SplitReads.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 1,000 small syslog files: a handful of combined splits, the same records as the plain format. */
class CombinedSyslogInputFormatTest {
  @TempDir
  Path dir;

  @Test
  void thousandSmallFilesMakeFewSplitsAndTheSameRecords() throws Exception {
    List<Line> lines = SyslogLines.generate(20_000, 5, 2000);
    int files = 1000;
    int per = lines.size() / files;
    for (int f = 0; f < files; f++) {
      var out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("syslog-" + f)));
      LineFiles.write(out, lines.subList(f * per, (f + 1) * per), "\n", false, true);
    }
    Configuration conf = new Configuration();
    conf.setInt(InputKeys.MAX_LINE_BYTES.name(), 2000);
    conf.set(InputKeys.COMBINE_SPLIT_BYTES.name(), "1m");
    conf.set(SyslogKeys.YEAR.name(), "2026");
    List<org.apache.hadoop.fs.Path> in = List.of(new org.apache.hadoop.fs.Path(dir.toUri()));
    Result plain = SplitReads.readAll(new SyslogInputFormat(), conf, in, SyslogLines::fingerprint);
    Result combined = SplitReads.readAll(new CombinedSyslogInputFormat(), conf, in,
        SyslogLines::fingerprint);
    assertThat(plain.splits()).isEqualTo(files);
    assertThat(combined.splits()).isLessThan(10);
    assertSameMultiset("combined vs plain", combined.reads().stream().map(Read::fingerprint)
        .toList(), plain.reads().stream().map(Read::fingerprint).toList());
    assertThat(combined.reads()).hasSize(lines.size());
    assertThat(combined.counters().get(RecordCounters.FILES_READ)).isEqualTo(files);
  }
}
