package org.trialstat;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

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
}
