package org.colony.io;

import org.apache.hadoop.io.Writable;

/**
 * Base of every record a Colony reader yields. A reader never drops a line: it yields either a
 * parsed record or one marked rejected, whose {@link #reject()} says why and where. Mappers handle
 * rejects first (count and quarantine them) and then work on parsed records only.
 */
public abstract class ParsedRecord implements Writable {
  private Reject reject;

  public final boolean isRejected() {
    return reject != null;
  }

  /** The reject details, or null when the record parsed. */
  public final Reject reject() {
    return reject;
  }

  final void markRejected(Reject r) {
    this.reject = r;
  }

  final void markParsed() {
    this.reject = null;
  }
}
