package org.colony.io.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.colony.testing.Multisets.assertSameMultiset;

import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
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

/** 1,000 small log files: a handful of combined splits, the same records as the plain format. */
class CombinedAccessLogInputFormatTest {
  @TempDir
  Path dir;

  @Test
  void thousandSmallFilesMakeFewSplitsAndTheSameRecords() throws Exception {
    List<Line> lines = AccessLogLines.generate(20_000, 11, 2000);
    int files = 1000;
    int per = lines.size() / files;
    for (int f = 0; f < files; f++) {
      List<Line> chunk = lines.subList(f * per, (f + 1) * per);
      String name = String.format("part-%04d.log", f) + (f % 10 == 0 ? ".gz" : "");
      var out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)));
      LineFiles.write(f % 10 == 0 ? new GZIPOutputStream(out) : out, chunk, "\n", false, true);
    }
    Configuration conf = new Configuration();
    conf.setInt(InputKeys.MAX_LINE_BYTES.name(), 2000);
    conf.set(InputKeys.COMBINE_SPLIT_BYTES.name(), "1m");

    Result plain = readAll(conf, dir);
    Result combined = SplitReads.readAll(new CombinedAccessLogInputFormat(), conf,
        List.of(new org.apache.hadoop.fs.Path(dir.toUri())), AccessLogLines::fingerprint);
    assertThat(plain.splits()).isEqualTo(files);
    long bytes = Files.list(dir).mapToLong(p -> p.toFile().length()).sum();
    assertThat(combined.splits()).as("combined splits for %d bytes", bytes)
        .isLessThanOrEqualTo((int) (bytes / (1 << 20)) + 2).isLessThan(10);
    assertSameMultiset("combined vs plain", fingerprints(combined), fingerprints(plain));
    assertThat(combined.reads()).hasSize(lines.size());
    assertThat(combined.counters().get(RecordCounters.FILES_READ)).isEqualTo(files);
    assertThat(combined.counters().get(RecordCounters.RECORDS_IN)).isEqualTo(lines.size());
  }

  private static List<String> fingerprints(Result r) {
    return r.reads().stream().map(Read::fingerprint).toList();
  }
  private static Result readAll(Configuration conf, Path dir) throws Exception {
    return SplitReads.readAll(new AccessLogInputFormat(), conf,
        List.of(new org.apache.hadoop.fs.Path(dir.toUri())), AccessLogLines::fingerprint);
  }
}
