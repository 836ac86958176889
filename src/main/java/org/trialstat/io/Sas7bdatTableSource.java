package org.trialstat.io;

import com.epam.parso.SasFileReader;
import com.epam.parso.date.OutputDateType;
import com.epam.parso.impl.SasFileReaderImpl;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.DataException;

/**
 * A SAS data set file (sas7bdat, uncompressed or compressed with CHAR or BINARY) as a {@link TableSource},
 * read with EPAM's parso (Apache-2.0; the format is undocumented by SAS, parso follows the reverse
 * engineering of Shotwell's sas7bdat notes, as R's haven/ReadStat do). Dates stay numbers as SAS stores
 * them (parso's {@code SAS_VALUE}); the file's declared encoding decodes character values, which are
 * right-trimmed. Rows are streamed. Anything parso cannot read is a {@link DataException} naming the
 * file and the record.
 */
final class Sas7bdatTableSource extends RecordTableSource {

  /** The first 32 bytes of every sas7bdat file. */
  private static final int[] MAGIC = {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
      0xc2, 0xea, 0x81, 0x60, 0xb3, 0x14, 0x11, 0xcf, 0xbd, 0x92, 0x08, 0x00, 0x09, 0xc7, 0x31, 0x8c, 0x18, 0x1f,
      0x10, 0x11};

  private final String file; // for messages (also RecordTableSource#file)
  private final InputStream stream;
  private final SasFileReader reader;
  private Object[] row;

  private Sas7bdatTableSource(String file, InputStream stream) {
    super(file);
    this.file = file;
    this.stream = stream;
    this.reader = new SasFileReaderImpl(stream, null, OutputDateType.SAS_VALUE);
    List<com.epam.parso.Column> parsoColumns = reader.getColumns();
    if (parsoColumns == null || parsoColumns.isEmpty()) {
      throw DataException.atRecord(file, 0, null, "parso found no columns in this sas7bdat file; expected a"
          + " SAS data set");
    }
    long declared = reader.getSasFileProperties().getColumnsCount();
    if (declared != parsoColumns.size()) {
      // Seen with files written by haven::write_sas: parso reads fewer variable names than the header
      // declares, and would fail on the first record; without this check a column seemed absent.
      throw DataException.atRecord(file, 0, null, "the file declares " + declared + " variables but parso read "
          + "the descriptions of " + parsoColumns.size() + " of them; expected a SAS data set that parso can read "
          + "whole (or convert it to SAS transport with SAS or haven::write_xpt)");
    }
    List<Column> cols = new ArrayList<>();
    for (com.epam.parso.Column c : parsoColumns) {
      cols.add(new Column(c.getName(), Number.class.isAssignableFrom(c.getType()) ? ColumnType.NUMERIC
          : ColumnType.CHARACTER, c.getLabel()));
    }
    columns(cols);
  }

  static boolean isSas7bdat(byte[] head, int n) {
    if (n < MAGIC.length) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if ((head[i] & 0xff) != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  static Sas7bdatTableSource open(Path path, String file) {
    InputStream in = new BufferedInputStream(InputFiles.open(path, file), 1 << 16);
    try {
      return new Sas7bdatTableSource(file, in);
    } catch (DataException e) {
      InputFiles.closeQuietly(in);
      throw e;
    } catch (RuntimeException e) {
      InputFiles.closeQuietly(in);
      throw cannot(file, 0, e);
    }
  }

  private static DataException cannot(String file, long record, Exception e) {
    return DataException.atRecord(file, record, null, "parso cannot read this sas7bdat file ("
        + GuardedReader.oneLine(String.valueOf(e.getMessage())) + "); expected a SAS data set (or convert it"
        + " to SAS transport with SAS or haven::write_xpt)");
  }

  @Override
  public boolean next() {
    try {
      row = reader.readNext();
    } catch (IOException | RuntimeException e) {
      throw cannot(file, record + 1, e);
    }
    if (row == null) {
      return false;
    }
    if (row.length != columns().size()) {
      throw DataException.atRecord(file, record + 1, null, "parso read " + row.length + " values for "
          + columns().size() + " columns; the file is damaged");
    }
    record++;
    return true;
  }

  @Override
  public String text(int column) {
    Object v = row[column];
    if (v == null) {
      return "";
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return Double.isNaN(d) ? "" : Cells.format(d);
    }
    if (v instanceof byte[] b) {
      return new String(b, java.nio.charset.StandardCharsets.UTF_8).stripTrailing();
    }
    return v.toString().stripTrailing();
  }

  @Override
  public double number(int column) {
    requireNumeric(column);
    Object v = row[column];
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  @Override
  public void close() {
    InputFiles.closeQuietly(stream);
  }
}
