package org.trialstat.report;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Comparison;
import org.trialstat.model.Effect;
import org.trialstat.model.Headlined;
import org.trialstat.model.StratifiedBinaryResult;
import org.trialstat.model.WaldEffect;

/**
 * The table block of {@code analyze --strata}: one row per comparison and binary endpoint with the CMH
 * test, the Mantel-Haenszel RD / RR / OR and Tarone's test, footnote [6]. Absent without strata.
 */
final class StratifiedTable {

  /** Footnote [6], defining the block. */
  static final String FOOTNOTE = "[6] Stratified by the --strata columns: Cochran-Mantel-Haenszel chi-squared test "
      + "with continuity correction (R mantelhaen.test); Mantel-Haenszel risk difference (Sato / Greenland-Robins "
      + "variance), risk ratio (Greenland-Robins) and odds ratio (Robins-Breslow-Greenland), Wald CIs, no "
      + "zero-cell correction; Tarone: Breslow-Day test of homogeneity of the odds ratio with Tarone's correction. "
      + "Strata: used (both arms) / seen.";

  private StratifiedTable() {
  }

  /** The table, or null when no comparison has a stratified analysis. */
  static TextTable build(List<Comparison> comparisons, String lvl, Set<String> reasons) {
    return table(comparisons, StratifiedBinaryResult.class, new String[] {"Comparison", "Endpoint", ">Strata",
        ">CMH X2", ">CMH p", ">MH RD [" + lvl + " CI]", ">MH RR [" + lvl + " CI]", ">MH OR [" + lvl + " CI]",
        ">Tarone p"}, (t, s, row) -> {
          if (s.note() != null) {
            reasons.add("stratified, " + row.context() + ": " + s.note());
          }
          if (!s.cmh().estimable()) {
            reasons.add("CMH test, " + row.context() + ": " + s.cmh().reason());
          }
          t.row(row.name(), row.endpoint(), s.strataUsed() + "/" + s.strata(), Fmt.fixed(s.cmh().statistic(), 2),
              Fmt.p(s.cmh().p()), cell(s.riskDifference(), 3, reasons, "MH risk difference, " + row.context()),
              cell(s.riskRatio(), 2, reasons, "MH risk ratio, " + row.context()),
              cell(s.oddsRatio(), 2, reasons, "MH odds ratio, " + row.context()), Fmt.p(s.tarone().p()));
        });
  }

  /** Where a row stands: comparison name, endpoint label, both for messages, the effect. */
  record Row(String name, String endpoint, String context, Effect effect) {
  }

  /** Writes the row of one value. */
  interface RowWriter<T> {
    void write(TextTable t, T value, Row row);
  }

  /**
   * A table with a row per comparison and binary endpoint whose effect holds a value of the given type,
   * or null when there is none.
   */
  static <T extends Headlined> TextTable table(List<Comparison> comparisons, Class<T> type, String[] header,
      RowWriter<T> writer) {
    TextTable t = null;
    for (Comparison c : comparisons) {
      for (Effect e : c.effects()) {
        if (!type.isInstance(e.value())) {
          continue;
        }
        t = t == null ? new TextTable(header) : t;
        String name = c.treatment() + " vs " + c.control();
        String endpoint = BinaryEndpoint.ofKey(e.outcome()).label();
        writer.write(t, type.cast(e.value()), new Row(name, endpoint,
            endpoint.toLowerCase(Locale.ROOT) + " (" + name + ")", e));
      }
    }
    return t;
  }

  /** An effect with its interval, or "NE*" with its reason added to the footnotes. */
  static String cell(WaldEffect w, int decimals, Set<String> reasons, String context) {
    if (!w.estimable()) {
      reasons.add(context + ": " + w.reason());
      return Fmt.NE + "*";
    }
    return Fmt.fixed(w.estimate(), decimals) + " [" + Fmt.ci(w.ciLow(), w.ciHigh(), decimals) + "]";
  }
}
