package org.trialstat.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstat.model.DataException;

/**
 * A CDISC Dataset-JSON v1.1 file (CDISC, <i>Dataset-JSON v1.1 Specification</i>, 2024: the top-level
 * object with {@code columns} and {@code rows}; and its NDJSON form: the same object without
 * {@code rows} on the first line, then one JSON array per row per line) as a {@link TableSource},
 * streamed with jackson-core: memory does not grow with the file.
 *
 * <p>{@code columns[].dataType} decides the type: {@code integer}, {@code float}, {@code double} and
 * {@code decimal} are numeric (a {@code decimal} cell may be a JSON string holding a number, as the
 * specification writes decimals; blanks around it are ignored, and an empty or {@code "NA"} string is
 * missing, as R's datasetjson writes it; an {@code integer} cell may be written {@code 12.0}); {@code string}, {@code date}, {@code datetime}, {@code time},
 * {@code URI} and {@code boolean} are character. A cell is null (missing) or of its column's JSON type;
 * anything else (a string in an integer column, a fraction in an integer column, a number in a string
 * column, a nested array or object) is an error naming the record and the variable. {@code columns} must
 * come before {@code rows}; a {@code records} count, where given, must equal the rows read.
 */
final class DatasetJsonTableSource extends RecordTableSource {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final String file; // for messages (also RecordTableSource#file)
  private final InputStream stream;
  private final JsonParser p;
  private final String[] dataTypes;
  private final boolean ndjson;
  private long declaredRecords;
  private final String[] text;
  private final double[] numbers;
  private boolean done;

