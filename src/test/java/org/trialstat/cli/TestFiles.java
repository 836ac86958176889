package org.trialstat.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small input files written by tests into their temporary folder. */
final class TestFiles {

  private TestFiles() {
  }

  /** Writes {@code content} as UTF-8 to {@code dir/name} (folders created) and returns the path. */
  static Path write(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }
}
