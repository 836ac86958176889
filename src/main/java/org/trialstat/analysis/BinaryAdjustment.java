package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialstat.model.AdjustedBinaryResult;
import org.trialstat.model.AdjustedVariance;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Effect;
import org.trialstat.model.Statistic;
import org.trialstat.model.TrialData;
import org.trialstat.model.WaldEffect;
import org.trialstat.stats.binary.MarginalStandardization;
import org.trialstat.stats.design.DesignMatrix;
import org.trialstat.stats.design.Factor;

/**
 * The covariate-adjusted marginal effects of {@code analyze --covariate / --factor} on each binary
 * endpoint ({@link MarginalStandardization}): per comparison, a logistic regression of the endpoint on
 * arm plus the terms, fitted on the participants of the two arms in the endpoint's denominator, and
 * standardized over the same participants to a risk difference, risk ratio and odds ratio. Terms are
 * coded as in the ANCOVA ({@link ModelCovariates}: numeric or factor, factor levels sorted, the first
 * the reference); a participant's value is taken from the baseline row, else the endpoint row. A
 * participant with a missing value is left out of this model only, with a note.
 */
final class BinaryAdjustment {

  private BinaryAdjustment() {
  }

  /** Participant exclusion reason: an empty covariate cell (left out of the adjusted models only). */
  static final String MISSING_COVARIATE = RowCounter.MISSING_COVARIATE;

  /**
   * Per arm, the participants of some endpoint's denominator left out of the adjusted models for a
   * missing covariate value (arms without any omitted).
   */
  static Map<String, Integer> missing(Iterable<ArmData> arms, TrialData data, ModelCovariates extra) {
    Map<String, Integer> out = new LinkedHashMap<>();
    int[] index = extra.indices(data);
    for (ArmData a : arms) {
      Set<Participant> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      a.outcomes.values().forEach(list -> list.forEach(o -> seen.add(o.participant())));
      int count = (int) seen.stream().filter(p -> ModelCovariates.values(p, index) == null).count();
      if (count > 0) {
        out.put(a.name, count);
      }
    }
    return out;
  }

  /** The adjusted effect of one endpoint, treatment arm t against control c. */
  static Effect effect(BinaryEndpoint e, ArmData t, ArmData c, double level, TrialData data, ModelCovariates extra) {
    int[] index = extra.indices(data);
    List<String> columns = extra.columns();
    List<String[]> values = new ArrayList<>();
    List<Integer> outcome = new ArrayList<>();
    List<Boolean> treated = new ArrayList<>();
    int missing = 0;
    for (ArmData arm : List.of(t, c)) {
      for (ArmData.Outcome o : arm.outcomes.getOrDefault(e, List.of())) {
        String[] v = ModelCovariates.values(o.participant(), index);
        if (v == null) {
          missing++;
          continue;
        }
        values.add(v);
        outcome.add(o.event() ? 1 : 0);
        treated.add(arm == t);
      }
    }
    int n = values.size();
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    List<String> names = new ArrayList<>();
    List<double[]> design = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (int k = 0; k < columns.size() && n > 0; k++) {
      List<String> column = new ArrayList<>(n);
      for (String[] v : values) {
        column.add(v[k]);
      }
      String name = columns.get(k);
      if (!extra.factor(data, name, column)) {
        names.add(name);
        design.add(ModelCovariates.parse(column));
        continue;
      }
      DesignMatrix dummies = DesignMatrix.of(List.of(Factor.sorted(name, column, rows)), rows);
      if (dummies.columns() == 0) {
        notes.add("covariate " + name + " has one level (" + column.get(0) + ") in these participants: no term");
      }
      double[][] x = dummies.matrix();
      for (int j = 0; j < dummies.columns(); j++) {
        names.add(dummies.names().get(j));
        double[] col = new double[n];
        for (int i = 0; i < n; i++) {
          col[i] = x[i][j];
        }
        design.add(col);
      }
    }
    if (missing > 0) {
      notes.add(missing + (missing == 1 ? " participant" : " participants") + " with a missing covariate left out");
    }
    String formula = e.key() + " ~ arm" + extra.formulaTail();
    AdjustedBinaryResult r = estimator(extra.binaryVariance()).estimate(
        outcome.stream().mapToInt(Integer::intValue).toArray(), booleans(treated), names.toArray(String[]::new),
        design.toArray(double[][]::new), level, formula);
    return new Effect(Statistic.ADJUSTED, e.key(), withNotes(r, notes), n);
  }

  private static boolean[] booleans(List<Boolean> values) {
    boolean[] out = new boolean[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  private static AdjustedBinaryResult withNotes(AdjustedBinaryResult r, List<String> notes) {
    if (notes.isEmpty()) {
      return r;
    }
    String joined = String.join("; ", notes);
    String note = r.note() == null ? joined : r.note() + "; " + joined;
    return new AdjustedBinaryResult(r.riskTreatment(), r.riskControl(), withReason(r.riskDifference(), joined),
        withReason(r.riskRatio(), joined), withReason(r.oddsRatio(), joined), note);
  }

  private static WaldEffect withReason(WaldEffect w, String more) {
    String reason = w.reason() == null ? more : w.reason() + "; " + more;
    return new WaldEffect(w.method(), w.estimate(), w.se(), w.logScale(), w.ciLow(), w.ciHigh(), w.confLevel(), w.z(),
        w.p(), reason);
  }

  private static MarginalStandardization estimator(AdjustedVariance v) {
    return switch (v) {
      case GE -> MarginalStandardization.GE_DELTA;
      case SANDWICH -> MarginalStandardization.GE_DELTA_SANDWICH;
      case YE -> MarginalStandardization.YE_ROBUST;
    };
  }
}
