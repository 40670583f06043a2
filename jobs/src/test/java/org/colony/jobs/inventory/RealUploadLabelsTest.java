package org.colony.jobs.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.colony.testing.Paths;
import org.junit.jupiter.api.Test;

/**
 * Media types by content against the gold labels of ../shared/realdata/uploads/expected_labels.csv
 * (file-type's and commons-compress's fixtures): every listed file's type label, read from the
 * CSV, mapped to a media type; the files of {@link #MATCH} must get it, those of {@link #DIFFER}
 * must not, each for the reason given. A file in neither list fails the test, so a change in
 * detection shows up here.
 *
 * <p>A label maps to the media type of that format under Tika's name for it (avi is
 * video/x-msvideo, not video/vnd.avi: naming, not detection). Content detection gets a label right
 * when it finds that type or a kind of it (GNU tar for tar, Ogg Vorbis for ogg). "none" (the
 * fixture must not be identified) is right when detection claims no specific type: unknown
 * bytes or plain text.
 */
class RealUploadLabelsTest {

  /** Label (expected_type) -> media type. */
  static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("7z", "application/x-7z-compressed"), Map.entry("apng", "image/apng"),
      Map.entry("ar", "application/x-archive"), Map.entry("avi", "video/x-msvideo"),
      Map.entry("avif", "image/avif"), Map.entry("avro", "application/avro"),
      Map.entry("bmp", "image/bmp"), Map.entry("bz2", "application/x-bzip2"),
      Map.entry("cab", "application/vnd.ms-cab-compressed"),
      // Compound File Binary (OLE2): Tika's type for the container itself
      Map.entry("cfb", "application/x-tika-msoffice"),
      Map.entry("class", "application/java-vm"),
      // file-type's name for a Windows registry hive ("regf")
      Map.entry("dat", "application/x-ft-windows-registry-hive"),
      Map.entry("deb", "application/x-debian-package"),
      Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
      Map.entry("elf", "application/x-elf"), Map.entry("epub", "application/epub+zip"),
      Map.entry("exe", "application/x-msdownload"), Map.entry("flac", "audio/x-flac"),
      Map.entry("gif", "image/gif"), Map.entry("gz", "application/gzip"),
      Map.entry("heic", "image/heic"), Map.entry("ico", "image/vnd.microsoft.icon"),
      Map.entry("ics", "text/calendar"), Map.entry("jar", "application/java-archive"),
      Map.entry("jpg", "image/jpeg"), Map.entry("jxl", "image/jxl"),
      Map.entry("lnk", "application/x-ms-shortcut"), Map.entry("lz", "application/x-lzip"),
      Map.entry("lz4", "application/x-lz4"), Map.entry("mkv", "video/x-matroska"),
      Map.entry("mov", "video/quicktime"), Map.entry("mp3", "audio/mpeg"),
      Map.entry("mp4", "video/mp4"), Map.entry("odt", "application/vnd.oasis.opendocument.text"),
      Map.entry("ogg", "audio/ogg"), Map.entry("parquet", "application/x-parquet"),
      Map.entry("pdf", "application/pdf"), Map.entry("png", "image/png"),
      Map.entry("pptx",
          "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
      Map.entry("ps", "application/postscript"), Map.entry("psd", "image/vnd.adobe.photoshop"),
      Map.entry("rar", "application/x-rar-compressed"), Map.entry("rpm", "application/x-rpm"),
      Map.entry("rtf", "application/rtf"), Map.entry("sqlite", "application/x-sqlite3"),
      Map.entry("swf", "application/x-shockwave-flash"), Map.entry("tar", "application/x-tar"),
      Map.entry("tar.gz", "application/gzip"), Map.entry("tif", "image/tiff"),
      Map.entry("vcf", "text/x-vcard"), Map.entry("vtt", "text/vtt"),
      Map.entry("wasm", "application/wasm"), Map.entry("wav", "audio/vnd.wave"),
      Map.entry("webm", "video/webm"), Map.entry("webp", "image/webp"),
      Map.entry("xls", "application/vnd.ms-excel"),
      Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      Map.entry("xml", "application/xml"), Map.entry("xz", "application/x-xz"),
      Map.entry("Z", "application/x-compress"), Map.entry("zip", "application/zip"),
      Map.entry("zst", "application/zstd"));

