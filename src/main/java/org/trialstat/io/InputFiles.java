package org.trialstat.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.trialstat.model.DataException;

/** Opens an input file, with the same messages for every reader (docs/errors.md). */
final class InputFiles {

  private InputFiles() {
  }

  /**
   * Opens {@code file} for reading.
   *
   * @param name the file name as the user gave it, for messages
   * @throws DataException when it is a directory, missing, unreadable or cannot be opened
   */
  static InputStream open(Path file, String name) {
    if (Files.isDirectory(file)) {
      throw new DataException(name, 0, 0, "is a directory; expected a CSV file");
    }
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new DataException(name, 0, 0, "file not found; expected an existing CSV file");
    } catch (AccessDeniedException e) {
      throw new DataException(name, 0, 0, "permission denied; expected a readable CSV file");
    } catch (IOException | SecurityException e) {
      throw new DataException(name, 0, 0, "cannot open the file ("
          + GuardedReader.oneLine(String.valueOf(e.getMessage())) + "); expected a readable CSV file");
    }
  }

  /**
   * Closes a stream opened by {@link #open}, dropping a failure to close: the stream is read fully, or an
   * error about it is being raised and matters more.
   */
  static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // the error being reported matters more
    }
  }
}
