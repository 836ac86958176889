package org.trialstat.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstat.model.InvalidOptionException;

/**
 * The row filter of {@code --where EXPR} (and of {@code --param CODE}, {@code --population FLAG}).
 *
 * <p>Grammar: {@code COL OP VALUE} with OP one of {@code =}, {@code !=}, {@code <}, {@code <=},
 * {@code >}, {@code >=}, or {@code COL in (V1,V2,...)} ({@code in} in any case); VALUE bare (trimmed) or
 * in double quotes ({@code ""} inside quotes is a quote); spaces around the parts are ignored. A column
 * name is matched exactly, else ignoring case.
 *
 * <p>Semantics: a character column compares as text (case-sensitive, trailing blanks trimmed; {@code <}
 * and the like in code-point order); a numeric column as numbers (a VALUE that is not a number is an
 * error). A CSV column declares no type: a cell compares as a number when both it and VALUE are numbers,
 * else as text. A missing cell (CSV: empty, {@code NA}, {@code .}; SAS: any missing value; Dataset-JSON:
 * null) fails every condition, except that the quoted empty VALUE {@code ""} stands for "missing":
 * {@code DTYPE=""} keeps the rows whose DTYPE is missing, {@code DTYPE!=""} those where it is not.
 *
 * <p>An unknown column is a usage error listing the columns; a malformed expression is a usage error
 * saying at which character it fails.
 */
public final class WhereFilter implements RowFilter {

  /** A comparison operator. */
  enum Op {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    boolean holds(int cmp) {
      switch (this) {
        case EQ: case IN: return cmp == 0;
        case NE: return cmp != 0;
        case LT: return cmp < 0;
        case LE: return cmp <= 0;
        case GT: return cmp > 0;
        default: return cmp >= 0;
      }
    }
  }

  private final String expression;
  private final String column;
  private final Op op;
  private final List<String> values;
  private final String option;

  private WhereFilter(String option, String expression, String column, Op op, List<String> values) {
    this.option = option;
    this.expression = expression;
    this.column = column;
    this.op = op;
    this.values = List.copyOf(values);
  }

  /** {@code COL = VALUE}, as {@code --param} and {@code --population} mean it. */
  public static WhereFilter equal(String option, String column, String value) {
    return new WhereFilter(option, column + "=" + value, column, Op.EQ, List.of(value));
  }

  /**
   * Parses a {@code --where} expression.
   *
   * @throws InvalidOptionException when it is malformed, saying where
   */
  public static WhereFilter parse(String expression) {
    return new Parser(expression).parse();
  }

  @Override
  public String expression() {
    return expression;
  }

  @Override
  public Test bind(TableSource source) {
    List<Column> cols = source.columns();
    int index = -1;
    for (int i = 0; i < cols.size() && index < 0; i++) {
      index = cols.get(i).name().equals(column) ? i : -1;
    }
    for (int i = 0; i < cols.size() && index < 0; i++) {
      index = cols.get(i).name().equalsIgnoreCase(column) ? i : -1;
    }
    if (index < 0) {
      List<String> names = new ArrayList<>();
      for (Column c : cols) {
        names.add(c.name());
      }
      throw new InvalidOptionException(option + " '" + expression + "': " + source.file() + " has no column '"
          + column + "'; its columns: " + String.join(", ", names));
    }
    final int col = index;
    ColumnType type = cols.get(col).type();
    boolean wantsMissing = values.size() == 1 && values.get(0).isEmpty() && (op == Op.EQ || op == Op.NE);
    if (wantsMissing) {
      return src -> missing(src, col, type) == (op == Op.EQ);
    }
    if (type == ColumnType.NUMERIC) {
      double[] numbers = new double[values.size()];
      for (int k = 0; k < numbers.length; k++) {
        numbers[k] = Cells.parseNumber(values.get(k), false);
        if (Double.isNaN(numbers[k])) {
          throw new InvalidOptionException(option + " '" + expression + "': column " + cols.get(col).name()
              + " of " + source.file() + " is numeric; expected a number, got '" + values.get(k) + "'");
        }
      }
      return src -> {
        double v = src.number(col);
        if (Double.isNaN(v)) {
          return false;
        }
        for (double x : numbers) {
          if (op.holds(v == x ? 0 : v < x ? -1 : 1)) {
            return true;
          }
        }
        return false;
      };
    }
    boolean decimalComma = source.decimalComma();
    double[] numbers = new double[values.size()];
    for (int k = 0; k < numbers.length; k++) {
      numbers[k] = type == ColumnType.UNTYPED ? Cells.parseNumber(values.get(k), decimalComma) : Double.NaN;
    }
    return src -> {
      String cell = src.text(col);
      if (type == ColumnType.UNTYPED ? Cells.isMissing(cell) : cell.isEmpty()) {
        return false;
      }
      double v = type == ColumnType.UNTYPED ? Cells.parseNumber(cell, decimalComma) : Double.NaN;
      for (int k = 0; k < numbers.length; k++) {
        int cmp = !Double.isNaN(v) && !Double.isNaN(numbers[k]) ? (v == numbers[k] ? 0 : v < numbers[k] ? -1 : 1)
            : cell.compareTo(values.get(k));
        if (op.holds(cmp)) {
          return true;
        }
      }
      return false;
    };
  }

