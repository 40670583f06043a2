package org.colony.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.io.Text;
import org.colony.io.ParsedRecord;
import org.colony.io.RejectReason;

/**
 * Generated line files for reader tests: lines with the fingerprint of the record each must
 * become (known when the line is built, never from the parser), written with chosen line ends,
 * byte order mark and final newline, with the offset of every line. Fingerprints compare bytes as
 * text through their Latin-1 view, so any bytes survive.
 */
public final class LineFiles {
  private LineFiles() {}

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** One line's bytes (without line end) and its expected fingerprint. */
  public record Line(byte[] bytes, String expected) {
    /** A line of UTF-8 text. */
    public static Line of(String text, String expected) {
      return new Line(text.getBytes(StandardCharsets.UTF_8), expected);
    }

    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return latin1(bytes) + " -> " + expected;
    }
  }

  /**
   * Writes the lines, each followed by {@code eol} (the last one only if {@code finalEol}), after
   * a UTF-8 byte order mark if {@code bom}, and closes {@code out}.
   *
   * @return the byte offset of each line in the written (uncompressed) stream
   */
  public static long[] write(OutputStream out, List<Line> lines, String eol, boolean bom,
      boolean finalEol) throws IOException {
    long[] offsets = new long[lines.size()];
    long pos = 0;
    if (bom) {
      out.write(BOM);
      pos = BOM.length;
    }
    byte[] eolBytes = eol.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < lines.size(); i++) {
      // a reader drops the byte order mark: the first line starts at 0
      offsets[i] = i == 0 ? 0 : pos;
      byte[] b = lines.get(i).bytes();
      out.write(b);
      pos += b.length;
      if (i < lines.size() - 1 || finalEol) {
        out.write(eolBytes);
        pos += eolBytes.length;
      }
    }
    out.close();
    return offsets;
  }

  /** Total bytes {@link #write} writes for these lines. */
  public static long length(List<Line> lines, String eol, boolean bom, boolean finalEol) {
    long n = bom ? BOM.length : 0;
    for (Line l : lines) {
      n += l.bytes().length + eol.length();
    }
    return finalEol || lines.isEmpty() ? n : n - eol.length();
  }

  /** The fingerprint of a rejected line: its reason and (at most {@code maxLineBytes} of) it. */
  public static String reject(RejectReason reason, byte[] line, int maxLineBytes) {
    return "R|" + reason + "|" + latin1(Arrays.copyOf(line, Math.min(line.length, maxLineBytes)));
  }

  public static String reject(RejectReason reason, String line, int maxLineBytes) {
    return reject(reason, line.getBytes(StandardCharsets.UTF_8), maxLineBytes);
  }

  /** The fingerprint of a record a reader yielded rejected, in the form of {@link #reject}. */
  public static String rejectFingerprint(ParsedRecord r) {
    return "R|" + r.reject().reason() + "|" + latin1(r.reject().line());
  }

  /** The Latin-1 view of a string's UTF-8 bytes. */
  public static String latin1(String s) {
    return latin1(s.getBytes(StandardCharsets.UTF_8));
  }

  public static String latin1(Text t) {
    return new String(t.getBytes(), 0, t.getLength(), StandardCharsets.ISO_8859_1);
  }

  public static String latin1(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }
}
