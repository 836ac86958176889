package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.AnalysisSettings;
import org.trialstat.model.Comparison;
import org.trialstat.model.DataException;
import org.trialstat.model.Difference;
import org.trialstat.model.Effect;
import org.trialstat.model.FittedModel;
import org.trialstat.model.ImputeResult;
import org.trialstat.model.ImputedEstimate;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.Numbers;
import org.trialstat.model.Observation;
import org.trialstat.model.SensitivityEstimate;
import org.trialstat.model.Statistic;
import org.trialstat.model.TrialData;

/**
 * The sensitivity block of {@code analyze --sensitivity} (docs/methods.md, "Sensitivity analyses"): at
 * the endpoint, for every arm against the control, the primary MMRM beside conditional mean imputation
 * with jackknife ({@link ImputeAnalysis}, rbmi's {@code method_condmean(type = "jackknife")}) under MAR
 * and under jump to reference after monotone dropout, and a tipping-point analysis: MAR with a shift
 * delta added to the imputed values of the treatment arms, over a grid of deltas, reporting the first
 * delta at which the p value reaches 1 - conf_level.
 *
 * <p>The imputation runs on the visits from baseline to the endpoint (as the primary MMRM) without the
 * --covariate / --factor terms. The default grid starts at 0 and moves towards no effect in steps of
 * {@link #step}, 40 steps. A data set the imputation model cannot be fitted to gives entries that are not
 * estimable, with the reason, and leaves the rest of the analysis as it is.
 */
public final class SensitivityAnalysis {

  /** Estimand of the primary MMRM and of MAR imputation. */
  static final String MAR = "hypothetical: outcomes after discontinuation as if the participants had stayed on "
      + "their assigned arm (missing at random)";
  /** Estimand of jump to reference. */
  static final String JR = "hypothetical: outcomes after discontinuation as those of the reference (control) arm, "
      + "given the participants' earlier outcomes (jump to reference)";
  /** Estimand of the tipping point. */
  static final String TIP = "MAR with the imputed outcomes of the treatment arms shifted by delta towards no "
      + "effect: how much worse they must be for significance to be lost";
  /** Steps of the default grid. */
  static final int STEPS = 40;

  private SensitivityAnalysis() {
  }

  /**
   * The primary result with its sensitivity block.
   *
   * @param data      the data the primary result was computed from
   * @param primary   the result of {@link TrialAnalysis#analyze}
   * @param deltas    the tipping-point grid, or null for the default
   * @param deltaArms arms whose imputed values are shifted (empty: every arm but the control)
   * @param strict    strict row handling, as the primary analysis
   */
  public static AnalysisResult add(TrialData data, AnalysisResult primary, double[] deltas, List<String> deltaArms,
      AnalysisRequest.Strictness strict) {
    AnalysisSettings s = primary.settings();
    String control = s.control();
    if (control == null) {
      List<String> notes = new ArrayList<>(primary.notes());
      notes.add("--sensitivity: a single-arm study has no treatment difference to analyse.");
      return primary.withNotes(notes);
    }
    for (String arm : deltaArms) {
      if (!data.arms().contains(arm)) {
        throw new InvalidOptionException("--delta-arm: no arm '" + arm + "' in " + data.source() + "; arms present: "
            + String.join(", ", data.arms()));
      }
    }
    double level = s.confLevel();
    String endpoint = s.endpoint();
    TrialData upToEndpoint = upTo(data, endpoint);
    Map<String, Difference> mmrm = primaryEstimates(primary, control, level);
    double[] grid = deltas != null ? withZero(deltas) : defaultGrid(data, s, mmrm, primary, deltaArms, control);
    Run mar = run(upToEndpoint, s, control, "MAR", grid, deltaArms, strict);
    Run jr = run(upToEndpoint, s, control, "JR", new double[] {0}, List.of(), strict);
    List<SensitivityEstimate> out = new ArrayList<>();
    for (Comparison c : primary.comparisons()) {
      if (!c.control().equals(control)) {
        continue;
      }
      String t = c.treatment();
      Difference d = mmrm.get(t);
      out.add(new SensitivityEstimate(Statistic.MMRM.key(), MAR, "MAR", d.method(), t, control, endpoint, 0, d.estimate(), d.se(),
          d.ciLow(), d.ciHigh(), d.confLevel(), d.p(), List.of(), d.reason()));
      out.add(mar.entry("mar", MAR, "MAR", t, control, endpoint, 0, level));
      out.add(jr.entry("jump_to_reference", JR, "JR", t, control, endpoint, 0, level));
      out.add(tipping(mar, t, control, endpoint, grid, level, deltaArms.isEmpty()
          ? data.arms().stream().filter(a -> !a.equals(control)).toList() : deltaArms));
    }
    AnalysisResult result = primary.withSensitivity(out);
    AnalysisResult.Models models = primary.models();
    FittedModel model = models.mmrm() != null ? models.mmrm() : models.ancova();
    if (model != null) {
      List<String> notes = new ArrayList<>(primary.notes());
      notes.add("--sensitivity: the imputation model and its ANCOVA have arm, visit and baseline only, as in "
          + "impute; the primary analysis's other terms (" + model.formula() + ") are not in them, so the MAR "
          + "estimate can differ from the primary MMRM's.");
      result = result.withNotes(notes);
    }
    return result;
  }

