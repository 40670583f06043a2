package org.colony.io.uploads;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a path read from a pack (untrusted bytes) may be restored as a file below an output
 * folder, as itself. Safe: valid UTF-8, relative ('/'-separated, not starting with '/'), every
 * component non-empty, not {@code .} or {@code ..}, not hidden (starting with {@code _} or
 * {@code .}, as Hadoop's inputs skip them and the output's own {@code _SUCCESS},
 * {@code _manifest.json} and {@code _rejects/} are named), without NUL, a backslash (a Windows
 * separator) or a colon (a Hadoop path cannot hold one in a name: it reads as a URI scheme, and
 * HDFS refuses it). Tabs, newlines, spaces and any other UTF-8 are names like others.
 *
 * <p>Every path the uploads formats produce from an upload store passes: the store lists no hidden
 * files and Hadoop paths hold no empty, '.' or '..' components.
 */
public final class RestorePaths {
  private RestorePaths() {}

  /**
   * Why {@code b[0, n)} must not be restored, or null when it is safe.
   */
  public static String problem(byte[] b, int n) {
    if (n == 0) {
      return "empty path";
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, n));
    } catch (CharacterCodingException e) {
      return "not UTF-8";
    }
    if (b[0] == '/') {
      return "absolute path";
    }
    int start = 0;
    for (int i = 0; i <= n; i++) {
      if (i < n && b[i] == 0) {
        return "NUL byte";
      }
      if (i < n && b[i] == '\\') {
        return "backslash";
      }
      if (i < n && b[i] == ':') {
        return "colon";
      }
      if (i == n || b[i] == '/') {
        int len = i - start;
        if (len == 0) {
          return "empty component";
        }
        if (len == 2 && b[start] == '.' && b[start + 1] == '.') {
          return "'..' component";
        }
        if (b[start] == '.' || b[start] == '_') {
          return len == 1 && b[start] == '.' ? "'.' component" : "hidden component";
        }
        start = i + 1;
      }
    }
    return null;
  }
}