  private DatasetJsonTableSource(String file, InputStream stream) throws IOException {
    super(file);
    this.file = file;
    this.stream = stream;
    this.p = FACTORY.createParser(stream);
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw error0("the file does not start with a JSON object; expected a Dataset-JSON v1.1 object");
    }
    declaredRecords = -1;
    List<Column> cols = null;
    List<String> types = new ArrayList<>();
    boolean rows = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("columns")) {
        cols = readColumns(types);
      } else if (field.equals("records") && t.isNumeric()) {
        declaredRecords = p.getLongValue();
      } else if (field.equals("rows")) {
        if (cols == null) {
          throw error0("\"rows\" comes before \"columns\"; expected the column definitions first");
        }
        if (t != JsonToken.START_ARRAY) {
          throw error0("\"rows\" is not an array; expected an array of rows");
        }
        rows = true;
        break;
      } else {
        p.skipChildren();
      }
    }
    if (cols == null) {
      throw error0("no \"columns\" array; expected a Dataset-JSON v1.1 object with columns and rows");
    }
    this.ndjson = !rows;
    columns(cols);
    this.dataTypes = types.toArray(new String[0]);
    this.text = new String[cols.size()];
    this.numbers = new double[cols.size()];
  }

  /** Opens a Dataset-JSON file (JSON or NDJSON form). */
  static DatasetJsonTableSource open(Path path, String file) {
    InputStream in = InputFiles.open(path, file);
    try {
      return new DatasetJsonTableSource(file, in);
    } catch (IOException e) {
      InputFiles.closeQuietly(in);
      throw malformed(file, e, 0);
    } catch (RuntimeException e) {
      InputFiles.closeQuietly(in);
      throw e;
    }
  }

  private List<Column> readColumns(List<String> types) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw error0("\"columns\" is not an array; expected an array of column definitions");
    }
    List<Column> cols = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String name = null;
      String label = "";
      String dataType = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING && field.equals("name")) {
          name = p.getText();
        } else if (t == JsonToken.VALUE_STRING && field.equals("label")) {
          label = p.getText();
        } else if (t == JsonToken.VALUE_STRING && field.equals("dataType")) {
          dataType = p.getText();
        } else {
          p.skipChildren();
        }
      }
      if (name == null || dataType == null) {
        throw error0("column " + (cols.size() + 1) + " has no " + (name == null ? "\"name\"" : "\"dataType\"")
            + "; expected name and dataType for every column");
      }
      ColumnType type = switch (dataType) {
        case "integer", "float", "double", "decimal" -> ColumnType.NUMERIC;
        case "string", "date", "datetime", "time", "URI", "boolean" -> ColumnType.CHARACTER;
        default -> throw error0("column " + Cells.quote(name) + " has dataType " + Cells.quote(dataType)
            + "; expected one of string, integer, float, double, decimal, boolean, date, datetime, time, URI");
      };
      cols.add(new Column(name, type, label));
      types.add(dataType);
    }
    if (p.currentToken() != JsonToken.END_ARRAY) {
      throw error0("\"columns\" holds something other than objects; expected column definitions");
    }
    return cols;
  }

  @Override
  public boolean next() {
    if (done) {
      return false;
    }
    try {
      JsonToken t = p.nextToken();
      if (t == null || (!ndjson && t == JsonToken.END_ARRAY)) {
        done = true;
        if (!ndjson) {
          finishObject();
        }
        if (declaredRecords >= 0 && declaredRecords != record) {
          throw DataException.atRecord(file, 0, null, "\"records\" says " + declaredRecords + " but the file has "
              + record + " rows; expected the count of the rows");
        }
        return false;
      }
      record++;
      if (t != JsonToken.START_ARRAY) {
        throw DataException.atRecord(file, record, null, "row is not a JSON array; expected an array of "
            + columns().size() + " cells");
      }
      int k = 0;
      int line = p.currentTokenLocation().getLineNr();
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw DataException.atRecord(file, record, null, "the file ends inside this row; expected ']'");
        }
        if (ndjson && p.currentTokenLocation().getLineNr() != line) {
          throw new DataException(file, line, 0, "broken NDJSON line: row " + record + " does not end on its"
              + " line; expected one complete JSON array per line");
        }
        if (k >= columns().size()) {
          throw DataException.atRecord(file, record, null, "row has more than the " + columns().size()
              + " cells of the columns; expected one cell per column");
        }
        cell(k++, t);
      }
      if (k < columns().size()) {
        throw DataException.atRecord(file, record, columns().get(k).name(), "row has " + k + " cells but there are "
            + columns().size() + " columns; expected one cell per column");
      }
      return true;
    } catch (IOException e) {
      throw malformed(file, e, record);
    }
  }

  /** After the rows: the remaining fields (a {@code records} count may come last). */
  private void finishObject() throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      if (field.equals("records") && t.isNumeric()) {
        declaredRecords = p.getLongValue();
      } else {
        p.skipChildren();
      }
    }
    if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
      throw DataException.atRecord(file, 0, null, "text after the end of the Dataset-JSON object; expected one"
          + " JSON object");
    }
  }

  private void cell(int k, JsonToken t) throws IOException {
    Column c = columns().get(k);
    String dataType = dataTypes[k];
    if (t == JsonToken.VALUE_NULL) {
      text[k] = "";
      numbers[k] = Double.NaN;
      return;
    }
    if (c.type() == ColumnType.NUMERIC) {
      double v = Double.NaN;
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        v = p.getDoubleValue();
        if (dataType.equals("integer") && v != Math.rint(v)) {
          throw contradicts(c, dataType, t);
        }
      } else if (t == JsonToken.VALUE_STRING && dataType.equals("decimal")) {
        String s = p.getText().strip();
        if (!s.isEmpty() && !s.equals("NA")) {
          v = Cells.parseNumber(s, false);
          if (Double.isNaN(v)) {
            throw contradicts(c, dataType, t);
          }
        }
      } else {
        throw contradicts(c, dataType, t);
      }
      numbers[k] = v;
      text[k] = Double.isNaN(v) ? "" : Cells.format(v);
      return;
    }
    if (t == JsonToken.VALUE_STRING) {
      text[k] = p.getText().stripTrailing();
    } else if (dataType.equals("boolean") && (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE)) {
      text[k] = t == JsonToken.VALUE_TRUE ? "true" : "false";
    } else {
      throw contradicts(c, dataType, t);
    }
  }

  private DataException contradicts(Column c, String dataType, JsonToken t) throws IOException {
    String found = switch (t) {
      case VALUE_STRING -> "the string " + Cells.quote(p.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
      case VALUE_TRUE, VALUE_FALSE -> "the boolean " + p.getText();
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      default -> t.asString() == null ? t.name().toLowerCase(Locale.ROOT) : t.asString();
    };
    return DataException.atRecord(file, record, c.name(), "cell is " + found + " but the column's dataType is "
        + dataType + "; expected " + (c.type() == ColumnType.NUMERIC ? (dataType.equals("integer")
            ? "a whole number" : "a number") : "a string") + " or null");
  }

  private DataException error0(String message) {
    return DataException.atRecord(file, 0, null, message);
  }

  private static DataException malformed(String file, IOException e, long record) {
    String what = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    long line = e instanceof JsonProcessingException j && j.getLocation() != null ? j.getLocation().getLineNr() : 0;
    return new DataException(file, Math.max(line, 0), 0, "malformed JSON" + (record > 0 ? " in row " + record : "")
        + " (" + GuardedReader.oneLine(String.valueOf(what)) + "); expected CDISC Dataset-JSON (JSON or NDJSON)");
  }

  @Override
  public String text(int column) {
    return text[column];
  }

  @Override
  public double number(int column) {
    requireNumeric(column);
    return numbers[column];
  }

  @Override
  public void close() {
    try {
      p.close();
    } catch (IOException e) {
      // read fully or failing already
    }
    InputFiles.closeQuietly(stream);
  }
}
