package org.trialstat.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.trialstat.model.InvalidOptionException;

/** Writes an output file atomically: a temporary file in the same folder, then a rename. */
public final class OutputFiles {

  private OutputFiles() {
  }

  /**
   * Writes {@code content} as UTF-8 to {@code target}, atomically where the file system allows.
   *
   * @param inputs the input files of the run: the target must not be one of them
   * @throws InvalidOptionException when the target is an input file or a directory
   */
  public static void writeAtomically(Path target, String content, List<Path> inputs) {
    writeAtomically(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)), inputs);
  }

  /** What is written: bytes to a stream, which the writer leaves open. */
  @FunctionalInterface
  public interface Content {
    /** Writes the bytes. */
    void writeTo(java.io.OutputStream out) throws IOException;
  }

  /**
   * Writes {@code content} to {@code target}, atomically where the file system allows.
   *
   * @param inputs the input files of the run: the target must not be one of them
   * @throws InvalidOptionException when the target is an input file or a directory
   */
  public static void writeAtomically(Path target, Content content, List<Path> inputs) {
    Path abs = target.toAbsolutePath().normalize();
    for (Path in : inputs) {
      try {
        if (Files.exists(abs) && Files.exists(in) && Files.isSameFile(abs, in)) {
          throw new InvalidOptionException("--output " + target + " is an input file; refusing to overwrite it");
        }
      } catch (IOException e) {
        // cannot compare: fall through to the write, which reports its own error
      }
    }
    if (Files.isDirectory(abs)) {
      throw new InvalidOptionException("--output " + target + " is a directory");
    }
    Path dir = abs.getParent();
    try {
      Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      try {
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
          content.writeTo(out);
        }
        try {
          Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InvalidOptionException("--output " + target + ": cannot write: the folder " + dir
          + " does not exist; expected a file in an existing folder");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new InvalidOptionException("--output " + target + ": cannot write: permission denied in the folder " + dir);
    } catch (IOException e) {
      throw new InvalidOptionException("--output " + target + ": cannot write (" + e.getMessage() + ")");
    }
  }

}
