package org.trialstat.model;

import java.util.List;

/**
 * One arm against another, the shape shared by {@code analyze}, {@code summary} and what builds on them:
 * a list of named effects in output order. Every effect is treatment minus control; every ratio
 * treatment over control.
 *
 * @param treatment the treatment arm
 * @param control   the control arm
 * @param effects   the effects in output order: continuous ones first, then each binary endpoint's
 */
public record Comparison(String treatment, String control, List<Effect> effects) {

  public Comparison {
    effects = List.copyOf(effects);
  }

  /** The value of one statistic of one outcome, or null when this comparison does not have it. */
  public EffectValue value(Statistic statistic, String outcome) {
    for (Effect e : effects) {
      if (e.statistic() == statistic && e.outcome().equals(outcome)) {
        return e.value();
      }
    }
    return null;
  }

  /** A difference in mean change ({@link Statistic.Kind#DIFFERENCE}), or null when absent. */
  public Difference difference(Statistic statistic) {
    return (Difference) value(statistic, Effect.CHANGE);
  }

  /** An estimate of one outcome, or null when absent. */
  public Estimate estimate(Statistic statistic, String outcome) {
    return (Estimate) value(statistic, outcome);
  }

  /** The binary endpoints compared here, in order. */
  public List<String> binaryOutcomes() {
    return effects.stream().map(Effect::outcome).filter(o -> !o.equals(Effect.CHANGE)).distinct().toList();
  }
}
