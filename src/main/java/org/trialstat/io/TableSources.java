package org.trialstat.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.trialstat.model.DataException;
import org.trialstat.model.InvalidOptionException;

/**
 * Opens a file of participant data as a {@link TableSource}, choosing the format by content, not by
 * name: a SAS transport library header ({@code HEADER RECORD*******LIBRARY HEADER RECORD} or
 * {@code LIBV8}) is SAS transport; the 32-byte sas7bdat magic number is sas7bdat; a first non-blank
 * character {@code {} is CDISC Dataset-JSON (JSON or NDJSON); anything else is delimited text (CSV).
 * A file named {@code .xpt}, {@code .sas7bdat} or {@code .json}/{@code .ndjson} whose content is not
 * of that format is an error rather than read as CSV.
 */
public final class TableSources {

  /** The formats, as the content shows them. */
  public enum Format {
    CSV, SAS_TRANSPORT, DATASET_JSON, SAS7BDAT
  }

  private static final int HEAD = 128;

  private TableSources() {
  }

  /** The format of a file, from its first bytes (and its name for the error of a misnamed file). */
  public static Format detect(Path path, String name) {
    byte[] head = new byte[HEAD];
    int n;
    try (InputStream in = InputFiles.open(path, name)) {
      n = in.readNBytes(head, 0, HEAD);
    } catch (IOException e) {
      throw GuardedReader.cannotRead(name, e);
    }
    Format format = sniff(head, n);
    String lower = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".xpt") && format != Format.SAS_TRANSPORT) {
      throw new DataException(name, 0, 0, "not a SAS transport file: its first 80 bytes are not the library"
          + " header record (HEADER RECORD*******LIBRARY HEADER RECORD...); expected a SAS transport (XPORT)"
          + " file, as the XPORT engine of SAS or haven::write_xpt of R write it");
    }
    if (lower.endsWith(".sas7bdat") && format != Format.SAS7BDAT) {
      throw new DataException(name, 0, 0, "not a sas7bdat file: it does not start with the sas7bdat magic"
          + " number; expected a SAS data set file");
    }
    if ((lower.endsWith(".json") || lower.endsWith(".ndjson")) && format != Format.DATASET_JSON) {
      throw new DataException(name, 0, 0, "not CDISC Dataset-JSON: the file does not start with '{'; expected"
          + " a Dataset-JSON v1.1 object (JSON) or its metadata line (NDJSON)");
    }
    return format;
  }

  static Format sniff(byte[] head, int n) {
    if (XptHeader.isTransport(head, n)) {
      return Format.SAS_TRANSPORT;
    }
    if (Sas7bdatTableSource.isSas7bdat(head, n)) {
      return Format.SAS7BDAT;
    }
    int i = n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
      i++;
    }
    return i < n && head[i] == '{' ? Format.DATASET_JSON : Format.CSV;
  }

  /**
   * Opens a file.
   *
   * @param member the SAS transport member to read, or null (a file of one member)
   * @throws DataException for a missing, unreadable or malformed file
   * @throws InvalidOptionException for a member that does not exist, several members without
   *         {@code member}, or {@code member} with a format that has no members
   */
  public static TableSource open(Path path, String name, String member) {
    Format format = detect(path, name);
    if (member != null && format != Format.SAS_TRANSPORT) {
      throw new InvalidOptionException("--member " + member + ": " + name + " is not a SAS transport file;"
          + " --member chooses a member (data set) of a transport file");
    }
    switch (format) {
      case SAS_TRANSPORT:
        return XptTableSource.open(path, name, member);
      case SAS7BDAT:
        return Sas7bdatTableSource.open(path, name);
      case DATASET_JSON:
        return DatasetJsonTableSource.open(path, name);
      default:
        return CsvTableSource.open(path, name);
    }
  }
}
