package org.colony.io;

/**
 * Why a record was rejected: one Hadoop counter per reason, and the reason column of
 * {@code _rejects/}. Reasons are shared by all formats so that reports speak one vocabulary.
 */
public enum RejectReason {
  BLANK_LINE("line is empty or only whitespace"),
  LINE_TOO_LONG("line longer than colony.input.max.line.bytes"),
  BAD_CLIENT("client/ident/user fields missing before the timestamp"),
  BAD_TIMESTAMP("no valid [dd/Mon/yyyy:HH:mm:ss +zzzz] timestamp"),
  BAD_REQUEST("request field missing or its quotes unterminated"),
  BAD_STATUS("status is not a number or '-'"),
  BAD_BYTES("response size is not a number or '-'"),
  BAD_QUOTED_FIELD("referrer or user agent quotes unterminated"),
  TRUNCATED("line ends before its last mandatory field");

  private final String description;

  RejectReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
