package org.colony.jobs.common;

import org.apache.hadoop.io.Text;
import org.colony.io.access.AccessLogRecord;

/**
 * Which fields of an access log record identify a visitor (in sessions and in the unique visitors
 * of access-stats), and how they make the visitor's bytes: the fields as logged (an absent field,
 * {@code -}, is empty) joined by a newline byte, which no field of a line can hold, so different
 * field values never make the same bytes.
 */
public enum VisitorFields {
  /** The effective client address. */
  CLIENT("client"),
  /** The client and the user agent. */
  CLIENT_AGENT("client+agent"),
  /** The client, the user agent and the virtual host. */
  CLIENT_AGENT_VHOST("client+agent+vhost");

  private static final byte[] SEPARATOR = {'\n'};

  private final String name;

  VisitorFields(String name) {
    this.name = name;
  }

  /** The fields named as in {@code --visitor}, or null. */
  public static VisitorFields of(String name) {
    for (VisitorFields f : values()) {
      if (f.name.equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    return null;
  }

  /** Sets {@code into} to the visitor bytes of {@code r}. */
  public Text visitorOf(AccessLogRecord r, Text into) {
    into.set(r.client());
    if (this != CLIENT) {
      append(into, r.agent());
    }
    if (this == CLIENT_AGENT_VHOST) {
      append(into, r.vhost());
    }
    return into;
  }

  private static void append(Text into, Text field) {
    into.append(SEPARATOR, 0, 1);
    into.append(field.getBytes(), 0, field.getLength());
  }

  @Override
  public String toString() {
    return name;
  }
}
