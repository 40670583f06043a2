package org.colony.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the project's sample data and the shared real third-party data. */
public final class Paths {
  private Paths() {}

  /** The project root (the folder of the parent pom). */
  public static Path root() {
    String root = System.getProperty("colony.root");
    Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("sample-data")) && p.getParent() != null) {
      p = p.getParent();
    }
    return p;
  }

  /**
   * A file under ../shared/realdata, the real third-party data with gold labels. Skips the test,
   * saying why, when the folder is absent.
   */
  public static Path realdata(String relative) {
    Path p = root().resolve("../shared/realdata").resolve(relative).normalize();
    assumeTrue(Files.exists(p), "real data not present at " + p + ": skipped");
    return p;
  }

  public static Path sampleData(String relative) {
    return root().resolve("sample-data").resolve(relative);
  }
}
