package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialstat.model.ArmLsMean;
import org.trialstat.model.Difference;
import org.trialstat.model.FittedModel;
import org.trialstat.model.TrialData;
import org.trialstat.stats.SampleStatistics;
import org.trialstat.stats.Scaling;
import org.trialstat.stats.design.Factor;
import org.trialstat.stats.design.Intercept;
import org.trialstat.stats.design.Numeric;
import org.trialstat.stats.design.Term;

/** The completers with every covariate, in id order, and their outcome and baseline. */
final class AncovaRows {
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

  /** The completers of all arms with every covariate, sorted by id, with their (scaled) outcomes. */
  static AncovaRows of(Map<String, ArmData> arms, TrialData data, ModelCovariates extra) {
    AncovaRows r = new AncovaRows();
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
  static Difference unscaled(Difference d, double f) {
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
  static ArmLsMean unscaled(ArmLsMean m, double f) {
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
