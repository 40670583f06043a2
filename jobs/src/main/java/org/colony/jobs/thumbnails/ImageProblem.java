package org.colony.jobs.thumbnails;

/**
 * Why an image gets no thumbnail: the reason (a counter and the reason column of problems/) and
 * a one-line detail.
 */
public final class ImageProblem extends Exception {
  private static final long serialVersionUID = 1L;

  /** The reasons, each also a {@link ThumbnailsCounters} name. */
  public enum Reason {
    REFUSED_TOO_LARGE, REFUSED_PATH, TRUNCATED, CORRUPT, UNSUPPORTED, UNREADABLE;

    public ThumbnailsCounters counter() {
      return ThumbnailsCounters.valueOf(name());
    }
  }

  private final Reason reason;

  public ImageProblem(Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public String detail() {
    return getMessage();
  }

  @Override
  public String toString() {
    return reason + ": " + getMessage();
  }
}
