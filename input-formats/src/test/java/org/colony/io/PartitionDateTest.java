package org.colony.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PartitionDateTest {
  @Test
  void innermostDtFolderOrFileName() {
    assertThat(PartitionDate.of("hdfs://nn:8020/logs/syslog/dt=2026-11-25/syslog.gz"))
        .isEqualTo(LocalDate.of(2026, 11, 25));
    assertThat(PartitionDate.of("/logs/dt=2026-11-24/host=web1/dt=2026-11-25/x"))
        .isEqualTo(LocalDate.of(2026, 11, 25));
    assertThat(PartitionDate.of("/logs/dt=2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(PartitionDate.of("dt=2027-01-01/")).isEqualTo(LocalDate.of(2027, 1, 1));
    // an invalid inner one does not hide a valid outer one
    assertThat(PartitionDate.of("/logs/dt=2026-11-25/dt=2026-02-30/x"))
        .isEqualTo(LocalDate.of(2026, 11, 25));
  }

  @Test
  void noPartition() {
    assertThat(PartitionDate.of("/logs/syslog/syslog.gz")).isNull();
    assertThat(PartitionDate.of("/logs/dt=2026-11-5/x")).isNull();
    assertThat(PartitionDate.of("/logs/dt=2026-13-01/x")).isNull();
    assertThat(PartitionDate.of("/logs/dt=2023-02-29/x")).isNull();
    assertThat(PartitionDate.of("/logs/xdt=2026-11-25/x")).isNull();
    assertThat(PartitionDate.of("/logs/dt=2026-11-25x/x")).isNull();
    assertThat(PartitionDate.of("/logs/dt=2026+11+25/x")).isNull();
    assertThat(PartitionDate.of("")).isNull();
  }
}