  /** Files whose label detection must give. */
  static final List<String> MATCH = List.of(
      "file_type_fixtures/fixture-bad-offset-10.mp3",
      "file_type_fixtures/fixture-bad-offset.mp3",
      "file_type_fixtures/fixture-bali.tif",
      "file_type_fixtures/fixture-big-endian.tif",
      "file_type_fixtures/fixture-fast-web.pdf",
      "file_type_fixtures/fixture-imovie.mp4",
      "file_type_fixtures/fixture-itxt.png",
      "file_type_fixtures/fixture-json.webp",
      "file_type_fixtures/fixture-minimal.pdf",
      "file_type_fixtures/fixture-pax.tar",
      "file_type_fixtures/fixture-printed.pdf",
      "file_type_fixtures/fixture-smallest.pdf",
      "file_type_fixtures/fixture-spaces.tar",
      "file_type_fixtures/fixture-utf16-be-bom.xml",
      "file_type_fixtures/fixture-utf16-le-bom.xml",
      "file_type_fixtures/fixture-vtt-linebreak.vtt",
      "file_type_fixtures/fixture-yuv420-8bit.avif",
      "file_type_fixtures/fixture.7z",
      "file_type_fixtures/fixture.ar",
      "file_type_fixtures/fixture.avi",
      "file_type_fixtures/fixture.bmp",
      "file_type_fixtures/fixture.bz2",
      "file_type_fixtures/fixture.cab",
      "file_type_fixtures/fixture.class",
      "file_type_fixtures/fixture.deb",
      "file_type_fixtures/fixture.doc.cfb",
      "file_type_fixtures/fixture.elf",
      "file_type_fixtures/fixture.epub",
      "file_type_fixtures/fixture.exe",
      "file_type_fixtures/fixture.flac",
      "file_type_fixtures/fixture.gif",
      "file_type_fixtures/fixture.gz",
      "file_type_fixtures/fixture.ico",
      "file_type_fixtures/fixture.ics",
      "file_type_fixtures/fixture.jpg",
      "file_type_fixtures/fixture.jxl",
      "file_type_fixtures/fixture.lz4",
      "file_type_fixtures/fixture.mov",
      "file_type_fixtures/fixture.mp3",
      "file_type_fixtures/fixture.odt",
      "file_type_fixtures/fixture.ogg",
      "file_type_fixtures/fixture.parquet",
      "file_type_fixtures/fixture.pdf",
      "file_type_fixtures/fixture.png",
      "file_type_fixtures/fixture.ps",
      "file_type_fixtures/fixture.psd",
      "file_type_fixtures/fixture.rar",
      "file_type_fixtures/fixture.rpm",
      "file_type_fixtures/fixture.rtf",
      "file_type_fixtures/fixture.sqlite",
      "file_type_fixtures/fixture.swf",
      "file_type_fixtures/fixture.tar",
      "file_type_fixtures/fixture.tar.Z",
      "file_type_fixtures/fixture.tar.gz",
      "file_type_fixtures/fixture.tar.lz",
      "file_type_fixtures/fixture.tar.xz",
      "file_type_fixtures/fixture.tar.zst",
      "file_type_fixtures/fixture.vcf",
      "file_type_fixtures/fixture.wasm",
      "file_type_fixtures/fixture.wav",
      "file_type_fixtures/fixture.webp",
      "file_type_fixtures/fixture.xml",
      "file_type_fixtures/fixture.zip",
      "commons_compress_archives/COMPRESS-542-endheadercorrupted.7z",
      "commons_compress_archives/COMPRESS-544_truncated_in_content-fail.tar",
      "commons_compress_archives/COMPRESS-544_truncated_in_padding-fail.tar",
      "commons_compress_archives/COMPRESS-546.zip",
      "commons_compress_archives/COMPRESS-548.zip",
      "commons_compress_archives/SHRUNK.ZIP",
      "commons_compress_archives/archive_with_bytes_after_data.zip",
      "commons_compress_archives/archive_with_trailer.zip",
      "commons_compress_archives/bla.tar",
      "commons_compress_archives/bla.tgz",
      "commons_compress_archives/bla.zip",
      "commons_compress_archives/bzip2-zip.zip",
      "commons_compress_archives/lorem-ipsum.txt.gz",
      "commons_compress_archives/members-size-0.gz",
      "commons_compress_archives/members.gz",
      "commons_compress_archives/minotaur.zip",
      "commons_compress_archives/mixed.zip",
      "commons_compress_archives/multiple.gz");

