package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstat.model.Provenance;

/**
 * {@link InputDigest}: size and SHA-256 of a file, the same whether digested on the caller's thread or,
 * for a large file, on a thread of its own; the reference is the JDK's MessageDigest over the bytes in
 * memory (FIPS 180-4) and, for the empty file, the published SHA-256 of the empty string.
 */
class InputDigestTest {

  @Test
  void emptyFile(@TempDir Path dir) throws IOException {
    Path f = Files.write(dir.resolve("empty.csv"), new byte[0]);
    Provenance.Input in = InputDigest.of(f, "empty.csv");
    assertThat(in.size()).isZero();
    // FIPS 180-4 example: SHA-256 of the empty message
    assertThat(in.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(InputDigest.start(f, "empty.csv").get()).isEqualTo(in);
  }

  @Test
  void largeFileDigestedBesideTheCallerGivesTheSameEntry(@TempDir Path dir) throws Exception {
    byte[] bytes = new byte[(int) InputDigest.BACKGROUND_BYTES + 12_345];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31 + (i >>> 11));
    }
    Path f = Files.write(dir.resolve("large.csv"), bytes);
    Provenance.Input started = InputDigest.start(f, "large.csv").get();
    assertThat(started).isEqualTo(InputDigest.of(f, "large.csv"));
    assertThat(started.size()).isEqualTo(bytes.length);
    assertThat(started.sha256()).isEqualTo(sha256(bytes));
  }

  @Test
  void unreadableFileHasNoDigest(@TempDir Path dir) {
    Path missing = dir.resolve("missing.csv");
    assertThat(InputDigest.start(missing, "missing.csv").get()).isEqualTo(new Provenance.Input("missing.csv", -1, null));
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
