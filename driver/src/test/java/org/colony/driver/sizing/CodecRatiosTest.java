package org.colony.driver.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.colony.driver.InputSet;
import org.colony.testing.Paths;
import org.junit.jupiter.api.Test;

class CodecRatiosTest {

  private static Map<String, Object> run(String outcome, long bytesRead, Map<String, Long> byCodec) {
    return Map.of("outcome", outcome, "bytesRead", bytesRead, "inputByCodec", byCodec);
  }

  @Test
  void learnsFromRunsWithOneCompressedCodecOnly() {
    assertThat(CodecRatios.fromRun(run("succeeded", 1000 + 9 * 100, Map.of("none", 1000L,
        "gz", 100L)), "gz")).isEqualTo(9.0);
    assertThat(CodecRatios.fromRun(run("succeeded", 5000, Map.of("gz", 100L, "bz2", 100L)),
        "gz")).as("two codecs cannot be told apart").isNull();
    assertThat(CodecRatios.fromRun(run("failed", 900, Map.of("gz", 100L)), "gz")).isNull();
    assertThat(CodecRatios.fromRun(run("succeeded", 900, Map.of("none", 900L)), "gz")).isNull();
    assertThat(CodecRatios.fromRun(run("succeeded", 50, Map.of("gz", 100L)), "gz"))
        .as("a ratio under 1 is not a compression ratio").isNull();
  }

  @Test
  void historyMedianWinsOverSampleAndDefault() throws Exception {
    InputSet inputs = InputSet.resolve(new Configuration(),
        List.of(Paths.sampleData("logs/access/dt=2026-11-25").toString()));
    List<Map<String, Object>> history = List.of(run("succeeded", 700, Map.of("gz", 100L)),
        run("succeeded", 900, Map.of("gz", 100L)), run("succeeded", 2000, Map.of("gz", 100L)),
        run("succeeded", 5000, Map.of("gz", 100L, "zst", 9L)));
    Estimate e = CodecRatios.estimate("gz", inputs, history, new Configuration(), 1 << 20);
    assertThat(e.source()).isEqualTo("history");
    assertThat(e.value()).isEqualTo(9.0);
  }

  @Test
  void sampleDecompressesTheStartOfARealFile() throws Exception {
    Path gz = Paths.sampleData("logs/access/dt=2026-11-25/access.log.gz");
    InputSet inputs = InputSet.resolve(new Configuration(), List.of(gz.toString()));
    Estimate e = CodecRatios.estimate("gz", inputs, List.of(), new Configuration(), 1 << 20);
    // the truth, with java.util.zip: the whole file is smaller than the sample
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      in.transferTo(all);
    }
    double truth = all.size() / (double) Files.size(gz);
    assertThat(e.source()).isEqualTo("sample");
    assertThat(e.value()).isCloseTo(truth, org.assertj.core.data.Percentage.withPercentage(1));
  }

  @Test
  void defaultsWithoutHistoryOrSample() throws Exception {
    InputSet inputs = InputSet.resolve(new Configuration(),
        List.of(Paths.sampleData("logs/access/dt=2026-11-25").toString()));
    Estimate e = CodecRatios.estimate("gz", inputs, List.of(), new Configuration(), 0);
    assertThat(e.source()).isEqualTo("default");
    assertThat(e.value()).isEqualTo(8.0);
    assertThat(CodecRatios.estimate("none", inputs, List.of(), new Configuration(), 0).value())
        .isEqualTo(1.0);
  }
}