  /** The MMRM contrast of each arm against the control at the endpoint (not estimable without an MMRM). */
  private static Map<String, Difference> primaryEstimates(AnalysisResult primary, String control, double level) {
    Map<String, Difference> out = new HashMap<>();
    for (Comparison c : primary.comparisons()) {
      if (c.control().equals(control)) {
        Difference d = Difference.notEstimable("MMRM", level, "no MMRM: it needs two or more post-baseline visits");
        for (Effect e : c.effects()) {
          if (e.statistic() == Statistic.MMRM && e.value() instanceof Difference m) {
            d = m;
          }
        }
        out.put(c.treatment(), d);
      }
    }
    return out;
  }

  /** The data without the visits after the endpoint. */
  private static TrialData upTo(TrialData data, String endpoint) {
    int last = data.visits().indexOf(endpoint);
    if (last == data.visits().size() - 1) {
      return data;
    }
    Set<String> kept = new HashSet<>(data.visits().subList(0, last + 1));
    List<Observation> obs = data.observations().stream().filter(o -> kept.contains(o.visit())).toList();
    return new TrialData(data.source(), obs, data.arms(), data.visits().subList(0, last + 1), data.hasDiagnosis(),
        data.covariateNames(), data.filters(), data.categorical(), data.visitWeeks().subList(0, last + 1));
  }

  /** The grid with 0 first (the MAR analysis itself). */
  private static double[] withZero(double[] deltas) {
    for (double d : deltas) {
      if (d == 0) {
        return deltas;
      }
    }
    double[] out = new double[deltas.length + 1];
    System.arraycopy(deltas, 0, out, 1, deltas.length);
    return out;
  }

  /**
   * 0, s, 2s, ..., 40s, signed towards no effect, with s = {@link #step}(c / 40) and c = |MMRM
   * estimate| / the fraction of the arm's participants (with a baseline) missing the endpoint: the shift of
   * every imputed value that would about cancel the estimate; the largest over the shifted arms; the
   * ANCOVA estimate when the MMRM is not estimable; {0} when there is nothing to shift.
   */
  private static double[] defaultGrid(TrialData data, AnalysisSettings s, Map<String, Difference> mmrm,
      AnalysisResult primary, List<String> deltaArms, String control) {
    Map<String, int[]> missing = endpointMissing(data, s.baseline(), s.endpoint());
    double step = 0;
    double sign = 0;
    for (Map.Entry<String, Difference> e : mmrm.entrySet()) {
      double est = e.getValue().estimable() ? e.getValue().estimate() : ancova(primary, e.getKey(), control);
      int[] m = missing.get(e.getKey());
      boolean shifted = deltaArms.isEmpty() ? !e.getKey().equals(control) : deltaArms.contains(e.getKey());
      if (!Double.isFinite(est) || est == 0 || m == null || m[0] == 0 || !shifted) {
        continue;
      }
      // the shift of all imputed values that would cancel the estimate; the grid reaches 1 to 2.5 times that
      double cancel = Math.abs(est) / ((double) m[0] / m[1]);
      if (cancel / STEPS > step) {
        step = cancel / STEPS;
        sign = -Math.signum(est);
      }
    }
    if (step == 0) {
      return new double[] {0};
    }
    double nice = sign * step(step);
    double[] grid = new double[STEPS + 1];
    for (int i = 0; i <= STEPS; i++) {
      grid[i] = i * nice;
    }
    return grid;
  }

  /** The ANCOVA estimate of the arm against the control (the grid's scale when the MMRM is not estimable). */
  private static double ancova(AnalysisResult primary, String treatment, String control) {
    for (Comparison c : primary.comparisons()) {
      if (c.treatment().equals(treatment) && c.control().equals(control)) {
        for (Effect e : c.effects()) {
          if (e.statistic() == Statistic.ANCOVA) {
            return e.value().estimate();
          }
        }
      }
    }
    return Double.NaN;
  }

