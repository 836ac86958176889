package org.trialstat.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialstat.model.DataException;
import org.trialstat.model.EffectInput;

/**
 * The inputs of {@code trialstat meta} beyond the arm-level files of {@link SummaryCsvReader}: per-study
 * effect files, and one study-level column (the {@code --subgroup} column) of an arm-level file.
 *
 * <p>An effect file has a {@code study} column and one of: {@code yi} + {@code vi} (metafor's names: the
 * effect on the analysis scale and its sampling variance), {@code estimate} + {@code se}, or
 * {@code estimate} + {@code ci_low} + {@code ci_high}; optional {@code year} and the subgroup column.
 * The dialect is that of the summary reader; every error names file, line and column.
 */
public final class EffectCsvReader {

  private EffectCsvReader() {
  }

  /** True when the file's header has a {@code yi} or an {@code estimate} column (an effect file). */
  public static boolean isEffectFile(Path path, String displayName) {
    DelimitedText t = DelimitedText.read(path, displayName);
    return t.column("yi") >= 0 || t.column("estimate") >= 0;
  }

  /**
   * Reads an effect file.
   *
   * @param subgroupColumn the {@code --subgroup} column, or null
   * @throws DataException on any problem, naming line and column
   */
  public static EffectInput read(Path path, String displayName, String subgroupColumn) {
    return parse(DelimitedText.read(path, displayName), subgroupColumn);
  }

  /** Reads an effect file from text (tests). */
  public static EffectInput parse(String text, String displayName, String subgroupColumn) {
    return parse(DelimitedText.parse(text, displayName), subgroupColumn);
  }

  private static EffectInput parse(DelimitedText t, String subgroupColumn) {
    int study = t.requireColumn("study", "the study name on every row");
    t.checkOnce("yi", "vi", "estimate", "se", "ci_low", "ci_high", "year");
    int group = subgroupColumn == null ? -1 : t.requireColumn(lowerCase(subgroupColumn), "the --subgroup column");
    boolean yi = t.has("yi");
    if (yi != t.has("vi")) {
      throw new DataException(t.file(), t.headerLine(), 0, "the header has " + (yi ? "yi but not vi" : "vi but not yi")
          + ": give both, or estimate with se or ci_low/ci_high");
    }
    if (!yi && (!t.has("estimate") || (!t.has("se") && (!t.has("ci_low") || !t.has("ci_high"))))) {
      throw new DataException(t.file(), t.headerLine(), 0, "an effect file needs yi and vi, or estimate with se, or "
          + "estimate with ci_low and ci_high; the header has: " + t.headerText());
    }
    List<EffectInput.Row> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (DelimitedText.Record r : t.records()) {
      String s = r.cell(study);
      if (s.isEmpty()) {
        throw r.error(t.file(), study, "empty study name: every row needs one");
      }
      if (!seen.add(s)) {
        throw r.error(t.file(), study, "study " + DelimitedText.quote(s)
            + " appears twice: an effect file has one row per study");
      }
      double y = t.number(r, "yi");
      double v = t.nonNegative(r, "vi");
      double e = t.number(r, "estimate");
      double s2 = t.nonNegative(r, "se");
      double l = t.number(r, "ci_low");
      double h = t.number(r, "ci_high");
      if (l > h) {
        throw t.error(r, "ci_high", "ci_high (" + t.cell(r, "ci_high") + ") is below ci_low ("
            + t.cell(r, "ci_low") + ")");
      }
      boolean any = !Double.isNaN(y) && !Double.isNaN(v) || !Double.isNaN(e) && (!Double.isNaN(s2)
          || !Double.isNaN(l) && !Double.isNaN(h));
      if (!any) {
        throw new DataException(t.file(), r.line(), t.column(yi ? "yi" : "estimate") + 1, "study "
            + DelimitedText.quote(s) + ": no effect: expected yi and vi, or estimate with se or with ci_low and ci_high");
      }
      rows.add(new EffectInput.Row(r.line(), s, y, v, e, s2, l, h, group < 0 ? null : DelimitedText.text(r.cell(group)),
          t.text(r, "year")));
    }
    if (rows.isEmpty()) {
      throw new DataException(t.file(), t.headerLine(), 0, "no data rows after the header");
    }
    return new EffectInput(t.file(), rows);
  }

  /**
   * One study-level column of an arm-level file: study name to its value (the first non-empty cell of
   * the study's rows); two different values within one study are an error.
   */
  public static Map<String, String> studyColumn(Path path, String displayName, String column) {
    DelimitedText t = DelimitedText.read(path, displayName);
    int study = t.requireColumn("study", "the study name on every row");
    int c = t.requireColumn(lowerCase(column), "the --subgroup column");
    Map<String, String> out = new LinkedHashMap<>();
    for (DelimitedText.Record r : t.records()) {
      String v = DelimitedText.text(r.cell(c));
      if (v == null) {
        continue;
      }
      String previous = out.putIfAbsent(r.cell(study), v);
      if (previous != null && !previous.equals(v)) {
        throw r.error(t.file(), c, "study " + DelimitedText.quote(r.cell(study)) + " has two "
            + "values of " + column + ": " + DelimitedText.quote(previous) + " and " + DelimitedText.quote(v));
      }
    }
    return out;
  }

  private static String lowerCase(String s) {
    return s.toLowerCase(java.util.Locale.ROOT);
  }
}
