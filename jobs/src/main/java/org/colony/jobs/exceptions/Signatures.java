package org.colony.jobs.exceptions;

import java.util.ArrayList;
import java.util.List;
import org.colony.io.events.EventRecord;
import org.colony.io.events.StackTrace;
import org.colony.io.events.StackTrace.Kind;

/**
 * Computes the {@link Signature} of an event that holds a Java stack trace.
 *
 * <p>The exception is the trace's first exception line ({@link StackTrace#exceptionClass}), the
 * root cause the last {@code Caused by:} of its own chain ({@link StackTrace#rootCauseClass}:
 * causes of suppressed exceptions are not in it). The frames are those of the outermost
 * exception, the one that was logged: its trace is printed in full, where a cause's is cut short
 * with {@code ... N more} exactly where it shares the application's frames, and it says where the
 * application met the failure (the root cause class says what failed). Only when the outermost
 * trace holds no frame of own code are the frames taken from the first cause, in chain order,
 * that does. Suppressed exceptions are ignored.
 *
 * <p>A frame is own code when its class starts with one of the configured package prefixes and
 * is not generated: classes whose name holds {@code $$} (Spring's CGLIB proxies such as
 * {@code CheckoutService$$SpringCGLIB$$0}, Hibernate's and ByteBuddy's, lambda forms) are skipped,
 * as their names change between builds or runs. Without prefixes the prefix is guessed per event:
 * the first two parts of the package of the first frame not in the JDK ({@code java.},
 * {@code javax.}, {@code jdk.}, {@code sun.}, {@code com.sun.}, {@code jakarta.}), e.g.
 * {@code com.example.} for {@code com.example.shop.cart.CartService}. When a library threw, that
 * is the library's package (the frames are then the library's): configure the prefixes.
 *
 * <p>Frames are read as {@code at [loader/][module@version/]class.method(source)}.
 */
public final class Signatures {
  private static final String[] PLATFORM = {"java.", "javax.", "jdk.", "sun.", "com.sun.",
      "jakarta."};

  private final List<String> packages;
  private final int frames;

  /**
   * @param packages own-code package prefixes, each ending in a dot; empty: guess per event
   * @param frames how many own frames a signature holds
   */
  public Signatures(List<String> packages, int frames) {
    this.packages = List.copyOf(packages);
    this.frames = frames;
  }

  /** The event's signature, or null when it holds no Java exception. */
  public Signature of(EventRecord event) {
    if (event.lines() < 2) {
      return null; // an exception line or a frame is never the header alone
    }
    StackTrace st = event.stackTrace();
    String exception = st.exceptionClass();
    if (exception == null) {
      return null;
    }
    String root = st.rootCauseClass();
    List<Integer> chain = chain(st);
    List<List<String>> segments = new ArrayList<>();
    for (int line : chain) {
      segments.add(frameClassMethods(st, line));
    }
    List<String> own = ownFrames(segments);
    return new Signature(exception, root == null ? exception : root, own,
        message(event, st, chain.get(0), exception));
  }

  /**
   * The lines that start the exceptions of the chain: the outermost (line 0 when the header is
   * the exception line, as when frames follow it) and each {@code Caused by:} not indented.
   */
  private static List<Integer> chain(StackTrace st) {
    List<Integer> chain = new ArrayList<>();
    int n = st.lines();
    if (st.kind(1) == Kind.FRAME) {
      chain.add(0);
    } else {
      for (int i = 1; i < n; i++) {
        if (st.kind(i) == Kind.EXCEPTION) {
          chain.add(i);
          break;
        }
      }
      if (chain.isEmpty()) {
        chain.add(0);
      }
    }
    for (int i = chain.get(0) + 1; i < n; i++) {
      if (st.kind(i) == Kind.CAUSED_BY && !st.line(i).isEmpty()
          && !Character.isWhitespace(st.line(i).charAt(0))) {
        chain.add(i);
      }
    }
    return chain;
  }

