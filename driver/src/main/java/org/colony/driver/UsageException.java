package org.colony.driver;

/**
 * An error the user caused and can fix: a bad option, a missing input, an existing output. Shown
 * as one line, without a stack trace, with exit code 2.
 */
public class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