  /** x rounded up to 1, 2 or 5 times a power of ten. */
  static double step(double x) {
    double p = Math.pow(10, Math.floor(Math.log10(x)));
    double m = x / p;
    return (m <= 1 + 1e-9 ? 1 : m <= 2 + 1e-9 ? 2 : m <= 5 + 1e-9 ? 5 : 10) * p;
  }

  /** Per arm, {participants with a baseline score but no endpoint score, participants with a baseline score}. */
  private static Map<String, int[]> endpointMissing(TrialData data, String baseline, String endpoint) {
    Map<String, String> armOf = new HashMap<>();
    Set<String> withBase = new HashSet<>();
    Set<String> withEnd = new HashSet<>();
    for (Observation o : data.observations()) {
      if (o.hasScore()) {
        armOf.put(o.participant(), o.arm());
        if (o.visit().equals(baseline)) {
          withBase.add(o.participant());
        } else if (o.visit().equals(endpoint)) {
          withEnd.add(o.participant());
        }
      }
    }
    Map<String, int[]> out = new HashMap<>();
    for (String id : withBase) {
      int[] c = out.computeIfAbsent(armOf.get(id), k -> new int[2]);
      c[1]++;
      if (!withEnd.contains(id)) {
        c[0]++;
      }
    }
    return out;
  }

  private static Run run(TrialData data, AnalysisSettings s, String control, String strategy, double[] deltas,
      List<String> deltaArms, AnalysisRequest.Strictness strict) {
    try {
      return new Run(ImputeAnalysis.analyze(data, new ImputeRequest(control, s.baseline(), strategy, Map.of(),
          Map.of(), false, deltas, deltaArms, s.confLevel(), strict)), null);
    } catch (DataException | InvalidOptionException e) {
      return new Run(null, e.getMessage());
    }
  }

  private static SensitivityEstimate tipping(Run mar, String t, String control, String endpoint, double[] grid,
      double level, List<String> shifted) {
    String arms = String.join(", ", shifted);
    if (mar.reason != null || grid.length < 2) {
      return new SensitivityEstimate("tipping_point", TIP, "MAR + delta", "tipping point", t, control, endpoint,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, level, Double.NaN, List.of(),
          mar.reason != null ? mar.reason : "no imputed endpoint values in " + arms + " to shift");
    }
    List<SensitivityEstimate.Step> steps = new ArrayList<>();
    for (double d : grid) {
      ImputedEstimate e = mar.find(t, endpoint, d);
      steps.add(new SensitivityEstimate.Step(d, e.estimate(), e.se(), e.p()));
    }
    double tip = Double.NaN;
    for (ImputeResult.TippingPoint p : mar.result.tipping()) {
      if (p.treatment().equals(t) && p.visit().equals(endpoint)) {
        tip = p.delta();
      }
    }
    String method = mar.result.method() + "; delta added to the imputed values of " + arms + String.format(
        Locale.ROOT, "; grid %s to %s (%d deltas); tipping point: the first delta with p >= %s",
        Numbers.shortest(grid[0]), Numbers.shortest(grid[grid.length - 1]), grid.length,
        java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(level)).stripTrailingZeros().toPlainString());
    if (Double.isNaN(tip)) {
      return new SensitivityEstimate("tipping_point", TIP, "MAR + delta", method, t, control, endpoint, Double.NaN,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, level, Double.NaN, steps,
          "significance is not lost over the grid");
    }
    ImputedEstimate e = mar.find(t, endpoint, tip);
    return new SensitivityEstimate("tipping_point", TIP, "MAR + delta", method, t, control, endpoint, tip,
        e.estimate(), e.se(), e.lower(), e.upper(), level, e.p(), steps, null);
  }

  /** One imputation run: its result, or why it failed. */
  private record Run(ImputeResult result, String reason) {

    ImputedEstimate find(String treatment, String visit, double delta) {
      for (ImputedEstimate e : result.estimates()) {
        if (e.kind().equals("difference") && e.arm().equals(treatment) && e.visit().equals(visit)
            && e.delta() == delta) {
          return e;
        }
      }
      throw new IllegalStateException("no imputed estimate of " + treatment + " at " + visit);
    }

    SensitivityEstimate entry(String analysis, String estimand, String strategy, String t, String control,
        String endpoint, double delta, double level) {
      if (reason != null) {
        return new SensitivityEstimate(analysis, estimand, strategy, "conditional mean imputation, jackknife", t,
            control, endpoint, delta, Double.NaN, Double.NaN, Double.NaN, Double.NaN, level, Double.NaN, List.of(),
            reason);
      }
      ImputedEstimate e = find(t, endpoint, delta);
      return new SensitivityEstimate(analysis, estimand, strategy, e.method(), t, control, endpoint, delta,
          e.estimate(), e.se(), e.lower(), e.upper(), e.level(), e.p(), List.of(), null);
    }
  }
}
