package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.trialstat.model.Difference;
import org.trialstat.model.FittedModel;
import org.trialstat.model.TrialData;
import org.trialstat.stats.LinearModel;
import org.trialstat.stats.design.DesignMatrix;
import org.trialstat.stats.design.Factor;
import org.trialstat.stats.design.Intercept;
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
   */
  record Fit(Map<String, Difference> contrasts, FittedModel model, Map<String, Integer> missing, List<String> notes) {
  }

  /** The ANCOVA without extra terms. */
  static Map<String, Difference> fit(Map<String, ArmData> arms, String control, double level) {
    return fit(arms, control, level, null, ModelCovariates.NONE).contrasts();
  }

  /**
   * ANCOVA change ~ arm + baseline over the completers of all arms, control as reference level. The
   * design is built in a canonical order that depends neither on the order of the rows nor on the arm
   * names, so that the QR fit, and the output, are byte-identical for a shuffled or renamed file: rows
   * sorted by participant id, treatment columns ordered by their smallest participant id.
   */
  static Fit fit(Map<String, ArmData> arms, String control, double level, TrialData data,
      ModelCovariates extra) {
    List<String> treatments = arms.keySet().stream().filter(a -> !a.equals(control)).collect(Collectors.toList());
    int[] covIndex = extra.isEmpty() ? new int[0] : extra.indices(data);
    List<Participant> completers = new ArrayList<>();
    Map<String, Integer> missing = new LinkedHashMap<>();
    for (ArmData a : arms.values()) {
      for (Participant part : a.completers) {
        if (ModelCovariates.values(part, covIndex) == null) {
          missing.merge(a.name, 1, Integer::sum);
        } else {
          completers.add(part);
        }
      }
    }
    completers.sort(Comparator.comparing(part -> part.id));
    List<String> columns = new ArrayList<>(treatments);
    Map<String, String> firstId = new LinkedHashMap<>();
    for (Participant part : completers) {
      firstId.putIfAbsent(part.arm, part.id);
    }
    columns.sort(Comparator.comparing((String a) -> firstId.get(a), Comparator.nullsLast(Comparator.naturalOrder())));
    int n = completers.size();
    List<String> levels = new ArrayList<>(List.of(control));
    levels.addAll(columns);
    int[] armCode = new int[n];
    double[] baseline = new double[n];
    double[] y = new double[n];
    int[] rows = new int[n];
    for (int row = 0; row < n; row++) {
      Participant part = completers.get(row);
      armCode[row] = levels.indexOf(part.arm);
      baseline[row] = part.baseline.score();
      y[row] = part.endpoint.score() - part.baseline.score();
      rows[row] = row;
    }
    Factor arm = Factor.of("arm", levels, 0, armCode);
    List<Term> terms = new ArrayList<>(List.of(new Intercept(), arm, new Numeric("baseline", baseline)));
    List<FittedModel.Term> reported = new ArrayList<>(List.of(
        new FittedModel.Term("arm", FittedModel.Term.FACTOR, MmrmAnalysis.armLevels(List.copyOf(arms.keySet()), control)),
        ModelCovariates.term("baseline", false, List.of())));
    List<String> notes = new ArrayList<>();
    List<String> names = extra.columns();
    for (int k = 0; k < covIndex.length; k++) {
      List<String> values = new ArrayList<>(n);
      for (Participant part : completers) {
        values.add(ModelCovariates.values(part, covIndex)[k]);
      }
      String name = names.get(k);
      boolean factor = extra.factor(data, name, values);
      if (factor && extra.factorNote(data, name) != null) {
        notes.add(extra.factorNote(data, name));
      }
      terms.add(factor ? Factor.sorted(name, values, rows) : new Numeric(name, ModelCovariates.parse(values)));
      reported.add(ModelCovariates.term(name, factor, values));
    }
    DesignMatrix design = DesignMatrix.of(terms, rows);
    String formula = "change ~ arm + baseline" + extra.formulaTail();
    String method = "ANCOVA: " + formula + " (all arms, OLS)";
    Map<String, Difference> out = new LinkedHashMap<>();
    LinearModel fit = n > 0 ? LinearModel.fit(design, y) : null;
    for (String t : treatments) {
      // An arm without completers has an all-zero (treatment) or absorbed (control) design column: say so
      // in words instead of the design's "column j is a linear combination of earlier columns".
      String none = !firstId.containsKey(t) ? "no completers in arm " + t
          : !firstId.containsKey(control) ? "no completers in the control arm " + control : null;
      out.put(t, none != null ? Difference.notEstimable(method, level, none)
          : fit.coefficientTest(design.offset(arm) + columns.indexOf(t), level, method));
    }
    return new Fit(out, extra.isEmpty() ? null : new FittedModel(formula, reported), missing, notes);
  }
}
