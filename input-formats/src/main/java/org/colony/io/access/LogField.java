package org.colony.io.access;

import org.colony.io.RejectReason;

/**
 * What a directive of a log format ({@code %h}, {@code $request_time}, ...) holds, where its value
 * goes in the record, how its end is found in a line, and why a line is rejected when the value is
 * wrong.
 */
enum LogField {
  /** The address that connected (%h, %a, $remote_addr); may hold a forwarded-for list. */
  CLIENT(Shape.LIST, Slot.CLIENT, true, RejectReason.BAD_CLIENT),
  /** An X-Forwarded-For header: the chain before the connecting address. */
  FORWARDED_FOR(Shape.LIST, Slot.FORWARDED_FOR, true, RejectReason.FORMAT_MISMATCH),
  IDENT(Shape.TOKEN, Slot.IDENT, true, RejectReason.FORMAT_MISMATCH),
  USER(Shape.TOKEN, Slot.USER, true, RejectReason.FORMAT_MISMATCH),
  VHOST(Shape.TOKEN, Slot.VHOST, true, RejectReason.FORMAT_MISMATCH),
  /** The server port right after the virtual host and a ':' (%v:%p): kept with the vhost. */
  VHOST_PORT(Shape.TOKEN, Slot.NONE, true, RejectReason.FORMAT_MISMATCH),
  /** A server port anywhere else: read, not kept. */
  PORT(Shape.TOKEN, Slot.NONE, true, RejectReason.FORMAT_MISMATCH),
  /** dd/Mon/yyyy:HH:mm:ss +zzzz (%t without its brackets, $time_local). */
  TIME_CLF(Shape.CLF_TIME, Slot.TIME, true, RejectReason.BAD_TIMESTAMP),
  /** yyyy-MM-ddTHH:mm:ss+hh:mm ($time_iso8601). */
  TIME_ISO(Shape.ISO_TIME, Slot.TIME, true, RejectReason.BAD_TIMESTAMP),
  /** Epoch seconds, with or without a fraction (%{sec}t, $msec). */
  TIME_SECONDS(Shape.TOKEN, Slot.TIME, true, RejectReason.BAD_TIMESTAMP),
  TIME_MILLIS(Shape.TOKEN, Slot.TIME, true, RejectReason.BAD_TIMESTAMP),
  TIME_MICROS(Shape.TOKEN, Slot.TIME, true, RejectReason.BAD_TIMESTAMP),
  REQUEST(Shape.TEXT, Slot.REQUEST, true, RejectReason.BAD_REQUEST),
  STATUS(Shape.TOKEN, Slot.STATUS, true, RejectReason.BAD_STATUS),
  /** Response body bytes (%b, %B, $body_bytes_sent). */
  BODY_BYTES(Shape.TOKEN, Slot.BYTES, true, RejectReason.BAD_BYTES),
  /** Bytes sent with headers (%O, $bytes_sent): the record's bytes only without a body count. */
  SENT_BYTES(Shape.TOKEN, Slot.BYTES, false, RejectReason.BAD_BYTES),
  REFERRER(Shape.TEXT, Slot.REFERRER, true, RejectReason.BAD_QUOTED_FIELD),
  AGENT(Shape.TEXT, Slot.AGENT, true, RejectReason.BAD_QUOTED_FIELD),
  /** Microseconds (%D, %{us}T). */
  RESPONSE_MICROS(Shape.TOKEN, Slot.RESPONSE, true, RejectReason.FORMAT_MISMATCH),
  /** Milliseconds (%{ms}T). */
  RESPONSE_MILLIS(Shape.TOKEN, Slot.RESPONSE, true, RejectReason.FORMAT_MISMATCH),
  /** Seconds, with or without a fraction (%T, $request_time). */
  RESPONSE_SECONDS(Shape.TOKEN, Slot.RESPONSE, true, RejectReason.FORMAT_MISMATCH),
  /**
   * nginx's $upstream_response_time: seconds.millis, '-', or one time per upstream tried,
   * separated by ", " (next server) or " : " (internal redirect). The record gets their sum.
   */
  UPSTREAM_SECONDS(Shape.LIST, Slot.RESPONSE, false, RejectReason.FORMAT_MISMATCH),
  /** Fields read and not kept, by how their end is found. */
  SKIP_TOKEN(Shape.TOKEN, Slot.NONE, true, RejectReason.FORMAT_MISMATCH),
  SKIP_TEXT(Shape.TEXT, Slot.NONE, true, RejectReason.FORMAT_MISMATCH),
  SKIP_LIST(Shape.LIST, Slot.NONE, true, RejectReason.FORMAT_MISMATCH),
  SKIP_CLF_TIME(Shape.CLF_TIME, Slot.NONE, true, RejectReason.BAD_TIMESTAMP),
  SKIP_ISO_TIME(Shape.ISO_TIME, Slot.NONE, true, RejectReason.BAD_TIMESTAMP);

  /** How the end of a field is found when it is not between quotes. */
  enum Shape {
    /** Ends at the first byte of the separator that follows it; holds no space. */
    TOKEN,
    /** A token that may be a list: {@code a, b, c} (and {@code 0.1 : 0.2}) go on past spaces. */
    LIST,
    /** Free text: ends where the whole separator that follows it first matches. */
    TEXT,
    /** Ends where its own syntax ends. */
    CLF_TIME,
    ISO_TIME
  }

  /** Where a field goes in the record; a format that logs one twice keeps the first. */
  enum Slot {
    NONE, CLIENT, FORWARDED_FOR, IDENT, USER, VHOST, TIME, REQUEST, STATUS, BYTES, REFERRER,
    AGENT, RESPONSE
  }

  final Shape shape;
  final Slot slot;
  /** Whether this field fills its slot before fields of the slot that are not primary. */
  final boolean primary;
  /** Why a line is rejected when the value is not what the field holds. */
  final RejectReason invalid;

  LogField(Shape shape, Slot slot, boolean primary, RejectReason invalid) {
    this.shape = shape;
    this.slot = slot;
    this.primary = primary;
    this.invalid = invalid;
  }

  /** The field read in the same way and not kept, for a slot already filled. */
  LogField skipped() {
    switch (shape) {
      case LIST:
        return SKIP_LIST;
      case TEXT:
        return SKIP_TEXT;
      case CLF_TIME:
        return SKIP_CLF_TIME;
      case ISO_TIME:
        return SKIP_ISO_TIME;
      default:
        return SKIP_TOKEN;
    }
  }

  /** Why a line is rejected when this field's quotes are not closed. */
  RejectReason unterminated() {
    return this == REQUEST ? RejectReason.BAD_REQUEST
        : this == REFERRER || this == AGENT ? RejectReason.BAD_QUOTED_FIELD
        : RejectReason.FORMAT_MISMATCH;
  }
}
