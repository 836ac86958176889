package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.trialstat.model.ArmLsMean;
import org.trialstat.model.Difference;
import org.trialstat.model.FittedModel;
import org.trialstat.model.LsMeansWeights;
import org.trialstat.model.TrialData;
import org.trialstat.stats.LinearModel;
import org.trialstat.stats.LsMeans;
import org.trialstat.stats.design.DesignMatrix;
import org.trialstat.stats.design.Factor;
import org.trialstat.stats.design.Numeric;
import org.trialstat.stats.design.Term;

/**
 * The ANCOVA of {@code analyze}: change ~ arm + baseline (+ --covariate / --factor columns) over the
 * completers of all arms. A participant's covariate value is the one on its baseline row (its endpoint
 * row when the baseline cell is empty); a participant with neither is left out of the ANCOVA only and
 * counted as {@code missing_covariate}.
 */
final class Ancova {

  private Ancova() {
  }

  /** Participant exclusion reason: a covariate cell is empty on both the baseline and the endpoint row. */
  static final String MISSING_COVARIATE = RowCounter.MISSING_COVARIATE;

  /**
   * The ANCOVA's contrasts and model.
   *
   * @param contrasts each treatment arm minus the control
   * @param model     the fitted model (formula, terms), null without extra terms
   * @param missing   per arm, completers left out for a missing covariate (arms without any omitted)
   * @param notes     notes on covariates entered as factors
   * @param lsmeans   each arm's LS mean (every arm, in the order of {@code arms})
   * @param pairs     any arm against any other, and the covariance of contrasts, from the same fit
   */
  record Fit(Map<String, Difference> contrasts, FittedModel model, Map<String, Integer> missing, List<String> notes,
      Map<String, ArmLsMean> lsmeans, AncovaPairs pairs) {
  }

  /**
   * ANCOVA change ~ arm + baseline over the completers of all arms, control as reference level. The
   * design is built in a canonical order that depends neither on the order of the rows nor on the arm
   * names, so that the QR fit, and the output, are byte-identical for a shuffled or renamed file: rows
   * sorted by participant id, treatment columns ordered by their smallest participant id.
   */
  static Fit fit(Map<String, ArmData> arms, String control, double level, TrialData data,
      ModelCovariates extra, LsMeansWeights weights) {
    List<String> treatments = arms.keySet().stream().filter(a -> !a.equals(control)).collect(Collectors.toList());
    AncovaRows r = AncovaRows.of(arms, data, extra);
    int n = r.completers.size();
    List<String> columns = new ArrayList<>(treatments);
    Map<String, String> firstId = new LinkedHashMap<>();
    for (Participant part : r.completers) {
      firstId.putIfAbsent(part.arm, part.id);
    }
    columns.sort(Comparator.comparing((String a) -> firstId.get(a), Comparator.nullsLast(Comparator.naturalOrder())));
    List<String> levels = new ArrayList<>(List.of(control));
    levels.addAll(columns);
    int[] armCode = new int[n];
    for (int row = 0; row < n; row++) {
      armCode[row] = levels.indexOf(r.completers.get(row).arm);
    }
    Factor arm = Factor.of("arm", levels, 0, armCode);
    List<FittedModel.Term> reported = new ArrayList<>(List.of(
        new FittedModel.Term("arm", FittedModel.Term.FACTOR, MmrmAnalysis.armLevels(List.copyOf(arms.keySet()), control))));
    List<Term> terms = r.terms(arm, reported);
    DesignMatrix design = DesignMatrix.of(terms, r.index);
    String formula = "change ~ arm + baseline" + extra.formulaTail();
    String method = "ANCOVA: " + formula + " (all arms, OLS)";
    Map<String, Difference> out = new LinkedHashMap<>();
    LinearModel fit = n > 0 && r.overflow == null ? LinearModel.fit(design, r.y) : null;
    Map<String, String> none = new LinkedHashMap<>();
    Map<String, Integer> column = new LinkedHashMap<>();
    for (String t : treatments) {
      column.put(t, design.offset(arm) + columns.indexOf(t));
      // An arm without completers has an all-zero (treatment) or absorbed (control) design column: say so
      // in words instead of the design's "column j is a linear combination of earlier columns".
      if (!firstId.containsKey(t)) {
        none.put(t, "no completers in arm " + t);
      }
    }
    if (!firstId.containsKey(control)) {
      none.put(control, "no completers in the control arm " + control);
    }
    if (r.overflow != null) {
      none.putIfAbsent(control, r.overflow);
    }
    AncovaPairs pairs = new AncovaPairs(fit, column, none, method, level, design.columns(), r.f);
    for (String t : treatments) {
      String why = none.getOrDefault(t, none.get(control));
      out.put(t, why != null ? Difference.notEstimable(method, level, why)
          : AncovaRows.unscaled(fit.coefficientTest(column.get(t), level, method), r.f));
    }
    Map<String, ArmLsMean> lsmeans = new LinkedHashMap<>();
    String lsMethod = weights.lsMeanMethod(method);
    for (String a : arms.keySet()) {
      String why = !firstId.containsKey(a) ? "no completers in arm " + a : r.overflow;
      lsmeans.put(a, why != null ? ArmLsMean.notEstimable(level, weights, lsMethod, why)
          : AncovaRows.unscaled(LsMeans.of(fit, design, arm, levels.indexOf(a), weights, level, lsMethod), r.f));
    }
    return new Fit(out, extra.isEmpty() ? null : new FittedModel(formula, reported), r.missing, r.notes, lsmeans,
        pairs);
  }

  /**
   * The dose-response ANCOVA: change ~ dose + baseline (+ the same extra terms) over the same completers,
   * dose (one number per arm) as a continuous term in place of the arm factor; the dose coefficient's t
   * test is the change per unit dose (the CDISC pilot's primary analysis).
   *
   * @param dose the dose of each arm
   */
  static Difference doseResponse(Map<String, ArmData> arms, Map<String, Double> dose, double level,
      TrialData data, ModelCovariates extra) {
    AncovaRows r = AncovaRows.of(arms, data, extra);
    int n = r.completers.size();
    double[] d = new double[n];
    for (int row = 0; row < n; row++) {
      d[row] = dose.get(r.completers.get(row).arm);
    }
    Numeric term = new Numeric("dose", d);
    List<Term> terms = r.terms(term, new ArrayList<>());
    String method = "ANCOVA: change ~ dose + baseline" + extra.formulaTail()
        + " (dose continuous, all arms, OLS); estimate per unit dose";
    if (n == 0 || r.overflow != null) {
      return Difference.notEstimable(method, level, n == 0 ? "no completers" : r.overflow);
    }
    DesignMatrix design = DesignMatrix.of(terms, r.index);
    return AncovaRows.unscaled(LinearModel.fit(design, r.y).coefficientTest(design.offset(term), level, method), r.f);
  }

}
