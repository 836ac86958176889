package org.trialstat.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.trialstat.model.DataException;

/**
 * The characters of an input for {@link GuardedReader}: bytes decoded strictly (UTF-8, with or without
 * a byte-order mark, or UTF-16 with one; a malformed sequence is a problem, not a replacement
 * character), with workbooks and UTF-32 recognised by their first bytes, or characters the caller
 * decoded. A decoding problem ends the characters; the reader throws it, with its line, when it has
 * handed out the characters before it.
 */
final class StrictText {

  private final InputStream bytesIn;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes;
  private boolean bytesEof;
  private final Reader charsIn;
  private boolean eof;
  /** A decoding problem met by the decoder, not yet taken. */
  private String problem;

  private StrictText(InputStream bytesIn, Charset charset, Reader charsIn) {
    this.bytesIn = bytesIn;
    this.charsIn = charsIn;
    if (bytesIn != null) {
      decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      bytes = ByteBuffer.allocate(16 * 1024);
      bytes.flip();
    } else {
      decoder = null;
      bytes = null;
    }
  }

  /** Bytes: UTF-8, with or without a byte-order mark, or UTF-16 with a byte-order mark. */
  static StrictText ofBytes(InputStream in, String file) throws GuardedReader.DataIOException {
    PushbackInputStream pin = new PushbackInputStream(in, 4);
    byte[] head = new byte[4];
    int n = 0;
    Charset cs = StandardCharsets.UTF_8;
    try {
      while (n < 4) {
        int k = pin.read(head, n, 4 - n);
        if (k < 0) {
          break;
        }
        n += k;
      }
      int b0 = n > 0 ? head[0] & 0xff : -1;
      int b1 = n > 1 ? head[1] & 0xff : -1;
      int b2 = n > 2 ? head[2] & 0xff : -1;
      int b3 = n > 3 ? head[3] & 0xff : -1;
      int skip = 0;
      if (b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4) {
        throw notText(file, "file is a ZIP archive (an Excel .xlsx workbook?); expected a CSV text file: save"
            + " the sheet as \"CSV UTF-8\"");
      } else if (b0 == 0xD0 && b1 == 0xCF && b2 == 0x11 && b3 == 0xE0) {
        throw notText(file, "file is an OLE document (an Excel .xls workbook?); expected a CSV text file:"
            + " save the sheet as \"CSV UTF-8\"");
      } else if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
        skip = 3;
      } else if ((b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) || (b0 == 0 && b1 == 0 && b2 == 0xFE
          && b3 == 0xFF)) {
        throw notText(file,
            "file is UTF-32 (byte-order mark found); expected UTF-8 text: save it as UTF-8 (\"CSV UTF-8\")");
      } else if (b0 == 0xFE && b1 == 0xFF) {
        cs = StandardCharsets.UTF_16BE;
        skip = 2;
      } else if (b0 == 0xFF && b1 == 0xFE) {
        cs = StandardCharsets.UTF_16LE;
        skip = 2;
      }
      if (n > skip) {
        pin.unread(head, skip, n - skip);
      }
    } catch (GuardedReader.DataIOException e) {
      throw e;
    } catch (IOException e) {
      throw new GuardedReader.DataIOException(GuardedReader.cannotRead(file, e));
    }
    return new StrictText(pin, cs, null);
  }

  /** Characters the caller decoded. */
  static StrictText ofChars(Reader in) {
    return new StrictText(null, null, in);
  }

  private static GuardedReader.DataIOException notText(String file, String message) {
    return new GuardedReader.DataIOException(new DataException(file, 0, 0, message));
  }

  /** Whether the characters have ended (or a decoding problem ended them). */
  boolean atEnd() {
    return eof;
  }

  /**
   * Reads characters into buf[off, off + len).
   *
   * @return how many, or -1 at the end of the input or at a decoding problem (then {@link #takeProblem})
   */
  int read(char[] buf, int off, int len, String file) throws GuardedReader.DataIOException {
    if (eof) {
      return -1;
    }
    try {
      if (charsIn == null) {
        return decode(buf, off, len);
      }
      int n = charsIn.read(buf, off, len);
      while (n == 0) {
        n = charsIn.read(buf, off, len);
      }
      eof = n < 0;
      return n;
    } catch (GuardedReader.DataIOException e) {
      throw e;
    } catch (IOException e) {
      throw new GuardedReader.DataIOException(GuardedReader.cannotRead(file, e));
    }
  }

  private int decode(char[] buf, int off, int len) throws IOException {
    CharBuffer out = CharBuffer.wrap(buf, off, len);
    while (true) {
      CoderResult r = decoder.decode(bytes, out, bytesEof);
      int n = out.position() - off;
      if (r.isError()) {
        StringBuilder hex = new StringBuilder();
        for (int k = 0; k < r.length() && k < 4; k++) {
          hex.append(k == 0 ? "" : " ")
              .append(String.format(Locale.ROOT, "0x%02X", bytes.get(bytes.position() + k) & 0xff));
        }
        problem = decoder.charset() == StandardCharsets.UTF_8
            ? "bytes " + hex + " are not valid UTF-8; expected UTF-8 text: save the file as \"CSV UTF-8\""
              + " (a file saved as Latin-1 or Windows-1252 shows this)"
            : "bytes " + hex + " are not valid " + decoder.charset().name() + "; expected text in the"
              + " encoding its byte-order mark announces: save the file as UTF-8";
        eof = true;
        return n > 0 ? n : -1;
      }
      if (r.isOverflow() || n > 0) {
        return n;
      }
      if (bytesEof) {
        decoder.flush(out);
        n = out.position() - off;
        eof = true;
        return n > 0 ? n : -1;
      }
      bytes.compact();
      int k = bytesIn.read(bytes.array(), bytes.position(), bytes.remaining());
      if (k < 0) {
        bytesEof = true;
      } else {
        bytes.position(bytes.position() + k);
      }
      bytes.flip();
    }
  }

  /** The decoding problem that ended the characters, once; null if none (or taken). */
  String takeProblem() {
    String p = problem;
    problem = null;
    return p;
  }

  void close() throws IOException {
    if (bytesIn != null) {
      bytesIn.close();
    } else {
      charsIn.close();
    }
  }
}
