package org.colony.jobs.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.apache.tika.mime.MediaType;
import org.colony.testing.Paths;
import org.junit.jupiter.api.Test;

class ContentInspectorTest {
  private final ContentInspector inspector = new ContentInspector();

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** A stream that hands out at most 7 bytes per read, as network streams may. */
  private static InputStream trickle(byte[] b) {
    return new ByteArrayInputStream(b) {
      @Override
      public synchronized int read(byte[] buf, int off, int len) {
        return super.read(buf, off, Math.min(len, 7));
      }
    };
  }

  @Test
  void hashAndSizeOfTheWholeStreamAtEveryLengthAroundTheHead() throws Exception {
    Random r = new Random(42);
    int head = inspector.headLength();
    for (int n : new int[] {0, 1, 63, head - 1, head, head + 1, 3 * head + 17, 1 << 20}) {
      byte[] b = new byte[n];
      r.nextBytes(b);
      inspector.inspect(trickle(b));
      assertThat(inspector.size()).as("size of %d", n).isEqualTo(n);
      assertThat(HexFormat.of().formatHex(inspector.sha256())).as("sha of %d", n)
          .isEqualTo(sha256(b));
    }
  }

  @Test
  void typesOfTheSampleUploadsByContentNotByName() throws Exception {
    Path u = Paths.sampleData("uploads");
    assertThat(type(u.resolve("alice/photos/beach.jpg"))).isEqualTo("image/jpeg");
    assertThat(type(u.resolve("carol/holiday.png"))).isEqualTo("image/jpeg");
    assertThat(type(u.resolve("carol/profile.jpg"))).isEqualTo("image/png");
    assertThat(type(u.resolve("alice/avatar.gif"))).isEqualTo("image/gif");
    assertThat(type(u.resolve("bob/scan-2026-11-02.bmp"))).isEqualTo("image/bmp");
    assertThat(type(u.resolve("alice/docs/cv.pdf"))).isEqualTo("application/pdf");
    assertThat(type(u.resolve("bob/backup/photos.zip"))).isEqualTo("application/zip");
    assertThat(type(u.resolve("bob/backup/notes.txt.gz"))).isEqualTo("application/gzip");
    assertThat(type(u.resolve("mallory/cat.jpg"))).isEqualTo("text/html");
    assertThat(type(u.resolve("mallory/broken.png"))).isEqualTo("image/png");
    assertThat(type(u.resolve("mallory/bomb-30000x30000.png"))).isEqualTo("image/png");
    assertThat(type(u.resolve("dave/settings.json.png"))).isEqualTo("text/plain");
    assertThat(type(u.resolve("dave/empty.txt"))).isEqualTo("application/octet-stream");
  }

  private String type(Path p) throws Exception {
    try (InputStream in = Files.newInputStream(p)) {
      inspector.inspect(in);
    }
    return ContentInspector.displayContent(inspector.contentType());
  }

  @Test
  void nameTypesFromExtensionsCaseInsensitively() {
    assertThat(name("beach.jpg")).isEqualTo("image/jpeg");
    assertThat(name("BEACH.JPG")).isEqualTo("image/jpeg");
    assertThat(name("settings.json.png")).isEqualTo("image/png");
    assertThat(name("orders.csv")).isEqualTo("text/csv");
    assertThat(name("no-extension")).isEqualTo("-");
    assertThat(name("we\tird\nname.pdf")).isEqualTo("application/pdf");
  }

  private String name(String n) {
    return ContentInspector.display(inspector.nameType(n));
  }

  @Test
  void disagreementIgnoresUnknownAndGenericTypesAndKinds() {
    assertThat(disagree("a.png", "image/jpeg")).isTrue();
    assertThat(disagree("a.jpg", "text/html")).isTrue();
    assertThat(disagree("a.png", "text/plain")).as("JSON named .png").isTrue();
    assertThat(disagree("a.webp", "text/plain")).as("JSON named .webp").isTrue();
    assertThat(disagree("a.jpg", "image/jpeg")).isFalse();
    assertThat(disagree("a.json", "text/plain")).as("plain text is all magic says of JSON")
        .isFalse();
    assertThat(disagree("a.csv", "text/plain")).isFalse();
    assertThat(disagree("a.txt", "application/octet-stream")).as("unknown content").isFalse();
    assertThat(disagree("a.unknownext", "image/png")).as("unknown name").isFalse();
    assertThat(disagree("a.docx", "application/zip")).as("a docx is a zip").isFalse();
    assertThat(disagree("a.docx", "application/x-tika-ooxml")).isFalse();
    assertThat(disagree("a.tar", "application/x-gtar")).as("GNU tar is a tar").isFalse();
    assertThat(disagree("a.mkv", "application/x-matroska")).isFalse();
    assertThat(disagree("a.zip", "application/pdf")).isTrue();
  }

  private boolean disagree(String name, String content) {
    return inspector.disagree(inspector.nameType(name), MediaType.parse(content));
  }

  @Test
  void hostileContentIsATypeAndAHash() throws Exception {
    // an XML bomb's head: detection looks at it without expanding anything
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
        + "<!ENTITY lol \"lol\">\n");
    for (int i = 1; i < 10; i++) {
      x.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        x.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      }
      x.append("\">\n");
    }
    x.append("]>\n<lolz>&lol9;</lolz>\n");
    byte[] b = x.toString().getBytes(StandardCharsets.US_ASCII);
    inspector.inspect(new ByteArrayInputStream(b));
    assertThat(ContentInspector.displayContent(inspector.contentType())).isEqualTo(
        "application/xml");
    assertThat(inspector.size()).isEqualTo(b.length);
  }
}
