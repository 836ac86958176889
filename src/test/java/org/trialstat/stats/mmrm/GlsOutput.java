package org.trialstat.stats.mmrm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.trialstat.TestFiles;

/** The blocks ("==== name structure" then lines) of a committed R output file. */
final class GlsOutput {

  private GlsOutput() {
  }

  static List<String> lines(String resource) {
    try {
      return Files.readAllLines(TestFiles.resource(resource.substring(1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> block(List<String> lines, String name) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String l : lines) {
      if (l.startsWith("====")) {
        in = l.substring(4).trim().equals(name);
      } else if (in && !l.isBlank()) {
        out.add(l);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no block " + name);
    }
    return out;
  }
}
