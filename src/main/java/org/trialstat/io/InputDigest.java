package org.trialstat.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.trialstat.model.Background;
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

  /** Files from this size on are digested on a thread of their own, beside the analysis that reads them. */
  static final long BACKGROUND_BYTES = 16L << 20;

  /**
   * Whether a digest was started in this JVM: the first also sets up the JDK's security providers (about
   * 20 ms of cold code), so it runs on a thread of its own whatever the file's size, beside the reading.
   */
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  /**
   * The provenance entry of a file, as {@link #of(Path, String)}, started now: a file of
   * {@value #BACKGROUND_BYTES} bytes or more is digested on a daemon thread while the caller reads and
   * analyses it (SHA-256 of 140 MB takes 0.2-0.4 s, which then overlaps the analysis on a second core);
   * a smaller one when the entry is asked for, on the caller's thread (a thread's start would cost more
   * than the digest), except the first of the run, which also sets up the JDK's security providers.
   * Either way the entry is the same.
   */
  public static Supplier<Provenance.Input> start(Path file, String name) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException | SecurityException e) {
      size = 0;
    }
    boolean first = !STARTED.getAndSet(true);
    return Background.start(size >= BACKGROUND_BYTES || first, "trialstat-digest", () -> of(file, name));
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
