package org.trialstat.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstat.model.DataException;

/**
 * The header row: finds columns by name (exact first, then ignoring case) and suggests the closest
 * header cell for a name that is missing.
 */
final class Header {

  /** Names other programs use for trialstat's columns (CDISC ADaM and common spellings). */
  private static final String[][] SYNONYMS = {
      {"usubjid", "subjid", "subject", "subject_id", "patient", "patient_id", "pid", "id", "participant",
          "participant_id"},
      {"trt01p", "trt01a", "trtp", "trta", "armcd", "actarm", "treatment", "trt", "group", "arm"},
      {"avisit", "visitname", "visit_name", "timepoint", "time", "visit"},
      {"aval", "score", "total", "caps", "caps5", "caps_5", "caps5_total", "capstot", "caps_total"},
      {"dx", "ptsd", "diagnosis", "ptsd_dx"},
      {"avisitn", "visitnum", "visitn", "week", "wk", "weeks"},
  };

  private static final int MAX_LISTED = 30;

  private final String file;
  private final long line;
  private final String[] cells;

  Header(String file, long line, String[] cells) {
    this.file = file;
    this.line = line;
    this.cells = cells;
  }

  int size() {
    return cells.length;
  }

  String name(int index) {
    return cells[index];
  }

  long line() {
    return line;
  }

  /**
   * The index of the column called {@code name}: the one header cell equal to it, else the one equal
   * ignoring case, else -1.
   *
   * @throws DataException when two header cells match equally well
   */
  int find(String name) {
    int exact = -1;
    for (int i = 0; i < cells.length; i++) {
      if (cells[i].equals(name)) {
        if (exact >= 0) {
          throw new DataException(file, line, i + 1, "column name '" + name + "' appears twice (columns "
              + (exact + 1) + " and " + (i + 1) + "); expected unique column names");
        }
        exact = i;
      }
    }
    if (exact >= 0) {
      return exact;
    }
    int loose = -1;
    for (int i = 0; i < cells.length; i++) {
      if (cells[i].equalsIgnoreCase(name)) {
        if (loose >= 0) {
          throw new DataException(file, line, i + 1, "columns '" + cells[loose] + "' and '" + cells[i]
              + "' both match '" + name + "' ignoring case; expected one column of that name (give the"
              + " exact name)");
        }
        loose = i;
      }
    }
    return loose;
  }

  /**
   * The header cell closest to {@code name}: equal after dropping case, spaces, underscores, dashes
   * and dots; else within a small edit distance; else a known synonym (USUBJID for participant_id,
   * AVAL for caps_total...). Null when nothing is close.
   */
  String suggest(String name) {
    String key = squash(name);
    for (String c : cells) {
      if (!c.isEmpty() && squash(c).equals(key)) {
        return c;
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    int best = Math.max(1, Math.min(3, lower.length() / 3)) + 1;
    String bestCell = null;
    for (String c : cells) {
      if (c.isEmpty()) {
        continue;
      }
      int d = levenshtein(lower, c.toLowerCase(Locale.ROOT), best);
      if (d < best) {
        best = d;
        bestCell = c;
      }
    }
    if (bestCell != null) {
      return bestCell;
    }
    for (String[] group : SYNONYMS) {
      if (!contains(group, key)) {
        continue;
      }
      for (String synonym : group) {
        for (String c : cells) {
          if (squash(c).equals(squash(synonym))) {
            return c;
          }
        }
      }
    }
    return null;
  }

  /** Index of a header cell, for messages. */
  int indexOf(String cell) {
    for (int i = 0; i < cells.length; i++) {
      if (cells[i].equals(cell)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the row looks like data rather than column names: one of its cells is a number. */
  boolean looksLikeData(boolean decimalComma) {
    for (String c : cells) {
      if (!Double.isNaN(Cells.parseNumber(c, decimalComma))) {
        return true;
      }
    }
    return false;
  }

  /** The header cells, comma-separated, for a message (the first 30). */
  String list() {
    StringBuilder sb = new StringBuilder();
    int n = Math.min(cells.length, MAX_LISTED);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      String q = Cells.quote(cells[i]);
      sb.append(cells[i].isEmpty() ? "(empty)" : q.substring(1, q.length() - 1));
    }
    if (cells.length > n) {
      sb.append(", ... (").append(cells.length - n).append(" more)");
    }
    return sb.toString();
  }

  /** The header row as text, for the "no header row" message. */
  String text(char delimiter) {
    return Cells.quote(String.join(String.valueOf(delimiter), cells));
  }

  List<String> cells() {
    return new ArrayList<>(List.of(cells));
  }

  private static boolean contains(String[] group, String key) {
    for (String s : group) {
      if (squash(s).equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** Lower case without spaces, underscores, dashes and dots. */
  static String squash(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '_' && c != '-' && c != '.' && !Character.isWhitespace(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  /** Levenshtein distance, or {@code cap} when it is at least {@code cap}. */
  static int levenshtein(String a, String b, int cap) {
    if (Math.abs(a.length() - b.length()) >= cap) {
      return cap;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin >= cap) {
        return cap;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[b.length()], cap);
  }
}
