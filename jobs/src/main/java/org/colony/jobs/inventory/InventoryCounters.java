package org.colony.jobs.inventory;

/** What uploads-inventory found. */
public enum InventoryCounters {
  /** Files inventoried (read to their end), one row each in files/. */
  FILES,
  /** Their bytes, as read. */
  BYTES,
  /** Files whose name's media type disagrees with their content's. */
  EXTENSION_MISMATCHES,
  /** Files whose bytes no magic pattern knows (application/octet-stream). */
  UNKNOWN_TYPE,
  /** Files on which type detection failed (reported as application/octet-stream). */
  DETECTION_FAILED,
  /** Files whose length as read differs from their listed size (changed while listed). */
  SIZE_CHANGED,
  /** Distinct contents held by two files or more: the rows of duplicates/. */
  DUPLICATE_CONTENTS,
  /** Files beyond the first of each duplicated content. */
  DUPLICATE_FILES,
  /** Bytes freed by keeping one file of each duplicated content. */
  BYTES_RECLAIMABLE
}
