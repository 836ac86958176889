package org.trialstat.report.figure;

import java.util.List;
import java.util.function.Function;
import org.trialstat.model.BinaryComparison;
import org.trialstat.model.ComparisonResult;
import org.trialstat.model.Difference;
import org.trialstat.model.Estimate;

/**
 * Which effect of {@code analyze}'s comparisons a forest plot shows. {@link #key()} is the JSON key of the
 * effect (docs/output.md), so the plotted numbers are the JSON numbers.
 */
public enum ForestMeasure {
  WELCH("welch", "Mean difference in change (Welch)", ForestPlot.Scale.DIFFERENCE, 2, c -> List.of(of(c.welch()))),
  STUDENT("student", "Mean difference in change (Student)", ForestPlot.Scale.DIFFERENCE, 2,
      c -> List.of(of(c.student()))),
  ANCOVA("ancova", "Adjusted mean difference in change (ANCOVA)", ForestPlot.Scale.DIFFERENCE, 2,
      c -> List.of(of(c.ancova()))),
  MMRM("mmrm", "LS mean difference in change at the endpoint (MMRM)", ForestPlot.Scale.DIFFERENCE, 2,
      c -> List.of(of(c.mmrm()))),
  COHENS_D("cohens_d", "Cohen's d", ForestPlot.Scale.DIFFERENCE, 3, c -> List.of(c.cohensD())),
  HEDGES_G("hedges_g", "Hedges' g", ForestPlot.Scale.DIFFERENCE, 3, c -> List.of(c.hedgesG())),
  RISK_DIFFERENCE("risk_difference", "Risk difference", ForestPlot.Scale.DIFFERENCE, 3,
      c -> c.binary().stream().map(BinaryComparison::riskDifference).toList()),
  RISK_RATIO("risk_ratio", "Risk ratio", ForestPlot.Scale.RATIO, 2,
      c -> c.binary().stream().map(BinaryComparison::riskRatio).toList()),
  ODDS_RATIO("odds_ratio", "Odds ratio", ForestPlot.Scale.RATIO, 2,
      c -> c.binary().stream().map(BinaryComparison::oddsRatio).toList());

  private final String key;
  private final String label;
  private final ForestPlot.Scale scale;
  private final int decimals;
  private final Function<ComparisonResult, List<Estimate>> effects;

  ForestMeasure(String key, String label, ForestPlot.Scale scale, int decimals,
      Function<ComparisonResult, List<Estimate>> effects) {
    this.key = key;
    this.label = label;
    this.scale = scale;
    this.decimals = decimals;
    this.effects = effects;
  }

  /** The JSON key, for example {@code hedges_g}. */
  public String key() {
    return key;
  }

  /** Words for the axis label. */
  public String label() {
    return label;
  }

  ForestPlot.Scale scale() {
    return scale;
  }

  /** Decimals as the tables print this measure. */
  int decimals() {
    return decimals;
  }

  /** True for the measures of the binary endpoints (one row per endpoint). */
  boolean binary() {
    return this == RISK_DIFFERENCE || this == RISK_RATIO || this == ODDS_RATIO;
  }

  /** The comparison's effects of this measure: one, or one per binary endpoint (null entries: not computed). */
  List<Estimate> effects(ComparisonResult c) {
    return effects.apply(c);
  }

  /** The measure with a JSON key, or null. */
  public static ForestMeasure byKey(String key) {
    for (ForestMeasure m : values()) {
      if (m.key.equals(key)) {
        return m;
      }
    }
    return null;
  }

  private static Estimate of(Difference d) {
    if (d == null) {
      return null;
    }
    return new Estimate(d.estimate(), d.ciLow(), d.ciHigh(), d.confLevel(), d.method(), d.reason());
  }
}
