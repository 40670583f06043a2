package org.colony.jobs.exceptions;

import java.util.List;
import org.colony.jobs.JobSpec.Report;

/** The reports of exceptions and the report numbers of its shuffle keys. */
final class ExceptionsReports {
  private ExceptionsReports() {}

  /** Key: the UTC hour (8 bytes, sortable) then the signature's key. */
  static final int HOURLY = 0;
  /** Key: the signature's key. */
  static final int SIGNATURES = 1;

  static final Report HOURLY_REPORT = new Report("hourly", "hour\tsignature_id\tcount");
  static final Report SIGNATURES_REPORT = new Report("signatures", "signature_id\texception"
      + "\troot_cause\tframes\tcount\tfirst_seen\tlast_seen\texample_file\texample_offset"
      + "\tmessage");
  static final Report EXAMPLES_REPORT = new Report("examples", "signature_id\texample");

  static final List<Report> ALL = List.of(HOURLY_REPORT, SIGNATURES_REPORT, EXAMPLES_REPORT);

  /** Writes {@code v} as 8 big-endian bytes with the sign bit flipped (sorts as numbers). */
  static void putSortableLong(long v, byte[] b, int at) {
    long u = v ^ Long.MIN_VALUE;
    for (int i = 7; i >= 0; i--) {
      b[at + i] = (byte) u;
      u >>>= 8;
    }
  }

  static long getSortableLong(byte[] b, int at) {
    long u = 0;
    for (int i = 0; i < 8; i++) {
      u = (u << 8) | (b[at + i] & 0xFF);
    }
    return u ^ Long.MIN_VALUE;
  }
}
