package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.trialstat.stats.SampleStatistics;
import org.trialstat.stats.Scaling;
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
   * @param lsmeans   each arm's LS mean (every arm, in the order of {@code arms})
   * @param pairs     any arm against any other, and the covariance of contrasts, from the same fit
   */
  record Fit(Map<String, Difference> contrasts, FittedModel model, Map<String, Integer> missing, List<String> notes,
      Map<String, ArmLsMean> lsmeans, Pairs pairs) {
  }

  /**
   * Contrasts of the fitted ANCOVA between any two arms (R: {@code emmeans(fit, pairwise ~ arm)} without
   * adjustment, or {@code glht} with one row), and the covariance of contrasts against the control.
   */
  static final class Pairs {
    private final LinearModel fit;
    private final Map<String, Integer> column;
    private final Map<String, String> none;
    private final String method;
    private final double level;
    private final int p;
    /** The outcome's scale factor in the fit ({@link Rows#f}): estimates are divided by it. */
    private final double f;

    private Pairs(LinearModel fit, Map<String, Integer> column, Map<String, String> none, String method,
        double level, int p, double f) {
      this.f = f;
      this.fit = fit;
      this.column = column;
      this.none = none;
      this.method = method;
      this.level = level;
      this.p = p;
    }

    /** Treatment minus control from the model of all arms. */
    Difference contrast(String treatment, String control) {
      String why = none.getOrDefault(treatment, none.get(control));
      if (why != null) {
        return Difference.notEstimable(method, level, why);
      }
      return unscaled(fit.contrastTest(weights(treatment, control), level, method), f);
    }

    /** The covariance matrix of the contrasts (treatment_i minus control). */
    double[][] covariance(List<String> treatments, String control) {
      int m = treatments.size();
      double[][] out = new double[m][m];
      for (int i = 0; i < m; i++) {
        double[] li = weights(treatments.get(i), control);
        for (int j = 0; j < m; j++) {
          double[] lj = weights(treatments.get(j), control);
          double s = 0;
          for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
              if (li[a] != 0 && lj[b] != 0) {
                s += li[a] * lj[b] * fit.covariance(a, b);
              }
            }
          }
          out[i][j] = s / (f * f);
        }
      }
      return out;
    }

    /** The residual df of the fit. */
    double df() {
      return fit == null ? Double.NaN : fit.residualDf();
    }

    private double[] weights(String treatment, String control) {
      double[] l = new double[p];
      Integer t = column.get(treatment);
      Integer c = column.get(control);
      if (t != null) {
        l[t] += 1;
      }
      if (c != null) {
        l[c] -= 1;
      }
      return l;
    }
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
    Rows r = rows(arms, data, extra);
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
    Pairs pairs = new Pairs(fit, column, none, method, level, design.columns(), r.f);
    for (String t : treatments) {
      String why = none.getOrDefault(t, none.get(control));
      out.put(t, why != null ? Difference.notEstimable(method, level, why)
          : unscaled(fit.coefficientTest(column.get(t), level, method), r.f));
    }
    Map<String, ArmLsMean> lsmeans = new LinkedHashMap<>();
    String lsMethod = weights.lsMeanMethod(method);
    for (String a : arms.keySet()) {
      String why = !firstId.containsKey(a) ? "no completers in arm " + a : r.overflow;
      lsmeans.put(a, why != null ? ArmLsMean.notEstimable(level, weights, lsMethod, why)
          : unscaled(LsMeans.of(fit, design, arm, levels.indexOf(a), weights, level, lsMethod), r.f));
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
    Rows r = rows(arms, data, extra);
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
    return unscaled(LinearModel.fit(design, r.y).coefficientTest(design.offset(term), level, method), r.f);
  }

  /** The completers with every covariate, in id order, and their outcome and baseline. */
  static final class Rows {
    final List<Participant> completers = new ArrayList<>();
    final Map<String, Integer> missing = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    int[] index;
    double[] y;
    double[] baseline;
    /** Why a change from baseline is beyond the range of doubles, or null. */
    String overflow;
    /**
     * The power of two the outcomes and baselines are multiplied by for the fit (1 for ordinary scores):
     * scores beyond 2^+-400 ({@code --scale none}) are fitted in those units and the estimates divided
     * back ({@link Scaling}: exact).
     */
    double f = 1;
    private TrialData data;
    private ModelCovariates extra;
    private int[] covIndex;

    /** Intercept, the treatment term, baseline and the extra terms; their reported terms added. */
    List<Term> terms(Term treatment, List<FittedModel.Term> reported) {
      List<Term> terms = new ArrayList<>(List.of(new Intercept(), treatment, new Numeric("baseline", baseline)));
      reported.add(ModelCovariates.term("baseline", false, List.of()));
      List<String> names = extra.columns();
      for (int k = 0; k < covIndex.length; k++) {
        List<String> values = new ArrayList<>(completers.size());
        for (Participant part : completers) {
          values.add(ModelCovariates.values(part, covIndex)[k]);
        }
        String name = names.get(k);
        boolean factor = extra.factor(data, name, values);
        if (factor && extra.factorNote(data, name) != null) {
          notes.add(extra.factorNote(data, name));
        }
        terms.add(factor ? Factor.sorted(name, values, index) : new Numeric(name, ModelCovariates.parse(values)));
        reported.add(ModelCovariates.term(name, factor, values));
      }
      return terms;
    }
  }

  static Rows rows(Map<String, ArmData> arms, TrialData data, ModelCovariates extra) {
    Rows r = new Rows();
    r.data = data;
    r.extra = extra;
    r.covIndex = extra.isEmpty() ? new int[0] : extra.indices(data);
    for (ArmData a : arms.values()) {
      for (Participant part : a.completers) {
        if (ModelCovariates.values(part, r.covIndex) == null) {
          r.missing.merge(a.name, 1, Integer::sum);
        } else {
          r.completers.add(part);
        }
      }
    }
    Participant.sortById(r.completers);
    int n = r.completers.size();
    r.index = new int[n];
    r.y = new double[n];
    r.baseline = new double[n];
    for (int row = 0; row < n; row++) {
      Participant part = r.completers.get(row);
      r.baseline[row] = part.baselineScore();
      r.y[row] = part.endpointScore() - part.baselineScore();
      r.index[row] = row;
    }
    r.overflow = TrialEstimation.changeOverflow(r.y);
    r.f = r.overflow != null ? 1 : Scaling.factor(concat(r.baseline, r.y));
    for (int row = 0; row < n && r.f != 1; row++) {
      r.baseline[row] *= r.f;
      r.y[row] *= r.f;
    }
    return r;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A contrast fitted to outcomes multiplied by f, in the outcome's own units (t, df and p unchanged). */
  private static Difference unscaled(Difference d, double f) {
    if (f == 1 || d.reason() != null) {
      return d;
    }
    double low = d.ciLow() / f;
    double high = d.ciHigh() / f;
    if (Double.isInfinite(d.estimate() / f) || Double.isInfinite(d.se() / f)) {
      return Difference.notEstimable(d.method(), d.confLevel(), SampleStatistics.beyondDouble("estimate"));
    }
    boolean limits = Double.isFinite(low) && Double.isFinite(high);
    return new Difference(d.method(), d.estimate() / f, d.se() / f, limits ? low : Double.NaN,
        limits ? high : Double.NaN, d.confLevel(), d.t(), d.df(), d.p(),
        limits ? null : SampleStatistics.beyondDouble("confidence limit"));
  }

  /** An LS mean fitted to outcomes multiplied by f, in the outcome's own units. */
  private static ArmLsMean unscaled(ArmLsMean m, double f) {
    if (f == 1 || m.reason() != null) {
      return m;
    }
    if (Double.isInfinite(m.estimate() / f) || Double.isInfinite(m.se() / f)) {
      return ArmLsMean.notEstimable(m.confLevel(), m.weights(), m.method(), SampleStatistics.beyondDouble("estimate"));
    }
    return new ArmLsMean(m.estimate() / f, m.se() / f, m.df(), m.ciLow() / f, m.ciHigh() / f, m.confLevel(),
        m.weights(), m.method(), null);
  }
}
