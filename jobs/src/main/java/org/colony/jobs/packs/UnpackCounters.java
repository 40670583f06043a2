package org.colony.jobs.packs;

/** What uploads-unpack did. */
public enum UnpackCounters {
  /** Files written below the output folder, each checked against its recorded SHA-256. */
  FILES_RESTORED,
  /** Their bytes. */
  BYTES_RESTORED
}
