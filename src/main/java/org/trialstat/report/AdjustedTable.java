package org.trialstat.report;

import java.util.List;
import java.util.Set;
import org.trialstat.model.AdjustedBinaryResult;
import org.trialstat.model.Comparison;

/**
 * The table block of {@code analyze --covariate / --factor} on the binary endpoints: one row per
 * comparison and endpoint with the standardized risks and the standardized RD / RR / OR, footnote [7].
 * Absent without covariates.
 */
final class AdjustedTable {

  /** Footnote [7], defining the block. */
  static final String FOOTNOTE = "[7] Covariate-adjusted (--covariate / --factor): logistic regression of the endpoint "
      + "on arm and the covariates over the two arms' participants, standardized (g-computation) to the marginal "
      + "risks under treatment and under control; risk difference, risk ratio and odds ratio of these risks with Wald "
      + "CIs (variance named in the method string: --adjusted-variance); p of the risk difference. N: participants "
      + "in the model.";

  private AdjustedTable() {
  }

  /** The table, or null when no comparison has an adjusted analysis. */
  static TextTable build(List<Comparison> comparisons, String lvl, Set<String> reasons) {
    return StratifiedTable.table(comparisons, AdjustedBinaryResult.class, new String[] {"Comparison", "Endpoint",
        ">N", ">Risk T", ">Risk C", ">Std RD [" + lvl + " CI]", ">Std RR [" + lvl + " CI]", ">Std OR [" + lvl + " CI]",
        ">p"}, (t, a, row) -> {
          String n = Integer.toString(row.effect().n());
          String context = row.context();
          if (!a.riskDifference().estimable()) {
            // one reason for the whole row: the model, not a single effect, is not estimable
            reasons.add("covariate-adjusted, " + context + ": " + a.riskDifference().reason());
            t.row(row.name(), row.endpoint(), n, Fmt.NE, Fmt.NE, Fmt.NE + "*", Fmt.NE + "*", Fmt.NE + "*", Fmt.NE);
            return;
          }
          if (a.note() != null) {
            reasons.add("covariate-adjusted, " + context + ": " + a.note());
          }
          t.row(row.name(), row.endpoint(), n, Fmt.fixed(a.riskTreatment(), 3), Fmt.fixed(a.riskControl(), 3),
              StratifiedTable.cell(a.riskDifference(), 3, reasons, "standardized risk difference, " + context),
              StratifiedTable.cell(a.riskRatio(), 2, reasons, "standardized risk ratio, " + context),
              StratifiedTable.cell(a.oddsRatio(), 2, reasons, "standardized odds ratio, " + context),
              Fmt.p(a.riskDifference().p()));
        });
  }
}
