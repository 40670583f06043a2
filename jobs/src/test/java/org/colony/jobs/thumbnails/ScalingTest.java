package org.colony.jobs.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.apache.hadoop.conf.Configuration;
import org.colony.jobs.thumbnails.Scaling.Size;
import org.colony.testing.TestImages;
import org.junit.jupiter.api.Test;

/** Thumbnail sizes, subsampling factors, the downscale and the --sizes option. */
class ScalingTest {

  @Test
  void longestEdgeBecomesTheSizeAndTheOtherFollows() {
    assertThat(Scaling.fit(4000, 3000, 512)).isEqualTo(new Size(512, 384));
    assertThat(Scaling.fit(3000, 4000, 512)).isEqualTo(new Size(384, 512));
    assertThat(Scaling.fit(7744, 5164, 512)).isEqualTo(new Size(512, 341)); // 341.4
    assertThat(Scaling.fit(7744, 5164, 128)).isEqualTo(new Size(128, 85)); // 85.4
    assertThat(Scaling.fit(1000, 1000, 128)).isEqualTo(new Size(128, 128));
  }

  @Test
  void theShortEdgeRoundsHalfUpAndNeverReachesZero() {
    assertThat(Scaling.fit(200, 101, 100)).isEqualTo(new Size(100, 51)); // 50.5
    assertThat(Scaling.fit(200, 99, 100)).isEqualTo(new Size(100, 50)); // 49.5
    assertThat(Scaling.fit(101, 200, 100)).isEqualTo(new Size(51, 100));
    assertThat(Scaling.fit(65535, 3, 128)).isEqualTo(new Size(128, 1));
    assertThat(Scaling.fit(1, 65535, 512)).isEqualTo(new Size(1, 512));
  }

  @Test
  void neverUpscales() {
    assertThat(Scaling.fit(300, 200, 512)).isEqualTo(new Size(300, 200));
    assertThat(Scaling.fit(512, 100, 512)).isEqualTo(new Size(512, 100));
    assertThat(Scaling.fit(1, 1, 128)).isEqualTo(new Size(1, 1));
    assertThatThrownBy(() -> Scaling.fit(0, 10, 128)).isInstanceOf(
        IllegalArgumentException.class);
  }

  @Test
  void subsamplingKeepsTheLongestEdgeAtLeastTwiceTheLargestSize() {
    assertThat(Scaling.subsampling(7744, 5164, 512)).isEqualTo(7); // decoded 1107 x 738
    assertThat(Scaling.subsampling(5164, 7744, 128)).isEqualTo(30); // decoded 173 x 259
    assertThat(Scaling.subsampling(1024, 768, 512)).isEqualTo(1);
    assertThat(Scaling.subsampling(2047, 100, 512)).isEqualTo(1);
    assertThat(Scaling.subsampling(2048, 100, 512)).isEqualTo(2);
    assertThat(Scaling.subsampling(300, 200, 512)).isEqualTo(1);
    for (long w = 1; w < 70_000; w += 997) {
      int n = Scaling.subsampling(w, 10, 512);
      long decoded = (w + n - 1) / n; // ImageIO's subsampled width
      assertThat(decoded).as("width %d", w).isGreaterThanOrEqualTo(Math.min(w, 1024));
      assertThat(decoded).as("width %d", w).isLessThan(Math.max(2048 + 1, 2 * 1024 + 2));
    }
  }

  @Test
  void resizeGivesTheExactSizeAndKeepsTheRegions() {
    BufferedImage src = TestImages.quadrants(1000, 500, BufferedImage.TYPE_INT_RGB);
    for (Size s : new Size[] {new Size(512, 256), new Size(100, 50), new Size(33, 17),
        new Size(1000, 500)}) {
      BufferedImage out = Scaling.resize(src, s.width(), s.height());
      assertThat(new Size(out.getWidth(), out.getHeight())).isEqualTo(s);
      assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
      assertThat(out.getRGB(s.width() / 4, s.height() / 4)).isEqualTo(0xFFFF0000);
      assertThat(out.getRGB(3 * s.width() / 4, 3 * s.height() / 4)).isEqualTo(0xFFFFFFFF);
    }
    assertThat(Scaling.resize(src, 1000, 500)).isSameAs(src);
  }

  @Test
  void sizesOptionIsSortedDistinctAndChecked() {
    Configuration conf = new Configuration(false);
    assertThat(ThumbnailsKeys.sizes(conf)).containsExactly(128, 512);
    ThumbnailsKeys.SIZES.set(conf, " 512, 64,128,64 ");
    assertThat(ThumbnailsKeys.sizes(conf)).containsExactly(64, 128, 512);
    ThumbnailsKeys.setSizes(conf, 2048, 1);
    assertThat(ThumbnailsKeys.sizes(conf)).containsExactly(1, 2048);
    for (String bad : new String[] {"0", "2049", "abc", "128,", "", "-5", "12.5", "999999"}) {
      ThumbnailsKeys.SIZES.set(conf, bad);
      assertThatThrownBy(() -> ThumbnailsKeys.sizes(conf)).as("'%s'", bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--sizes");
    }
    ThumbnailsKeys.MAX_PIXELS.set(conf, "0");
    assertThatThrownBy(() -> ThumbnailsKeys.maxPixels(conf)).isInstanceOf(
        IllegalArgumentException.class);
  }
}
