package org.trialstat.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trialstat.model.DataException;
import org.trialstat.model.Printable;

/**
 * The columns of a trial table as {@link TrialTableReader} finds them in the header: the wide format's
 * score and diagnosis columns per visit, the covariate columns, the column options given on the
 * command line, and the message for missing columns (with a suggestion for a near miss).
 */
final class TrialColumns {

  /** The table, for its messages. */
  private final TableSource src;
  private final ReadOptions options;
  /** The column names wanted: {@code options.columns()}. */
  private final ColumnNames names;
  /** The table's header. */
  private final Header header;

  TrialColumns(TableSource src, ReadOptions options, Header header) {
    this.src = src;
    this.options = options;
    this.names = options.columns();
    this.header = header;
  }

  /** The {@code <score>_<visit>} columns, with their {@code <diagnosis>_<visit>} partners. */
  List<WideVisit> wideVisits() {
    String scorePrefix = names.score() + "_";
    String dxPrefix = names.diagnosis() == null ? null : names.diagnosis() + "_";
    List<WideVisit> visits = new ArrayList<>();
    Map<String, Integer> dxByLabel = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String c = header.name(i);
      boolean isScore = hasPrefix(c, scorePrefix);
      boolean isDx = dxPrefix != null && hasPrefix(c, dxPrefix);
      if (isScore && isDx) { // one prefix extends the other: the longer one wins
        isScore = scorePrefix.length() > dxPrefix.length();
        isDx = !isScore;
      }
      if (isScore) {
        String label = c.substring(scorePrefix.length()).strip();
        for (WideVisit v : visits) {
          if (v.label.equals(label)) {
            throw src.headerError(i, "columns '" + header.name(v.scoreColumn) + "' and '" + c
                + "' are both scores for visit '" + label + "' (columns " + (v.scoreColumn + 1) + " and "
                + (i + 1) + "); expected one score column per visit");
          }
        }
        visits.add(new WideVisit(label, i));
      } else if (isDx) {
        dxByLabel.putIfAbsent(Header.squash(c.substring(dxPrefix.length())), i);
      }
    }
    for (WideVisit v : visits) {
      Integer dx = dxByLabel.get(Header.squash(v.label));
      if (dx != null) {
        v.dxColumn = dx;
      }
    }
    return visits;
  }

  private static boolean hasPrefix(String cell, String prefix) {
    return cell.length() > prefix.length() && cell.regionMatches(true, 0, prefix, 0, prefix.length())
        && !cell.substring(prefix.length()).isBlank();
  }

  /** The extra columns with the option that named each: {@code site (--strata), age (--covariate)}. */
  private String named(List<String> wanted) {
    List<String> out = new ArrayList<>();
    for (String c : wanted) {
      out.add(c + " (" + options.covariateOptions().getOrDefault(c, "--covariate") + ")");
    }
    return String.join(", ", out);
  }

  int[] covariateColumns() {
    List<String> wanted = options.covariates();
    int[] cols = new int[wanted.size()];
    for (int k = 0; k < cols.length; k++) {
      cols[k] = header.find(wanted.get(k));
      if (cols[k] < 0) {
        String hint = header.suggest(wanted.get(k));
        String option = options.covariateOptions().get(wanted.get(k));
        String what = option == null ? "covariate column '" + wanted.get(k) + "'"
            : "column '" + wanted.get(k) + "' (" + option + ")";
        String expected = options.covariateOptions().isEmpty() ? "the covariate columns " + String.join(", ", wanted)
            : "the columns " + named(wanted);
        throw src.headerError(hint == null ? -1 : header.indexOf(hint),
            "no " + what + (hint == null ? "" : "; did you mean " + suggestion(hint)
                + "?") + "; expected " + expected + "; columns found: " + header.list());
      }
    }
    return cols;
  }

  /**
   * A column option given on the command line names a column of the file (issue 16: a misspelt
   * {@code --week-col} or {@code --dx-col} was silently ignored). In wide format only the id and arm
   * columns are names; the others are prefixes or absent.
   */
  void givenColumnsPresent(InputShape shape) {
    for (Map.Entry<String, String> g : new java.util.TreeMap<>(options.given()).entrySet()) {
      boolean name = shape == InputShape.LONG || g.getKey().equals("--id-col") || g.getKey().equals("--arm-col");
      if (name && g.getValue() != null && !g.getValue().isBlank() && header.find(g.getValue()) < 0) {
        throw new org.trialstat.model.InvalidOptionException(g.getKey() + " " + Cells.quote(g.getValue()) + ": "
            + src.file() + " has no such column; columns found: " + header.list());
      }
    }
  }

  /**
   * A suggested column name in quotes, escaped ({@link Printable}); a name that only looks like the one
   * wanted because it holds invisible or control characters says so (issue 16 item 22).
   */
  private static String suggestion(String hint) {
    String shown = Printable.escape(hint);
    return "'" + shown + "'" + (shown.equals(hint) ? "" : ", whose name holds invisible or control characters");
  }

  DataException missingColumns(int id, int arm, int visit, int score, InputShape shape) {
    String expectLong = String.join(", ", names.id(), names.arm(), names.visit(), names.score())
        + " (long format: one row per participant and visit)";
    String expectWide = names.id() + ", " + names.arm() + ", " + names.score() + "_<visit>..."
        + " (wide format: one row per participant, one score column per visit)";
    String expected = shape == InputShape.WIDE ? expectWide
        : options.shape() == InputShape.LONG ? expectLong : expectLong + " or " + expectWide;
    char delimiter = src.delimiter();
    if (id < 0 && arm < 0 && header.looksLikeData(src.decimalComma())) {
      return src.headerError(-1, "no header row: line " + header.line() + " " + header.text(delimiter)
          + " looks like data; expected a first row naming the columns, e.g. "
          + String.join(String.valueOf(delimiter), names.id(), names.arm(), names.visit(), names.score()));
    }
    List<String> missing = new ArrayList<>();
    int column = 0;
    int hints = 0;
    String[][] wanted = {
        {names.id(), id < 0 ? "" : null},
        {names.arm(), arm < 0 ? "" : null},
        {names.visit(), visit < 0 && shape == InputShape.LONG ? "" : null},
        {shape == InputShape.WIDE ? names.score() + "_<visit>" : names.score(), score < 0 ? "" : null},
    };
    for (String[] w : wanted) {
      if (w[1] == null) {
        continue;
      }
      String hint = w[0].endsWith("_<visit>") ? null : header.suggest(w[0]);
      String text = "no column '" + w[0] + "'";
      if (hint != null) {
        text += " (did you mean " + suggestion(hint) + "?)";
        column = header.indexOf(hint) + 1;
        hints++;
      }
      missing.add(text);
    }
    if (missing.size() > 1 || hints != 1) {
      column = 0;
    }
    return src.headerError(column - 1, String.join(", ", missing) + "; expected columns " + expected
        + "; columns found: " + header.list());
  }

  /** A wide file's score column for a visit, with its diagnosis column (-1 if none). */
  static final class WideVisit {
    final String label;
    final int scoreColumn;
    int dxColumn = -1;

    WideVisit(String label, int scoreColumn) {
      this.label = label;
      this.scoreColumn = scoreColumn;
    }
  }
}
