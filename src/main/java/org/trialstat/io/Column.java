package org.trialstat.io;

import java.util.Objects;

/**
 * A column of a {@link TableSource}: its name and its type as the format declares it.
 *
 * @param name  the name (CSV: the trimmed header cell; SAS: the variable name; Dataset-JSON: {@code name})
 * @param type  numeric or character where the format declares it, {@link ColumnType#UNTYPED} for CSV
 * @param label the format's label of the column (SAS variable label), or "" when it has none
 */
public record Column(String name, ColumnType type, String label) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    label = label == null ? "" : label;
  }

  /** A column of a format that declares no types (CSV). */
  public static Column untyped(String name) {
    return new Column(name, ColumnType.UNTYPED, "");
  }
}
