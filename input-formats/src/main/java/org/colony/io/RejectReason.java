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
  TRUNCATED("line ends before its last mandatory field"),
  FORMAT_MISMATCH("line does not follow the configured log format"),

  SYSLOG_PRIORITY("syslog <PRI> missing or not in 0-191"),
  SYSLOG_VERSION("RFC 5424 version missing or not in 1-999"),
  SYSLOG_TIMESTAMP("syslog timestamp missing or invalid"),
  SYSLOG_HOSTNAME("syslog host name missing or invalid"),
  SYSLOG_APP_NAME("RFC 5424 app-name invalid"),
  SYSLOG_PROCID("RFC 5424 procid invalid"),
  SYSLOG_MSGID("RFC 5424 msgid invalid"),
  SYSLOG_STRUCTURED_DATA("RFC 5424 structured data invalid"),
  SYSLOG_MESSAGE("syslog message invalid (bad UTF-8 after a BOM)"),
  SYSLOG_TRUNCATED("syslog line ends before its mandatory fields"),

  EVENT_NO_HEADER("lines before the first event header of a file"),

  FILE_UNREADABLE("an upload could not be read"),
  BAD_SKETCH("a sketch file whose name holds no valid date, or that DataSketches cannot read"),
  UNSAFE_PATH("a packed path that would not restore as itself inside the output folder: absolute, "
      + "'..' or '.', empty or hidden (_ .) components, a backslash, colon, NUL or bytes not UTF-8"),
  CONTENT_MISMATCH("packed content whose length or SHA-256 differs from its recorded size or hash"),
  CORRUPT_FILE("a compressed file is damaged or truncated; the rest of it was skipped");

  private final String description;

  RejectReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
