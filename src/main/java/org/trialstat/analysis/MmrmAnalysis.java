package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trialstat.model.Convergence;
import org.trialstat.model.CovarianceStructure;
import org.trialstat.model.LsMeansWeights;
import org.trialstat.model.DataException;
import org.trialstat.model.DdfMethod;
import org.trialstat.model.FittedModel;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.MmrmAnalysisResult;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.MmrmSettings;
import org.trialstat.model.ObservationTable;
import org.trialstat.model.RowAccounting;
import org.trialstat.model.TrialData;
import org.trialstat.stats.mmrm.Covariate;
import org.trialstat.stats.mmrm.Mmrm;
import org.trialstat.stats.mmrm.MmrmInput;

/**
 * The repeated-measures analysis of {@code trialstat mmrm}, and the MMRM block of {@code analyze}.
 *
 * <p>With a baseline visit the outcome is the change from baseline at every later visit, with fixed
 * effects arm x visit + baseline x visit (the CAPS convention); without one, the outcome is the score
 * at every visit with fixed effects arm x visit. Further covariates enter as main effects, categorical
 * when a value of the column is not a number. Participants with at least one usable post-baseline
 * value contribute (missing at random). See {@link Mmrm} for the model and the estimation.
 */
public final class MmrmAnalysis {

  private MmrmAnalysis() {
  }

  /**
   * Fits the model of {@code trialstat mmrm}.
   *
   * @throws InvalidOptionException when an option names an arm or visit the data does not have
   * @throws DataException          when the data cannot support the model (it does not converge, an arm
   *                                has no data at a visit, ...), or in strict mode on a missing value
   */
  public static MmrmAnalysisResult analyze(TrialData data, MmrmRequest request) {
    String control = TrialAnalysis.requireControl(data, request.control(), "the repeated-measures model");
    List<String> visits = data.visits();
    String baseline = request.baseline();
    List<String> modelled;
    if (baseline == null) {
      modelled = visits;
    } else {
      int b = visits.indexOf(baseline);
      if (b < 0) {
        throw new InvalidOptionException(String.format(Locale.ROOT, "--baseline: no visit '%s' in %s; visits present: %s",
            baseline, data.source(), String.join(", ", visits)));
      }
      modelled = visits.subList(b + 1, visits.size());
      if (modelled.isEmpty()) {
        throw new InvalidOptionException(String.format(Locale.ROOT,
            "--baseline %s is the last visit of %s: no post-baseline visit to model; visits present: %s",
            baseline, data.source(), String.join(", ", visits)));
      }
    }
    modelled = modelledVisits(data, baseline, request.visits(), modelled);
    ModelCovariates extra = request.modelCovariates();
    Prepared p = prepare(data, control, baseline, modelled, extra, request.strictness());
    MmrmResult fit = Mmrm.fit(p.input, request.ddf(), request.confLevel(), request.convergence(),
        request.covariance(), request.lsmeansWeights());
    if (!fit.converged()) {
      throw new DataException(data.source(), 0, 0, "the repeated-measures model cannot be fitted: " + fit.reason());
    }
    MmrmSettings settings = new MmrmSettings(request.scale(), request.scoreMin(), request.scoreMax(), control,
        baseline, baseline == null ? "score" : "change", modelled, extra.columns(), request.ddf().label(),
        request.convergence().name().toLowerCase(Locale.ROOT),
        request.confLevel(), request.covariance().order().stream().map(CovarianceStructure::key).toList(),
        request.covariance().byArm(), request.lsmeansWeights());
    return new MmrmAnalysisResult(data.source(), settings, p.rows, fit, extra.isEmpty() ? null : p.model);
  }

  /** The MMRM of {@code analyze} with the model it fitted (null when no extra terms were asked for). */
  record AnalyzeFit(MmrmResult fit, FittedModel model) {
  }

  /** Fits the change-from-baseline model of {@code analyze} over the plan's visits; the caller keeps its rows. */
  static AnalyzeFit fitForAnalyze(TrialData data, String control, String baseline, double confLevel,
      ModelCovariates extra, MmrmPlan plan, LsMeansWeights weights) {
    Prepared p = prepare(data, control, baseline, plan.visits(), extra, AnalysisRequest.Strictness.LENIENT);
    return new AnalyzeFit(Mmrm.fit(p.input, DdfMethod.SATTERTHWAITE, confLevel, Convergence.OPTIMUM,
        plan.covariance(), weights), extra.isEmpty() ? null : p.model);
  }

  /**
   * The visits the model uses: {@code chosen} (--visits) in the file's visit order, or {@code defaults}
   * when it is null.
   *
   * @throws InvalidOptionException when --visits names a visit the file lacks, one not after the baseline,
   *                                or a visit twice
   */
  static List<String> modelledVisits(TrialData data, String baseline, List<String> chosen, List<String> defaults) {
    if (chosen == null) {
      return defaults;
    }
    List<String> visits = data.visits();
    int from = baseline == null ? 0 : visits.indexOf(baseline) + 1;
    Set<String> seen = new HashSet<>();
    for (String v : chosen) {
      int i = visits.indexOf(v);
      String why = i < 0 ? "no visit '" + v + "' in " + data.source()
          : i < from ? "visit '" + v + "' is not after the baseline visit '" + baseline + "'"
          : !seen.add(v) ? "visit '" + v + "' is named twice" : null;
      if (why != null) {
        throw new InvalidOptionException(String.format(Locale.ROOT, "--visits: %s; visits present: %s", why,
            String.join(", ", visits)));
      }
    }
    return visits.stream().filter(seen::contains).toList();
  }

