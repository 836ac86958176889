package org.trialstat;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Access to test resources as files. */
public final class TestFiles {
  private TestFiles() {
  }

  /** The file of a classpath resource, for example "oracles/mapp1_like.csv". */
  public static Path resource(String name) {
    URL url = TestFiles.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The metafor 3.8.1 reference values of {@code meta/make_meta.out} (written by make_meta.R): one
   * "case key value" line each, keyed "case key".
   */
  public static java.util.Map<String, Double> metaforReference() {
    return metaforReference("meta/make_meta.out");
  }

  /** Reference values of a "case key value" file such as {@code meta/make_meta.out}, keyed "case key". */
  public static java.util.Map<String, Double> metaforReference(String resourceName) {
    java.util.Map<String, Double> m = new java.util.HashMap<>();
    try {
      for (String l : Files.readAllLines(resource(resourceName), java.nio.charset.StandardCharsets.UTF_8)) {
        String[] f = l.trim().split(" ");
        m.put(f[0] + " " + f[1], Double.parseDouble(f[2]));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return m;
  }

  /**
   * A file of the public reference data that sits beside the project in {@code ../shared} (data of other
   * projects is never copied into this one), for example {@code shared("oracles", "mmrm_fev",
   * "fev_data.csv")}. Does not check that it exists: call {@link #assumeShared} in the test first.
   */
  public static Path shared(String... parts) {
    return Path.of("..", "shared").resolve(Path.of("", parts));
  }

  /** Skips the calling test, with a message, when {@code file} (from {@link #shared}) is absent. */
  public static Path assumeShared(Path file) {
    Assumptions.assumeTrue(Files.isRegularFile(file),
        () -> "skipped: " + file + " is absent (reference data of other projects is read from ../shared)");
    return file;
  }
}
