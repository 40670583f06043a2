package org.colony.driver;

import java.util.List;
import java.util.Optional;
import org.colony.jobs.JobSpec;
import org.colony.jobs.access.AccessStatsSpec;
import org.colony.jobs.exceptions.ExceptionsSpec;
import org.colony.jobs.grep.GrepSpec;
import org.colony.jobs.inventory.InventorySpec;
import org.colony.jobs.packs.PackSpec;
import org.colony.jobs.packs.UnpackSpec;
import org.colony.jobs.sessions.SessionsSpec;
import org.colony.jobs.syslog.SyslogStatsSpec;
import org.colony.jobs.thumbnails.ThumbnailsSpec;
import org.colony.jobs.uv.UvRollupSpec;

/** Every job Colony runs, one line each (as Hadoop's ExampleDriver registers its programs). */
public final class JobRegistry {
  private JobRegistry() {}

  private static final List<JobSpec> JOBS = List.of(
      new AccessStatsSpec(),
      new SessionsSpec(),
      new ExceptionsSpec(),
      new GrepSpec(),
      new SyslogStatsSpec(),
      new UvRollupSpec(),
      new ThumbnailsSpec(),
      new InventorySpec(),
      new PackSpec(),
      new UnpackSpec());

  public static List<JobSpec> all() {
    return JOBS;
  }

  public static Optional<JobSpec> find(String name) {
    return JOBS.stream().filter(j -> j.name().equals(name)).findFirst();
  }
}
