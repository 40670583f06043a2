package org.colony.jobs.thumbnails;

import java.io.IOException;
import javax.imageio.stream.ImageInputStreamImpl;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * An ImageIO input stream straight over a Hadoop file's seekable stream, with a 64 KB read
 * buffer: decoders seek where they need to, and nothing is copied to a cache (ImageIO's own
 * streams over a plain InputStream keep every byte read, in memory or in a temporary file).
 *
 * <p>It remembers whether a decoder tried to read past the end of the file (so a decoding error
 * can be told TRUNCATED from CORRUPT), and the first exception of the file system itself (which
 * is no fault of the image, and is rethrown rather than blamed on it).
 */
public final class SeekableImageInputStream extends ImageInputStreamImpl {
  private final FSDataInputStream in;
  private final long length;
  private final byte[] buffer = new byte[1 << 16];
  private long bufferStart;
  private int bufferLength;
  private boolean hitEnd;
  private IOException failure;
  private long bytesRead;

  /** Reads {@code in}, a file of {@code length} bytes; closing this closes it. */
  public SeekableImageInputStream(FSDataInputStream in, long length) {
    this.in = in;
    this.length = length;
  }

  @Override
  public int read() throws IOException {
    checkClosed();
    bitOffset = 0;
    if (!fill()) {
      return -1;
    }
    return buffer[(int) (streamPos++ - bufferStart)] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    checkClosed();
    if (off < 0 || len < 0 || off + len > b.length) {
      throw new IndexOutOfBoundsException("off " + off + " len " + len + " of " + b.length);
    }
    if (len == 0) {
      return 0;
    }
    bitOffset = 0;
    if (!fill()) {
      return -1;
    }
    int n = (int) Math.min(len, bufferStart + bufferLength - streamPos);
    System.arraycopy(buffer, (int) (streamPos - bufferStart), b, off, n);
    streamPos += n;
    return n;
  }

  /** Makes the buffer hold the byte at streamPos; false at the end of the file. */
  private boolean fill() throws IOException {
    if (streamPos >= bufferStart && streamPos < bufferStart + bufferLength) {
      return true;
    }
    if (streamPos >= length) {
      hitEnd = true;
      return false;
    }
    try {
      if (in.getPos() != streamPos) {
        in.seek(streamPos);
      }
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - streamPos));
      if (n <= 0) {
        hitEnd = true; // shorter than listed: changed since
        return false;
      }
      bufferStart = streamPos;
      bufferLength = n;
      bytesRead += n;
      return true;
    } catch (IOException e) {
      if (failure == null) {
        failure = e;
      }
      throw e;
    }
  }

  @Override
  public long length() {
    return length;
  }

  /** Whether a read reached the end of the file. */
  public boolean hitEnd() {
    return hitEnd;
  }

  /** The file system's first exception, or null. */
  public IOException failure() {
    return failure;
  }

  /** Bytes read from the file system. */
  public long bytesRead() {
    return bytesRead;
  }

  @Override
  public void close() throws IOException {
    super.close();
    in.close();
  }
}
