package org.colony.io.access;

import org.apache.hadoop.io.Text;

/**
 * The client addresses of one line, in the order the request travelled: a forwarded-for chain
 * (its entries split on commas, spaces and quotes, {@code -} dropped) and then the address that
 * connected. Gives the record its client list (joined with ", ") and its effective client, the
 * chain's first public address, else its first entry. Scratch space of one parser: reuse it.
 */
final class ClientChain {
  static final int MAX_CLIENTS = 64;
  private static final byte[] LIST_SEPARATOR = {',', ' '};

  private final int[] start = new int[MAX_CLIENTS];
  private final int[] end = new int[MAX_CLIENTS];
  private int count;

  void clear() {
    count = 0;
  }

  /**
   * Adds the entries of {@code b[s,e)}.
   *
   * @return false if the line has more than {@link #MAX_CLIENTS} entries
   */
  boolean add(byte[] b, int s, int e) {
    int j = s;
    while (j < e) {
      while (j < e && isSeparator(b[j])) {
        j++;
      }
      int es = j;
      while (j < e && !isSeparator(b[j])) {
        j++;
      }
      if (j > es && !AccessFields.isDash(b, es, j)) {
        if (count == MAX_CLIENTS) {
          return false;
        }
        start[count] = es;
        end[count] = j;
        count++;
      }
    }
    return true;
  }

  /** Sets the record's client list and effective client from the entries added. */
  void fill(byte[] b, AccessLogRecord r) {
    Text list = r.clientList();
    int chosen = -1;
    for (int c = 0; c < count; c++) {
      if (c > 0) {
        list.append(LIST_SEPARATOR, 0, LIST_SEPARATOR.length);
      }
      list.append(b, start[c], end[c] - start[c]);
      if (chosen < 0 && ClientAddresses.isPublic(b, start[c], end[c])) {
        chosen = c;
      }
    }
    if (count > 0) {
      if (chosen < 0) {
        chosen = 0;
      }
      r.client().set(b, start[chosen], end[chosen] - start[chosen]);
    }
  }

  private static boolean isSeparator(byte c) {
    return c == '"' || c == ',' || c == ' ';
  }
}
