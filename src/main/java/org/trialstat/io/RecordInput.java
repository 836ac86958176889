package org.trialstat.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.trialstat.model.DataException;

/**
 * A byte stream read through one buffer, for the binary readers: look ahead without consuming, take
 * bytes, count the position. Read errors become {@link DataException}s naming the file.
 */
final class RecordInput implements AutoCloseable {

  private final InputStream in;
  private final String file;
  private byte[] buf = new byte[64 * 1024];
  private int pos;
  private int lim;
  private boolean eof;
  private long consumed;

  RecordInput(InputStream in, String file) {
    this.in = in;
    this.file = file;
  }

  /** Bytes consumed so far. */
  long position() {
    return consumed;
  }

  /**
   * Makes {@code n} bytes available from the current position, fewer only at the end of the input.
   *
   * @return the bytes available (at most n are guaranteed to be looked at)
   */
  int ensure(int n) {
    if (lim - pos >= n || eof) {
      return lim - pos;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    if (n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
    }
    try {
      while (lim < n) {
        int k = in.read(buf, lim, buf.length - lim);
        if (k < 0) {
          eof = true;
          break;
        }
        lim += k;
      }
    } catch (IOException e) {
      throw GuardedReader.cannotRead(file, e);
    }
    return lim - pos;
  }

  /** The buffer; valid from {@link #offset()} for the bytes {@link #ensure} made available. */
  byte[] buffer() {
    return buf;
  }

  /** Where the current position is in {@link #buffer()}. */
  int offset() {
    return pos;
  }

  /** Consumes {@code n} available bytes. */
  void skip(int n) {
    pos += n;
    consumed += n;
  }

  /** Whether the available bytes at the current position start with {@code prefix}. */
  boolean startsWith(byte[] prefix, int from) {
    if (ensure(from + prefix.length) < from + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buf[pos + from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // nothing was lost: the input was read
    }
  }
}
