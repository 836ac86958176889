package org.trialstat.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as picocli's writer (help, messages) and as the byte stream that renderers write to,
 * so that binary formats reach standard output unchanged.
 */
final class StdOut extends PrintWriter {
  private final PrintStream bytes;

  StdOut(PrintStream bytes) {
    super(bytes, true, StandardCharsets.UTF_8);
    this.bytes = bytes;
  }

  /** The byte stream behind the writer. */
  PrintStream bytes() {
    flush();
    return bytes;
  }
}
