package org.trialstat.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Keeps {@code verify}'s data files inside one folder: claims files come from pull requests, so a claim
 * may not make trialstat read (and quote in its report) a file elsewhere on the machine.
 */
final class DataRoot {

  private DataRoot() {
  }

  /**
   * Why {@code name} is not a file inside {@code root}, or null when it is: an absolute path, a {@code ..}
   * segment, an {@code @} prefix, or a symbolic link that leads outside. The reason names the path, never
   * the file's content.
   */
  static String outside(Path root, String name) {
    String why = "is outside the data folder " + root + " (absolute paths, '..' and '@' are refused; --data-dir "
        + "names another root)";
    if (name.startsWith("@") || name.startsWith("/") || name.startsWith("\\\\") || name.matches("^[A-Za-z]:.*")) {
      return why;
    }
    Path p;
    try {
      p = Path.of(name);
    } catch (InvalidPathException e) {
      return "is not a valid path";
    }
    if (p.isAbsolute()) {
      return why;
    }
    for (Path part : p) {
      if (part.toString().equals("..")) {
        return why;
      }
    }
    Path file = root.resolve(p).normalize();
    if (Files.exists(file)) {
      try {
        if (!file.toRealPath().startsWith(root.toRealPath())) {
          return "leads outside the data folder " + root + " through a symbolic link";
        }
      } catch (IOException e) {
        return null; // the reader says why it cannot open it
      }
    }
    return null;
  }
}