  /**
   * The frames of the exception whose line is {@code from}, as {@code class.method}: the frame
   * lines after it, past the lines that continue its message, up to the first line that is no
   * frame.
   */
  static List<String> frameClassMethods(StackTrace st, int from) {
    List<String> l = new ArrayList<>();
    for (int i = from + 1; i < st.lines(); i++) {
      Kind k = st.kind(i);
      if (k == Kind.FRAME) {
        String f = classMethod(st.line(i));
        if (f != null) {
          l.add(f);
        }
      } else if (!l.isEmpty() || (k != Kind.TEXT && k != Kind.EXCEPTION)) {
        break;
      }
    }
    return l;
  }

  /**
   * {@code class.method} of a frame line such as
   * {@code \tat java.base/java.lang.Thread.run(Thread.java:840)}, or null if it has no method.
   */
  static String classMethod(String frameLine) {
    String s = frameLine.strip();
    if (s.startsWith("at ")) {
      s = s.substring(3);
    }
    int paren = s.indexOf('(');
    if (paren >= 0) {
      s = s.substring(0, paren);
    }
    s = s.substring(s.lastIndexOf('/') + 1).strip();
    int dot = s.lastIndexOf('.');
    return dot <= 0 || dot == s.length() - 1 ? null : s;
  }

  private List<String> ownFrames(List<List<String>> segments) {
    if (frames == 0) {
      return List.of();
    }
    List<String> prefixes = packages.isEmpty() ? guess(segments) : packages;
    for (List<String> segment : segments) {
      List<String> own = new ArrayList<>();
      for (String f : segment) {
        if (isOwn(className(f), prefixes)) {
          own.add(f);
          if (own.size() == frames) {
            break;
          }
        }
      }
      if (!own.isEmpty()) {
        return own;
      }
    }
    return List.of();
  }

  static boolean isOwn(String cls, List<String> prefixes) {
    if (cls.contains("$$")) {
      return false;
    }
    for (String p : prefixes) {
      if (cls.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** The guessed prefix: the package root of the first frame outside the JDK, in chain order. */
  private static List<String> guess(List<List<String>> segments) {
    for (List<String> segment : segments) {
      for (String f : segment) {
        String cls = className(f);
        if (!isPlatform(cls)) {
          String root = packageRoot(cls);
          if (root != null) {
            return List.of(root);
          }
        }
      }
    }
    return List.of();
  }

  private static boolean isPlatform(String cls) {
    for (String p : PLATFORM) {
      if (cls.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first two parts of a class's package, with a trailing dot ({@code com.example.} for
   * {@code com.example.shop.Cart} and {@code com.example.Cart}, {@code acme.} for
   * {@code acme.Cart}); null in the default package.
   */
  static String packageRoot(String cls) {
    int last = cls.lastIndexOf('.');
    if (last < 0) {
      return null;
    }
    String pkg = cls.substring(0, last);
    int first = pkg.indexOf('.');
    int second = first < 0 ? -1 : pkg.indexOf('.', first + 1);
    return (second < 0 ? pkg : pkg.substring(0, second)) + ".";
  }

  private static String className(String classMethod) {
    return classMethod.substring(0, classMethod.lastIndexOf('.'));
  }

  /**
   * The message of the exception on line {@code line} (0: the header's message): what follows
   * its class name and colon, and the lines that continue it before its first frame, joined with
   * newlines.
   */
  private static String message(EventRecord event, StackTrace st, int line, String exception) {
    String first = line == 0 ? event.message() : st.line(line);
    int at = first.indexOf(exception);
    if (at < 0) {
      return "";
    }
    String rest = first.substring(at + exception.length());
    StringBuilder m = new StringBuilder(rest.startsWith(":") ? rest.substring(1).stripLeading()
        : "");
    for (int i = line + 1; i < st.lines(); i++) {
      Kind k = st.kind(i);
      if (k != Kind.TEXT && k != Kind.EXCEPTION) {
        break;
      }
      if (m.length() > 0) {
        m.append('\n');
      }
      m.append(st.line(i));
    }
    return m.toString();
  }
}
