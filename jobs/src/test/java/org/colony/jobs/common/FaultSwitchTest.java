package org.colony.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.colony.testing.Paths;
import org.junit.jupiter.api.Test;

class FaultSwitchTest {

  private static FaultSwitch of(Configuration conf, TaskType type, int attempt) {
    return FaultSwitch.of(new TaskAttemptContextImpl(conf,
        new TaskAttemptID("1795738697210", 3, type, 0, attempt)));
  }

  private static void records(FaultSwitch f, int n) throws IOException {
    for (int i = 0; i < n; i++) {
      f.record();
    }
  }

  @Test
  void offByDefault() throws IOException {
    records(of(new Configuration(false), TaskType.MAP, 0), 100_000);
  }

  @Test
  void theFirstAttemptsOfAMapTaskFailAfterTheirRecordsAndLaterOnesDoNot() throws IOException {
    Configuration conf = new Configuration(false);
    conf.setInt(JobKeys.FAIL_MAP_ATTEMPTS.name(), 2);
    conf.setInt(JobKeys.FAIL_MAP_AFTER_RECORDS.name(), 10);
    for (int attempt : new int[] {0, 1}) {
      FaultSwitch f = of(conf, TaskType.MAP, attempt);
      records(f, 10);
      assertThatThrownBy(f::record).isInstanceOf(IOException.class)
          .hasMessageContaining("colony.test.fail.map.attempts")
          .hasMessageContaining("_m_000000_" + attempt).hasMessageContaining("after 10 records");
    }
    records(of(conf, TaskType.MAP, 2), 1000);
    records(of(conf, TaskType.REDUCE, 0), 1000);
  }

  @Test
  void disableTurnsItOff() throws IOException {
    Configuration conf = new Configuration(false);
    conf.setInt(JobKeys.FAIL_MAP_ATTEMPTS.name(), 1);
    conf.setInt(JobKeys.FAIL_MAP_AFTER_RECORDS.name(), 0);
    assertThatThrownBy(() -> of(conf, TaskType.MAP, 0).record()).isInstanceOf(IOException.class);
    FaultSwitch.disable(conf);
    records(of(conf, TaskType.MAP, 0), 1000);
  }

  /** The switch works for every job only if every mapper counts its records with it. */
  @Test
  void everyMapperCountsItsRecordsWithTheSwitch() throws IOException {
    Path jobs = Paths.root().resolve("jobs/src/main/java");
    List<Path> mappers;
    try (Stream<Path> s = Files.walk(jobs)) {
      mappers = s.filter(p -> p.toString().endsWith(".java")).filter(p -> {
        try {
          return Files.readString(p).matches("(?s).*\\bextends\\s+Mapper\\s*<.*");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).toList();
    }
    assertThat(mappers).isNotEmpty();
    for (Path m : mappers) {
      assertThat(Files.readString(m)).as(jobs.relativize(m).toString())
          .contains("FaultSwitch.of(context)", ".record();");
    }
  }
}