  private static boolean missing(TableSource src, int col, ColumnType type) {
    if (type == ColumnType.NUMERIC) {
      return Double.isNaN(src.number(col));
    }
    String cell = src.text(col);
    return type == ColumnType.UNTYPED ? Cells.isMissing(cell) : cell.isEmpty();
  }

  /** A recursive-descent parser of the grammar above. */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    WhereFilter parse() {
      skipSpaces();
      int start = i;
      while (i < s.length() && !isSpace(s.charAt(i)) && "=!<>(\"".indexOf(s.charAt(i)) < 0) {
        i++;
      }
      String column = s.substring(start, i);
      if (column.isEmpty()) {
        throw fail("a column name");
      }
      skipSpaces();
      Op op;
      if (column.equalsIgnoreCase("in") || i >= s.length()) {
        throw fail("an operator (=, !=, <, <=, >, >= or in) after the column name");
      }
      if (s.startsWith("in", i) || s.startsWith("IN", i) || s.startsWith("In", i) || s.startsWith("iN", i)) {
        op = Op.IN;
        i += 2;
      } else if (s.startsWith("!=", i)) {
        op = Op.NE;
        i += 2;
      } else if (s.startsWith("<=", i)) {
        op = Op.LE;
        i += 2;
      } else if (s.startsWith(">=", i)) {
        op = Op.GE;
        i += 2;
      } else if (s.charAt(i) == '=' || s.charAt(i) == '<' || s.charAt(i) == '>') {
        char c = s.charAt(i++);
        op = c == '=' ? Op.EQ : c == '<' ? Op.LT : Op.GT;
      } else {
        throw fail("an operator (=, !=, <, <=, >, >= or in) after the column name");
      }
      List<String> values = new ArrayList<>();
      skipSpaces();
      if (op == Op.IN) {
        if (i >= s.length() || s.charAt(i) != '(') {
          throw fail("'(' after in, as in COL in (V1,V2)");
        }
        i++;
        while (true) {
          values.add(value(true));
          skipSpaces();
          if (i < s.length() && s.charAt(i) == ',') {
            i++;
          } else if (i < s.length() && s.charAt(i) == ')') {
            i++;
            break;
          } else {
            throw fail("',' or ')' in the list of values");
          }
        }
      } else {
        values.add(value(false));
      }
      skipSpaces();
      if (i < s.length()) {
        throw fail("the end of the expression");
      }
      return new WhereFilter("--where", s.strip(), column, op, values);
    }

    private String value(boolean inList) {
      skipSpaces();
      if (i < s.length() && s.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
          if (i >= s.length()) {
            throw fail("a closing double quote");
          }
          char c = s.charAt(i++);
          if (c == '"') {
            if (i < s.length() && s.charAt(i) == '"') {
              sb.append('"');
              i++;
            } else {
              break;
            }
          } else {
            sb.append(c);
          }
        }
        return sb.toString().stripTrailing();
      }
      if (i < s.length() && "=!<>".indexOf(s.charAt(i)) >= 0) {
        throw fail("a value (bare, or in double quotes)");
      }
      int start = i;
      while (i < s.length() && !(inList && (s.charAt(i) == ',' || s.charAt(i) == ')')) && s.charAt(i) != '"') {
        i++;
      }
      String v = s.substring(start, i).strip();
      if (v.isEmpty()) {
        throw fail("a value (bare, or in double quotes)");
      }
      return v;
    }

    private void skipSpaces() {
      while (i < s.length() && isSpace(s.charAt(i))) {
        i++;
      }
    }

    private static boolean isSpace(char c) {
      return c == ' ' || c == '\t';
    }

    private InvalidOptionException fail(String expected) {
      String found = i >= s.length() ? "the end" : "'" + s.charAt(i) + "'";
      return new InvalidOptionException(String.format(Locale.ROOT,
          "--where '%s': at character %d (%s) expected %s; the grammar is COL OP VALUE (OP one of =, !=, <,"
              + " <=, >, >=) or COL in (V1,V2,...)", s, i + 1, found, expected));
    }
  }
}
