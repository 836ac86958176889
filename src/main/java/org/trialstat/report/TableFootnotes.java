package org.trialstat.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.AnalysisSettings;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.MissingPolicy;
import org.trialstat.model.Numbers;

/**
 * {@link TableReport}'s footnotes: what each table's numbers are ([1] to [11], those of the tables
 * shown), then the accounting of the rows, the participants left out, the analysis notes and the
 * reasons behind every {@code *}.
 */
final class TableFootnotes {

  private TableFootnotes() {
  }

  /** The footnotes of {@code r}'s tables, then the row accounting, notes and {@code reasons} (marked *). */
  static List<String> lines(AnalysisResult r, Set<String> reasons) {
    AnalysisSettings s = r.settings();
    List<String> f = new ArrayList<>();
    f.add("[1] Baseline: every participant with a baseline score; endpoint: every participant with an endpoint "
        + "score; change = endpoint - baseline in participants with both (completers), mean with t-based CI; "
        + "median (min; max) of the same participants (quartiles in JSON and CSV: " + s.quantileType().label()
        + ").");
    if (!r.arms().isEmpty() && !r.arms().get(0).binaryEndpoints().isEmpty()) {
      StringBuilder b = new StringBuilder("[2] Response: " + s.response().describe() + ".");
      for (BinaryEndpoint e : r.arms().get(0).binaryEndpoints()) {
        if (e == BinaryEndpoint.LOSS_OF_DIAGNOSIS) {
          b.append(" Loss of diagnosis: diagnosis at baseline and none at endpoint (denominator: those diagnosed at "
              + "baseline).");
        } else if (e == BinaryEndpoint.REMISSION) {
          b.append(" Remission: endpoint score <= ").append(Numbers.shortest(s.remissionMax()))
              .append(" and no diagnosis at endpoint.");
        }
      }
      b.append(s.missing() == MissingPolicy.COMPLETERS ? " Denominators: completers."
          : " Denominators: every randomized participant; a missing endpoint counts as no event.");
      b.append(" Wilson score CIs.");
      f.add(b.toString());
    }
    if (!r.comparisons().isEmpty()) {
      f.add("[3] Treatment - control. Welch and Student t tests of the change scores; ANCOVA: arm coefficient of "
          + "change ~ arm + baseline fitted by OLS over the completers of all arms"
          + (r.mmrm() != null ? "; MMRM: see its method line" : "") + ". LS means: each arm's model-based mean "
          + "change (L beta), numeric covariates at their mean; they " + s.lsmeansWeights().description()
          + " (differences between arms do not depend on the weights).");
      f.add("[4] Cohen's d: difference in mean change / pooled SD; Hedges' g: d x exact J; CIs by inverting the "
          + "noncentral t distribution.");
      f.add("[5] Risk difference (treatment - control): Newcombe hybrid score CI; risk ratio and odds ratio "
          + "(treatment / control): log (Katz) and Woolf CIs, 0.5 added to every cell when a cell is 0; "
          + "NNT = 1 / risk difference, labelled NNTB when the treatment arm has more of these (good) events and NNTH when it has fewer (Altman 1998), interval as magnitudes; Fisher exact test, two-sided.");
      if (StratifiedTable.build(r.comparisons(), "", new HashSet<>()) != null) {
        f.add(StratifiedTable.FOOTNOTE);
      }
      if (AdjustedTable.build(r.comparisons(), "", new HashSet<>()) != null) {
        f.add(AdjustedTable.FOOTNOTE);
      }
    }
    String adjustedNote = AdjustmentFootnote.of(r.comparisons());
    if (adjustedNote != null) {
      f.add(adjustedNote);
    }
    if (r.doseResponse() != null) {
      f.add("[9] " + r.doseResponse().method() + ".");
    }
    if (r.subgroups() != null) {
      f.add(SubgroupTable.FOOTNOTE);
    }
    if (!r.sensitivity().isEmpty()) {
      f.add(SensitivityReport.FOOTNOTE);
    }
    f.addAll(ResultTree.rowLines(r.rows()));
    for (AnalysisResult.ParticipantExclusion p : r.participantExclusions()) {
      f.add("Arm " + p.arm() + ": " + p.count() + " participant(s) left out of " + p.outcome() + " (" + p.reason()
          + ").");
    }
    f.addAll(r.notes());
    for (String reason : reasons) {
      f.add("* " + reason);
    }
    return f;
  }
}
