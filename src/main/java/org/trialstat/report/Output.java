package org.trialstat.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.trialstat.model.Printable;

/**
 * A rendered result, written as bytes: text formats as UTF-8, JSON streamed by the generator, and binary
 * formats (images) as they are. {@code --output} and standard output take any of them alike.
 */
@FunctionalInterface
public interface Output {

  /** Writes the bytes; the stream is left open. */
  void writeTo(OutputStream out) throws IOException;

  /** UTF-8 text. */
  static Output text(String text) {
    return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A text document (table, Markdown) as UTF-8, every control, bidi and invisible character that is not a
   * line feed shown as an escape ({@link Printable#escapeKeepingLines(String)}): a name from the input can
   * neither drive the terminal nor reorder what is shown.
   */
  static Output document(String text) {
    return text(Printable.escapeKeepingLines(text));
  }

  /** The bytes decoded as UTF-8 (for tests and in-memory use of text formats). */
  default String asText() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try {
      writeTo(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toString(StandardCharsets.UTF_8);
  }
}
