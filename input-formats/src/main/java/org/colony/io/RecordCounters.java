package org.colony.io;

/**
 * What every Colony record reader counts. {@code RECORDS_IN = RECORDS_PARSED + RECORDS_REJECTED}
 * always: a record that was read is either parsed or rejected with a reason, never dropped.
 */
public enum RecordCounters {
  /** Records (lines or events) read from the input. */
  RECORDS_IN,
  /** Records that parsed into a typed record. */
  RECORDS_PARSED,
  /** Records that did not parse; each is also counted under its {@link RejectReason}. */
  RECORDS_REJECTED,
  /** Rejected records written to the {@code _rejects/} side output (at most the per-task cap). */
  REJECTS_WRITTEN,
  /** Bytes of input consumed by the record readers (uncompressed). */
  BYTES_READ,
  /** Files (or file splits) opened by the record readers. */
  FILES_READ,
  /** Compressed files found damaged: skipped from the damage on and listed in the manifest. */
  FILES_CORRUPT,
  /** Multi-line events longer than the event cap: kept truncated (and still read once). */
  EVENTS_TRUNCATED
}
