package org.colony.jobs.packs;

/** What uploads-pack did. */
public enum PackCounters {
  /** Map tasks that ran: the input's splits. */
  TASKS,
  /** Files packed, one record and one index/ row each. */
  FILES_PACKED,
  /** Their content bytes. */
  BYTES_PACKED,
  /** Pack files written. */
  PACK_FILES,
  /** Bytes of the pack files (compressed). */
  PACK_BYTES,
  /** Files above the size cap, listed in large/ and not packed. */
  FILES_LARGE,
  /** Their bytes. */
  BYTES_LARGE
}
