package org.colony.io.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RestorePathsTest {

  private static String problem(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return RestorePaths.problem(b, b.length);
  }

  @Test
  void namesOfEveryKindAreSafe() {
    for (String ok : new String[] {"a.txt", "alice/photos/beach.jpg", "carol/notes\tdraft.txt",
        "eve/new\nline.txt", "x/r\u00e9sum\u00e9.pdf", "a..b/c..d", "dir/x...",
        "a b/ c /d ", "\u2603/\u0007bell", "%2e%2e/x"}) {
      assertThat(problem(ok)).as(ok).isNull();
    }
  }

  @Test
  void pathsThatWouldLeaveTheFolderOrHideAreRefused() {
    assertThat(problem("")).isEqualTo("empty path");
    assertThat(problem("/etc/passwd")).isEqualTo("absolute path");
    assertThat(problem("../evil")).isEqualTo("'..' component");
    assertThat(problem("a/../../evil")).isEqualTo("'..' component");
    assertThat(problem("a/..")).isEqualTo("'..' component");
    assertThat(problem("./a")).isEqualTo("'.' component");
    assertThat(problem("a/./b")).isEqualTo("'.' component");
    assertThat(problem("a//b")).isEqualTo("empty component");
    assertThat(problem("a/")).isEqualTo("empty component");
    assertThat(problem("_SUCCESS")).isEqualTo("hidden component");
    assertThat(problem("_rejects/part-m-00000")).isEqualTo("hidden component");
    assertThat(problem("a/.ssh/authorized_keys")).isEqualTo("hidden component");
    assertThat(problem("..\\..\\evil")).isEqualTo("backslash");
    assertThat(problem("a\u0000b")).isEqualTo("NUL byte");
    assertThat(problem("c:/drive.txt")).isEqualTo("colon");
    assertThat(problem("shots/10:30.png")).isEqualTo("colon");
    byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9};
    assertThat(RestorePaths.problem(latin1, latin1.length)).isEqualTo("not UTF-8");
    byte[] overlong = {'a', '/', (byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAE};
    assertThat(RestorePaths.problem(overlong, overlong.length)).as("overlong '..'")
        .isEqualTo("not UTF-8");
  }
}
