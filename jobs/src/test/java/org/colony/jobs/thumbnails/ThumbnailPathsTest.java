package org.colony.jobs.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Which relative paths may be mirrored under the output, and where their thumbnails go. */
class ThumbnailPathsTest {

  private static ImageProblem refusal(String path) {
    return catchThrowableOfType(() -> ThumbnailPaths.check(path), ImageProblem.class);
  }

  @Test
  void dotDotAndOtherEscapesAreRefused() {
    for (String p : new String[] {"..", "../x.jpg", "a/../../x.jpg", "a/..", "./x.jpg",
        "a/./b.png", "/etc/x.png", "", "a//b.png", "a/"}) {
      ImageProblem r = refusal(p);
      assertThat(r).as("'%s'", p).isNotNull();
      assertThat(r.reason()).isEqualTo(ImageProblem.Reason.REFUSED_PATH);
    }
    assertThat(refusal("a/../b.jpg").detail()).contains("'..'", "output folder");
  }

  @Test
  void hostileButHarmlessNamesAreKept() throws Exception {
    for (String p : new String[] {"..hidden.png", "a..b/c...jpg", "tab\there.png",
        "new\nline.gif", "back\\slash.bmp", "ünïcødé/😀.jpg", "space d/x y.png", ".x.png",
        "a:b.jpg", "%2e%2e/x.png"}) {
      ThumbnailPaths.check(p);
    }
    assertThat(ThumbnailPaths.of("alice/2026/cat.jpg", 128, "jpg"))
        .isEqualTo("thumbs/128/alice/2026/cat.jpg.jpg");
  }

  @Test
  void namesTooLongForTheirExtensionAreRefused() throws Exception {
    ThumbnailPaths.check("d/" + "x".repeat(251));
    assertThat(refusal("d/" + "x".repeat(252)).detail()).contains("too long");
    ThumbnailPaths.check("d/" + "é".repeat(125)); // 250 bytes
    assertThat(refusal("d/" + "é".repeat(126))).isNotNull(); // 252 bytes
  }
}
