package org.colony.driver;

/** What {@code colony} tells its caller (cron, Oozie, a shell) with its exit status. */
public final class ExitCode {
  private ExitCode() {}

  /** Everything asked for was done. */
  public static final int OK = 0;
  /** A job ran and failed (or its rejects passed the allowed fraction); nothing was published. */
  public static final int JOB_FAILED = 1;
  /** Bad usage or a path problem (input missing, output exists); nothing was started. */
  public static final int USAGE = 2;
  /** An input partition is not ready (no done-flag), also after --wait; nothing was started. */
  public static final int NOT_READY = 3;
  /** An output partition is locked by another run; nothing was started. */
  public static final int LOCKED = 4;

  /** The table printed by {@code colony help}. */
  public static String describe() {
    return String.join("\n",
        "  0  success (for daily/backfill: every job done or skipped as already done)",
        "  1  a job failed (nothing of it published)",
        "  2  usage or path error (bad option, input missing, output exists); nothing started",
        "  3  input not ready (no done-flag, also after --wait); nothing started",
        "  4  output partition locked by another run; nothing started");
  }
}