  /** Files whose label detection does not give, and why. */
  static final Map<String, String> DIFFER = Map.ofEntries(
      Map.entry("file_type_fixtures/fixture-corrupt.png", "corrupt PNG with its signature and "
          + "IHDR intact: magic sniffing still calls it image/png (expected, see the realdata "
          + "README); file-type rejects it by reading further"),
      Map.entry("file_type_fixtures/fixture-corrupt.mkv", "damaged Matroska with its EBML header "
          + "intact: magic still sees Matroska"),
      Map.entry("file_type_fixtures/fixture-mif1.heic", "brand mif1 is generic HEIF: image/heif; "
          + "HEIC is the heic brand"),
      Map.entry("file_type_fixtures/fixture-office365.docx", "OOXML whose first entry is not "
          + "[Content_Types].xml: magic sees a zip; naming the document needs tika-parsers' zip "
          + "container detector, which opens the archive (not done)"),
      Map.entry("file_type_fixtures/fixture.docx", "OOXML: magic stops at the OOXML container "
          + "(x-tika-ooxml); the document type is inside the archive"),
      Map.entry("file_type_fixtures/fixture2.docx", "OOXML: container type only, as fixture.docx"),
      Map.entry("file_type_fixtures/fixture.pptx", "OOXML: container type only, as fixture.docx"),
      Map.entry("file_type_fixtures/fixture.xlsx", "OOXML whose first entry is not "
          + "[Content_Types].xml: a zip, as fixture-office365.docx"),
      Map.entry("file_type_fixtures/fixture-password-protected.xls", "OLE2 container "
          + "(x-tika-msoffice): which Office document needs tika-parsers' POIFS detector"),
      Map.entry("file_type_fixtures/fixture.jar", "a jar is a zip; what makes it a jar (its "
          + "manifest) is inside the archive"),
      Map.entry("file_type_fixtures/fixture.mkv", "magic sees the Matroska container "
          + "(application/x-matroska), not its video doctype"),
      Map.entry("file_type_fixtures/fixture.webm", "WebM is Matroska with doctype webm: magic "
          + "sees the Matroska container"),
      Map.entry("file_type_fixtures/fixture.apng", "an APNG is a PNG with an acTL chunk: "
          + "tika-core has no APNG type, image/png"),
      Map.entry("file_type_fixtures/fixture-unicode-tests.dat", "Windows registry hive (regf): "
          + "no magic for it in tika-core"),
      Map.entry("file_type_fixtures/fixture.avro", "no Avro container magic (Obj 0x01) in "
          + "tika-core"),
      Map.entry("file_type_fixtures/fixture.lnk", "no Windows shortcut magic in tika-core"),
      Map.entry("file_type_fixtures/fixture-utf8-bom.xml", "a UTF-8 byte order mark before "
          + "<?xml: the XML magic does not skip it, so plain text"),
      Map.entry("file_type_fixtures/fixture-vtt-eof.vtt", "the 6 bytes WEBVTT and no line end: "
          + "the text/vtt magic wants a separator after it, so plain text"),
      Map.entry("file_type_fixtures/fixture-v7.tar", "a Version 7 tar has no ustar magic: "
          + "nothing at a fixed offset identifies it"),
      Map.entry("commons_compress_archives/COMPRESS-621.zip", "text before the first local "
          + "header: the zip magic is at offset 0 (readers that start from the end accept it)"),
      Map.entry("commons_compress_archives/invalid-zip.zip", "no zip signature at all (the "
          + "label is its extension's, outcome malformed): plain text is what it is"));

  record Row(String path, long size, String sha256, String label, String outcome) {}

  static List<Row> labels(Path csv) throws Exception {
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", 6);
      rows.add(new Row(c[0], Long.parseLong(c[1]), c[2], c[3], c[4]));
    }
    return rows;
  }

  @Test
  void mediaTypesByContentAgainstTheGoldLabels() throws Exception {
    Path csv = Paths.realdata("uploads/expected_labels.csv");
    MediaTypeRegistry registry = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
    ContentInspector inspector = new ContentInspector();
    Map<String, String> got = new TreeMap<>();
    Map<String, Boolean> right = new LinkedHashMap<>();
    List<Row> rows = labels(csv);
    for (Row r : rows) {
      try (InputStream in = Files.newInputStream(csv.getParent().resolve(r.path()))) {
        inspector.inspect(in);
      }
      assertThat(inspector.size()).as(r.path()).isEqualTo(r.size());
      assertThat(HexFormat.of().formatHex(inspector.sha256())).as(r.path()).isEqualTo(r.sha256());
      MediaType t = inspector.contentType().getBaseType();
      got.put(r.path(), t.toString());
      boolean ok;
      if (r.label().equals("none")) {
        ok = t.equals(MediaType.OCTET_STREAM) || t.equals(MediaType.TEXT_PLAIN);
      } else {
        assertThat(LABELS).as("a media type for label %s", r.label()).containsKey(r.label());
        MediaType want = registry.normalize(MediaType.parse(LABELS.get(r.label())));
        MediaType norm = registry.normalize(t);
        ok = norm.equals(want) || registry.isSpecializationOf(norm, want);
      }
      right.put(r.path(), ok);
    }
    long n = right.values().stream().filter(b -> b).count();
    System.out.printf("media types by content: %d of %d files get their expected type%n", n,
        rows.size());
    for (Row r : rows) {
      if (!right.get(r.path())) {
        System.out.printf("  %s: %s, detected %s: %s%n", r.path(), r.label(), got.get(r.path()),
            DIFFER.getOrDefault(r.path(), "NOT LISTED"));
      }
    }
    for (String p : MATCH) {
      assertThat(right).as("listed %s", p).containsKey(p);
      assertThat(right.get(p)).as("%s: expected %s, detected %s", p, p, got.get(p)).isTrue();
    }
    for (Map.Entry<String, String> e : DIFFER.entrySet()) {
      assertThat(right.get(e.getKey())).as("%s should still differ (%s); detected %s", e.getKey(),
          e.getValue(), got.get(e.getKey())).isFalse();
    }
    assertThat(MATCH.size() + DIFFER.size()).as("every labelled file listed").isEqualTo(
        rows.size());
  }
}
