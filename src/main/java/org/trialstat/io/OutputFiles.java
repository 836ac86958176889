package org.trialstat.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialstat.model.InvalidOptionException;

/**
 * Writes an output file ({@code --output}, {@code --junit}, the outputs of {@code run}).
 *
 * <ul>
 *   <li>A regular file (new or replaced) is written atomically: a temporary file
 *       {@code .NAME.PID.tmp} in the same folder, then a rename. A replaced file keeps its permissions; a
 *       new one gets the default permissions of the process (the umask).
 *   <li>A symbolic link is followed: the file it points to is replaced, the link stays.
 *   <li>A device, FIFO or socket ({@code /dev/null}, {@code /dev/stdout}) is written through, never
 *       replaced by a regular file.
 *   <li>The target is never an input of the run, nor a folder.
 *   <li>A temporary file left by a killed run (its process id no longer alive) is removed by the next run
 *       that writes the same target; a concurrent run's file (its process alive) is left alone.
 * </ul>
 */
public final class OutputFiles {
  private static final Pattern TEMP = Pattern.compile("\\.(.+)\\.(\\d+)\\.tmp");

  private OutputFiles() {
  }

  /** What is written: bytes to a stream, which the writer leaves open. */
  @FunctionalInterface
  public interface Content {
    /** Writes the bytes. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** {@link #write} of UTF-8 text, for {@code --output}. */
  public static void writeAtomically(Path target, String content, List<Path> inputs) {
    write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)), inputs, "--output");
  }

  /** {@link #write} for {@code --output}. */
  public static void writeAtomically(Path target, Content content, List<Path> inputs) {
    write(target, content, inputs, "--output");
  }

  /**
   * Checks, before any work, that {@code target} can be written: not an input, not a folder, in an existing
   * folder.
   *
   * @param option the option that names the target, for messages ({@code --output}, {@code --junit})
   * @throws InvalidOptionException when it cannot
   */
  public static void check(Path target, List<Path> inputs, String option) {
    Path abs = resolve(target);
    for (Path in : inputs) {
      try {
        if (Files.exists(abs) && Files.exists(in) && Files.isSameFile(abs, in)) {
          throw new InvalidOptionException(option + " " + target + " is an input file; refusing to overwrite it");
        }
      } catch (IOException e) {
        // cannot compare: the write reports its own error
      }
    }
    if (Files.isDirectory(abs)) {
      throw new InvalidOptionException(option + " " + target + " is a directory");
    }
    Path dir = abs.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new InvalidOptionException(option + " " + target + ": cannot write: the folder " + dir
          + " does not exist; expected a file in an existing folder");
    }
  }

  /**
   * Writes {@code content} to {@code target} by the rules above.
   *
   * @throws InvalidOptionException when the target is an input file, a folder, or cannot be written
   */
  public static void write(Path target, Content content, List<Path> inputs, String option) {
    check(target, inputs, option);
    Path abs = resolve(target);
    Path dir = abs.getParent();
    try {
      if (Files.exists(abs) && !Files.isRegularFile(abs)) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(abs, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING))) {
          content.writeTo(out);
        }
        return;
      }
      removeStaleTemporaries(abs);
      Path tmp = dir.resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      try {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))) {
          content.writeTo(out);
        }
        keepPermissions(abs, tmp);
        try {
          Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (NoSuchFileException e) {
      throw new InvalidOptionException(option + " " + target + ": cannot write: "
          + (dir != null && Files.isDirectory(dir) ? "the folder " + dir + " does not take new files"
              : "the folder " + dir + " does not exist; expected a file in an existing folder"));
    } catch (AccessDeniedException e) {
      throw new InvalidOptionException(option + " " + target + ": cannot write: permission denied in the folder "
          + dir);
    } catch (IOException e) {
      throw new InvalidOptionException(option + " " + target + ": cannot write (" + e.getMessage() + ")");
    }
  }

  /** The target, with a symbolic link followed to the file it names (which may not exist yet). */
  private static Path resolve(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    for (int hops = 0; hops < 40 && Files.isSymbolicLink(abs); hops++) {
      try {
        Path to = Files.readSymbolicLink(abs);
        abs = abs.resolveSibling(to).normalize();
      } catch (IOException e) {
        break;
      }
    }
    return abs;
  }

  private static void keepPermissions(Path original, Path tmp) throws IOException {
    if (!Files.isRegularFile(original)) {
      return;
    }
    PosixFileAttributeView from = Files.getFileAttributeView(original, PosixFileAttributeView.class);
    PosixFileAttributeView to = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    if (from != null && to != null) {
      to.setPermissions(from.readAttributes().permissions());
    }
  }

  private static void removeStaleTemporaries(Path abs) {
    String name = abs.getFileName().toString();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(abs.getParent(), "." + glob(name) + ".*.tmp")) {
      for (Path p : siblings) {
        Matcher m = TEMP.matcher(p.getFileName().toString());
        if (m.matches() && m.group(1).equals(name)) {
          long pid = Long.parseLong(m.group(2));
          if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // best effort: a leftover temporary file does no harm
    }
  }

  private static String glob(String name) {
    return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
  }
}
