package org.trialstat.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.trialstat.model.Provenance;

/** Size and SHA-256 of an input file, for provenance. */
public final class InputDigest {

  private InputDigest() {
  }

  /**
   * The provenance entry of a file; a file that cannot be read (the reader reports why) gets size -1 and
   * no digest.
   */
  public static Provenance.Input of(Path file, String name) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = sha256();
      byte[] buf = new byte[1 << 16];
      long size = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
        size += n;
      }
      return new Provenance.Input(name, size, HexFormat.of().formatHex(sha.digest()));
    } catch (IOException | SecurityException e) {
      return new Provenance.Input(name, -1, null);
    }
  }

  /** The SHA-256 of bytes in memory (an output of {@code run}), lower-case hex. */
  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