  /** The model input, the row accounting and the fixed-effects model. */
  private record Prepared(MmrmInput input, RowAccounting rows, FittedModel model) {
  }

  private static Prepared prepare(TrialData data, String control, String baseline, List<String> modelled,
      ModelCovariates extra, AnalysisRequest.Strictness strictness) {
    List<String> covariateNames = extra.columns();
    int[] covIndex = extra.indices(data);
    ObservationTable t = data.table();
    int[] visitOf = new int[t.visitCount()]; // table visit code -> index in data.visits(), -1 if none
    boolean[] modelledCode = new boolean[t.visitCount()];
    int baselineCode = -1;
    Set<String> modelledSet = new HashSet<>(modelled);
    for (int c = 0; c < visitOf.length; c++) {
      visitOf[c] = data.visits().indexOf(t.visitName(c));
      modelledCode[c] = modelledSet.contains(t.visitName(c));
      if (baseline != null && t.visitName(c).equals(baseline)) {
        baselineCode = c;
      }
    }
    double[] baselineScore = new double[t.participantCount()]; // NaN: no baseline score
    java.util.Arrays.fill(baselineScore, Double.NaN);
    for (int i = 0; i < t.size(); i++) {
      if (t.visitCode(i) == baselineCode && t.hasScore(i)) {
        baselineScore[t.participantCode(i)] = t.score(i);
      }
    }
    int baselineIndex = baseline == null ? -1 : data.visits().indexOf(baseline);
    int nCov = covIndex.length;
    int[] used = new int[t.size()];
    int n = 0;
    RowCounter rows = new RowCounter(data.source(), strictness);
    boolean[] contributing = new boolean[t.participantCount()];
    int[] baselineRows = new int[Math.min(t.size(), t.participantCount())]; // at most one used per participant
    int nBaseline = 0;
    // Canonical order (participant, visit), so that the fit does not depend on the order of the rows.
    for (int i : CanonicalOrder.of(t, visitOf)) {
      int v = t.visitCode(i);
      boolean isBaseline = v == baselineCode;
      if (!isBaseline && !modelledCode[v]) {
        rows.exclude(visitOf[v] > baselineIndex ? RowCounter.VISIT_NOT_MODELLED : RowCounter.VISIT_NOT_ANALYSED);
        continue;
      }
      if (!t.hasScore(i)) {
        rows.missingScore(t.get(i));
        continue;
      }
      if (isBaseline) {
        if (nBaseline == baselineRows.length) {
          baselineRows = java.util.Arrays.copyOf(baselineRows, 2 * nBaseline + 1);
        }
        baselineRows[nBaseline++] = i;
        continue;
      }
      int who = t.participantCode(i);
      if (baseline != null && Double.isNaN(baselineScore[who])) {
        rows.exclude(RowCounter.NO_BASELINE);
        continue;
      }
      boolean covMissing = false;
      for (int k : covIndex) {
        covMissing |= ModelCovariates.missing(t.covariate(i, k));
      }
      if (covMissing) {
        rows.missingCovariate(t.get(i));
        continue;
      }
      used[n++] = i;
      contributing[who] = true;
      rows.use();
    }
    for (int k = 0; k < nBaseline; k++) {
      if (contributing[t.participantCode(baselineRows[k])]) {
        rows.use();
      } else {
        rows.exclude(RowCounter.NO_POST_BASELINE);
      }
    }
    int[] usedRows = java.util.Arrays.copyOf(used, n);
    used = null;
    double[] y = new double[n];
    double[] base = baseline == null ? null : new double[n];
    for (int k = 0; k < n; k++) {
      int i = usedRows[k];
      if (baseline == null) {
        y[k] = t.score(i);
      } else {
        double b = baselineScore[t.participantCode(i)];
        y[k] = t.score(i) - b;
        base[k] = b;
      }
    }
    List<String> subject = CanonicalOrder.column(usedRows, t::participant);
    List<String> visit = CanonicalOrder.column(usedRows, t::visit);
    List<String> arm = CanonicalOrder.column(usedRows, t::arm);
    List<List<String>> cov = new ArrayList<>();
    for (int k = 0; k < nCov; k++) {
      int col = covIndex[k];
      cov.add(CanonicalOrder.column(usedRows, i -> t.covariate(i, col)));
    }
    List<Covariate> covariates = new ArrayList<>();
    List<FittedModel.Term> terms = new ArrayList<>();
    terms.add(new FittedModel.Term("arm", FittedModel.Term.FACTOR, armLevels(data.arms(), control)));
    terms.add(new FittedModel.Term("visit", FittedModel.Term.FACTOR, modelled));
    if (baseline != null) {
      terms.add(ModelCovariates.term("baseline", false, List.of()));
    }
    for (int k = 0; k < nCov; k++) {
      boolean factor = extra.factor(data, covariateNames.get(k), cov.get(k));
      covariates.add(new Covariate(covariateNames.get(k), cov.get(k), factor, extra.byVisit(covariateNames.get(k))));
      terms.add(ModelCovariates.term(covariateNames.get(k), factor, cov.get(k)));
    }
    MmrmInput input = new MmrmInput(subject, visit, arm, y, base, covariates, modelled,
        data.arms(), control);
    String formula = (baseline == null ? "score ~ arm * visit" : "change ~ arm * visit + baseline * visit")
        + extra.formulaTail(true);
    return new Prepared(input, rows.accounting(data), new FittedModel(formula, terms));
  }

  /** The arm levels as the model codes them: the control (reference) first, then the file's order. */
  static List<String> armLevels(List<String> arms, String control) {
    List<String> levels = new ArrayList<>(List.of(control));
    arms.stream().filter(a -> !a.equals(control)).forEach(levels::add);
    return levels;
  }
}
