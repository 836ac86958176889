package org.trialstat.io;

/**
 * The type of a {@link Column} as its format declares it. A format that declares types (SAS transport,
 * Dataset-JSON, sas7bdat) decides numeric against character: a character column is categorical even
 * when its values look like numbers (site codes {@code "701"}). CSV declares none: its cells are text,
 * and a reader interprets them.
 */
public enum ColumnType {
  /** Numbers: {@link TableSource#number(int)} gives the value, NaN when missing. */
  NUMERIC,
  /** Text: {@link TableSource#text(int)} gives the value, right-trimmed; "" when missing. */
  CHARACTER,
  /** Undeclared (CSV): the cell is text to be interpreted by the reader. */
  UNTYPED
}
