package org.colony.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.colony.testing.Multisets.assertSameMultiset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.colony.io.InputKeys;
import org.colony.io.RecordCounters;
import org.colony.testing.Paths;
import org.colony.testing.SplitReads;
import org.colony.testing.SplitReads.Read;
import org.colony.testing.SplitReads.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A day of application log cut into 400 files: few combined splits, the same events. */
class CombinedEventInputFormatTest {
  @TempDir
  Path dir;

  @Test
  void smallFilesMakeFewSplitsAndTheSameEvents() throws Exception {
    List<String> lines = Files.readAllLines(Paths.sampleData("logs/app/dt=2026-11-24/app.log"),
        StandardCharsets.ISO_8859_1);
    int files = 400;
    for (int f = 0; f < files; f++) {
      List<String> part = lines.subList(f * lines.size() / files, (f + 1) * lines.size() / files);
      Files.write(dir.resolve(String.format("app-%03d.log", f)), part, StandardCharsets.ISO_8859_1);
    }
    Configuration conf = new Configuration();
    conf.set(InputKeys.COMBINE_SPLIT_BYTES.name(), "256k");
    List<org.apache.hadoop.fs.Path> in = List.of(new org.apache.hadoop.fs.Path(dir.toUri()));
    Result plain = SplitReads.readAll(new EventInputFormat(), conf, in,
        r -> EventReads.fingerprint(r, true));
    Result combined = SplitReads.readAll(new CombinedEventInputFormat(), conf, in,
        r -> EventReads.fingerprint(r, true));
    assertThat(plain.splits()).isEqualTo(files);
    assertThat(combined.splits()).isLessThan(10);
    assertSameMultiset("combined vs plain", combined.reads().stream().map(Read::fingerprint)
        .toList(), plain.reads().stream().map(Read::fingerprint).toList());
    assertThat(combined.counters().get(RecordCounters.FILES_READ)).isEqualTo(files);
    assertThat(combined.counters().get(RecordCounters.RECORDS_IN))
        .isEqualTo(plain.counters().get(RecordCounters.RECORDS_IN)).isGreaterThan(3000);
  }
}
