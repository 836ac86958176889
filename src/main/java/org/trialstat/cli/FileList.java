package org.trialstat.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.Printable;

/**
 * The input files of a run: the FILE arguments, with each folder replaced by its input files (not its
 * subfolders) in byte order of their names, and the paths of {@code --files-from}. picocli's
 * {@code @file} expansion is off, so a data file may be named {@code @trial.csv}.
 */
final class FileList {
  /** Extensions of the input formats, lower case. */
  static final Set<String> INPUT_EXTENSIONS = Set.of("csv", "tsv", "txt", "xpt", "json", "ndjson", "sas7bdat");

  private FileList() {
  }

  /**
   * @param quiet no note on standard error about what a folder's listing skipped
   * @throws InvalidOptionException when the list cannot be read, a folder cannot be listed, or nothing is
   *                                left to read
   */
  static List<Path> resolve(List<Path> args, Path filesFrom, PrintWriter err, boolean quiet) {
    List<Path> out = new ArrayList<>();
    for (Path p : args == null ? List.<Path>of() : args) {
      if (Files.isDirectory(p)) {
        out.addAll(folder(p, err, quiet));
      } else {
        out.add(p);
      }
    }
    if (filesFrom != null) {
      out.addAll(list(filesFrom));
    }
    if (out.isEmpty()) {
      throw new InvalidOptionException("no input files: name FILE arguments, a folder, or --files-from LIST");
    }
    return out;
  }

  private static List<Path> folder(Path dir, PrintWriter err, boolean quiet) {
    List<Path> files = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path e : entries) {
        String name = e.getFileName().toString();
        if (Files.isRegularFile(e) && INPUT_EXTENSIONS.contains(extension(name))) {
          files.add(e);
        } else {
          skipped.add(name + (Files.isDirectory(e) ? "/" : ""));
        }
      }
    } catch (IOException | SecurityException e) {
      throw new InvalidOptionException(dir + ": cannot list the folder (" + e.getMessage() + ")");
    }
    files.sort((a, b) -> Arrays.compareUnsigned(bytes(a), bytes(b)));
    skipped.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    if (!skipped.isEmpty() && !quiet) {
      err.println("trialstat: " + Printable.escape(dir.toString()) + ": skipped, not input files (extensions "
          + String.join(", ", INPUT_EXTENSIONS.stream().sorted().toList()) + "; subfolders are not read): "
          + String.join(", ", skipped));
      err.flush();
    }
    return files;
  }

  private static byte[] bytes(Path p) {
    return p.getFileName().toString().getBytes(StandardCharsets.UTF_8);
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static List<Path> list(Path listFile) {
    boolean stdin = listFile.toString().equals("-");
    List<Path> out = new ArrayList<>();
    try (BufferedReader r = stdin ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(listFile, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          out.add(Path.of(s));
        }
      }
    } catch (IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
      throw new InvalidOptionException("--files-from " + listFile + ": cannot read the list (" + e.getMessage()
          + "); expected a text file with one path a line");
    }
    return out;
  }
}
