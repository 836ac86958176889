package org.trialstat.cli;

import java.io.IOException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** trialstat's version and the git commit it was built from, from the jar's manifest. */
final class Build {
  private static final Manifest MANIFEST = read();

  private Build() {
  }

  /** The manifest of the jar that holds this class (not the first manifest on the class path). */
  private static Manifest read() {
    try {
      java.security.CodeSource source = Build.class.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation().getPath().endsWith(".jar")) {
        try (JarFile jar = new JarFile(new java.io.File(source.getLocation().toURI()))) {
          Manifest m = jar.getManifest();
          return m == null ? new Manifest() : m;
        }
      }
    } catch (IOException | java.net.URISyntaxException | SecurityException e) {
      // no manifest: a development build
    }
    return new Manifest();
  }

  /** The version, or "development build" outside the jar. */
  static String version() {
    String v = MANIFEST.getMainAttributes().getValue("Implementation-Version");
    return v == null ? "development build" : v;
  }

  /** The git commit (12 hex digits), or null when the jar was not built from a git checkout. */
  static String commit() {
    String c = MANIFEST.getMainAttributes().getValue("Implementation-Build");
    return c == null || !c.matches("[0-9a-f]{7,40}") ? null : c;
  }
}
