package org.trialstat.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.Claim;
import org.trialstat.model.DataException;

/**
 * Reads the claims file of {@code trialstat verify}: columns {@code file}, {@code command},
 * {@code statistic}, {@code expected} (required), {@code compare}, {@code tolerance}, {@code source}
 * (optional), in the dialect of the other readers. Other columns are ignored.
 */
public final class ClaimsCsvReader {

  private ClaimsCsvReader() {
  }

  /**
   * Reads the claims.
   *
   * @throws DataException when a required column or cell is missing, naming line and column
   */
  public static List<Claim> read(Path path, String displayName) {
    return parse(DelimitedText.read(path, displayName));
  }

  /** Reads claims from text (tests). */
  public static List<Claim> parse(String text, String displayName) {
    return parse(DelimitedText.parse(text, displayName));
  }

  private static List<Claim> parse(DelimitedText t) {
    int file = t.requireColumn("file", "the data file, relative to the claims file");
    int command = t.requireColumn("command", "analyze or summary, optionally with options");
    int statistic = t.requireColumn("statistic", "a JSON path such as comparisons[study=MAPP1].cohens_d.estimate");
    int expected = t.requireColumn("expected", "the value as published, such as 0.91, 71.2% or < 0.001");
    t.checkOnce("compare", "tolerance", "source");
    List<Claim> claims = new ArrayList<>();
    for (DelimitedText.Record r : t.records()) {
      require(t, r, file, "file");
      require(t, r, command, "command");
      require(t, r, statistic, "statistic");
      require(t, r, expected, "expected");
      claims.add(new Claim(t.file(), r.line(), r.cell(file), r.cell(command), r.cell(statistic), r.cell(expected),
          t.text(r, "compare"), t.text(r, "tolerance"), t.text(r, "source"),
          command + 1, statistic + 1, expected + 1, t.column("compare") + 1, t.column("tolerance") + 1));
    }
    if (claims.isEmpty()) {
      throw new DataException(t.file(), t.headerLine(), 0, "no claims after the header");
    }
    return claims;
  }

  private static void require(DelimitedText t, DelimitedText.Record r, int column, String name) {
    if (r.cell(column).isEmpty()) {
      throw r.error(t.file(), column, "empty " + name + " cell: every claim needs one");
    }
  }
}
