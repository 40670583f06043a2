package org.colony.jobs.sessions;

import java.io.IOException;

/**
 * Cuts one visitor's hits, given in time order, into sessions: a hit more than the gap after the
 * previous hit starts a new session; a hit exactly the gap after it, or at the same time, stays in
 * the same one. Holds only the current session, never the hits, so a visitor with millions of
 * hits costs no memory. Plain Java: the reducer feeds it, tests feed it by hand.
 */
public final class SessionCutter {

  /** Receives each session when it ends. */
  public interface Sink {
    /** A finished session; valid only during the call (it is reused). */
    void session(Session s) throws IOException, InterruptedException;
  }

  private final long gapMillis;
  private final Sink sink;
  private final Session current = new Session();
  private boolean open;

  public SessionCutter(long gapMillis, Sink sink) {
    if (gapMillis < 1) {
      throw new IllegalArgumentException("session gap must be positive, got " + gapMillis + " ms");
    }
    this.gapMillis = gapMillis;
    this.sink = sink;
  }

  /**
   * The next hit of the visitor: its time (not before the previous hit's), path bytes
   * {@code path[s, s+n)} and response bytes (negative: unknown, counted 0).
   */
  public void hit(long time, byte[] path, int s, int n, long bytes)
      throws IOException, InterruptedException {
    if (open) {
      if (time < current.end()) {
        throw new IllegalStateException("hits out of time order: " + time + " after "
            + current.end());
      }
      if (time - current.end() <= gapMillis) {
        current.extend(time, path, s, n, bytes);
        return;
      }
      sink.session(current);
    }
    current.begin(time, path, s, n, bytes);
    open = true;
  }

  /** Ends the visitor: passes its last session, if any, to the sink. */
  public void finish() throws IOException, InterruptedException {
    if (open) {
      open = false;
      sink.session(current);
    }
  }
}
