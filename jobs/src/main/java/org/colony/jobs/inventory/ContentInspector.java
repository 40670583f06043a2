package org.colony.jobs.inventory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * What an upload is, from its bytes: SHA-256 and size of the whole content, streamed in 64 KiB
 * chunks (never the whole file in memory), and its media type by content, from Tika's magic-byte
 * detection on the first {@link #headLength()} bytes (64 KiB); and the media type its name
 * claims, from Tika's file-name globs. One instance per task: buffers are reused.
 *
 * <p>Nothing is decoded, decompressed or extracted: an archive is a type and a hash, a
 * decompression bomb is a few bytes of header.
 */
public final class ContentInspector {
  private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
  private final MediaTypeRegistry registry = types.getMediaTypeRegistry();
  private final byte[] head = new byte[Math.max(types.getMinLength(), 1 << 12)];
  private final byte[] chunk = new byte[1 << 16];
  private final MessageDigest sha;
  private final byte[] digest = new byte[32];
  private long size;
  private MediaType contentType;
  private boolean detectionFailed;

  public ContentInspector() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** Reads {@code in} to its end: hashes it and detects its type. */
  public void inspect(InputStream in) throws IOException {
    sha.reset();
    int n = 0;
    while (n < head.length) {
      int r = in.read(head, n, head.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    sha.update(head, 0, n);
    size = n;
    if (n == head.length) {
      for (int r = in.read(chunk); r >= 0; r = in.read(chunk)) {
        sha.update(chunk, 0, r);
        size += r;
      }
    }
    try {
      sha.digest(digest, 0, digest.length);
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
    detectionFailed = false;
    try {
      contentType = types.detect(new ByteArrayInputStream(head, 0, n), new Metadata());
    } catch (IOException | RuntimeException e) {
      // hostile bytes must not fail a task: the type is unknown
      contentType = MediaType.OCTET_STREAM;
      detectionFailed = true;
    }
  }

  /** Bytes the last {@link #inspect} read. */
  public long size() {
    return size;
  }

  /** SHA-256 of the last content (the array is reused). */
  public byte[] sha256() {
    return digest;
  }

  /** The last content's media type by its bytes; application/octet-stream when unknown. */
  public MediaType contentType() {
    return contentType;
  }

  /** Whether detection threw on the last content (its type is then application/octet-stream). */
  public boolean detectionFailed() {
    return detectionFailed;
  }

  /** How many leading bytes detection looks at. */
  public int headLength() {
    return head.length;
  }

  /** The media type a file name claims (by its extension); application/octet-stream if none. */
  public MediaType nameType(String fileName) {
    Metadata md = new Metadata();
    md.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    try {
      return types.detect(null, md);
    } catch (IOException | RuntimeException e) {
      return MediaType.OCTET_STREAM;
    }
  }

  /**
   * Whether a name's type and a content's type disagree: both are specific (neither is
   * application/octet-stream, the "unknown" both fall back to) and neither is the other, an alias
   * of it or a kind of it in Tika's type hierarchy. So text/plain content named .csv or .json
   * agrees (plain text is all magic can say of them), a zip named .docx agrees (a docx is a zip),
   * a GNU tar named .tar agrees; JSON named .png, a PNG named .jpg, HTML named .jpg disagree.
   */
  public boolean disagree(MediaType name, MediaType content) {
    MediaType n = registry.normalize(name.getBaseType());
    MediaType c = registry.normalize(content.getBaseType());
    return !(n.equals(c) || registry.isSpecializationOf(n, c)
        || registry.isSpecializationOf(c, n));
  }

  /** A type as the reports show it: without parameters, or "-" for unknown. */
  public static String display(MediaType t) {
    return t == null || t.equals(MediaType.OCTET_STREAM) ? "-" : t.getBaseType().toString();
  }

  /** A type as the reports show it, with octet-stream spelled out (for a content type). */
  public static String displayContent(MediaType t) {
    return t.getBaseType().toString();
  }
}
