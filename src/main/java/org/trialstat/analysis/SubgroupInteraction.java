package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Effect;
import org.trialstat.model.FTest;
import org.trialstat.model.FittedModel;
import org.trialstat.model.Proportion;
import org.trialstat.model.Statistic;
import org.trialstat.model.StudyEffect;
import org.trialstat.model.SubgroupResult;
import org.trialstat.model.SubgroupTest;
import org.trialstat.model.TrialData;
import org.trialstat.stats.LinearModel;
import org.trialstat.stats.NestedModels;
import org.trialstat.stats.design.DesignMatrix;
import org.trialstat.stats.design.Factor;
import org.trialstat.stats.design.Interaction;
import org.trialstat.stats.design.Term;
import org.trialstat.stats.meta.EffectMeasure;
import org.trialstat.stats.meta.Sensitivity;

/**
 * The tests of treatment-by-subgroup interaction of {@code analyze --subgroup COL}, one comparison at a
 * time (its two arms):
 * <ul>
 *   <li>change from baseline: the F test of {@code arm:COL} in the ANCOVA, nested models
 *       {@code change ~ arm + baseline [+ covariates] + COL} against the same {@code + arm:COL}, over the
 *       completers of the two arms with a value of COL and every covariate (R:
 *       {@code anova(lm(reduced), lm(full))}; {@link NestedModels});</li>
 *   <li>each binary effect (RD, RR, OR): Cochran's Q between the subgroups' estimates on the effect's
 *       scale (RD, log RR, log OR), each with metafor's {@code escalc} variance from the subgroup's events
 *       and denominators (1/2 added to every cell of a subgroup with a zero cell), fixed effect, G - 1 df
 *       (metafor {@code rma(yi, vi, mods = ~ factor(subgroup), method = "FE")$QM};
 *       {@link Sensitivity#between(List)}).</li>
 * </ul>
 * The F test uses the two arms only, so with three or more arms it is not the global test of all arms;
 * with two arms it is.
 */
final class SubgroupInteraction {

  private SubgroupInteraction() {
  }

  /** The F test of arm x subgroup for the change, over the completers of {@code arms} (the two arms). */
  static SubgroupResult.Interaction change(String treatment, String control, Map<String, ArmData> arms,
      TrialData data, ModelCovariates extra, String variable, Function<Participant, String> subgroupOf) {
    String method = "F test of arm:" + variable + " in the ANCOVA change ~ arm + baseline" + extra.formulaTail()
        + " + " + variable + " (+ arm:" + variable + "), arms " + treatment + " and " + control + ", OLS";
    AncovaRows r = AncovaRows.of(arms, data, extra);
    int n = r.completers.size();
    FTest test;
    if (n == 0 || r.overflow != null) {
      test = FTest.notEstimable(method, n == 0 ? "no completers" : r.overflow);
    } else {
      int[] armCode = new int[n];
      List<String> levels = new ArrayList<>(n);
      for (int row = 0; row < n; row++) {
        Participant p = r.completers.get(row);
        armCode[row] = p.arm.equals(control) ? 0 : 1;
        levels.add(subgroupOf.apply(p));
      }
      Factor arm = Factor.of("arm", List.of(control, treatment), 0, armCode);
      Factor group = Factor.sorted(variable, levels, r.index);
      List<Term> reduced = r.terms(arm, new ArrayList<FittedModel.Term>());
      reduced.add(group);
      List<Term> full = new ArrayList<>(reduced);
      full.add(new Interaction(arm, group));
      test = NestedModels.fTest(LinearModel.fit(DesignMatrix.of(reduced, r.index), r.y),
          LinearModel.fit(DesignMatrix.of(full, r.index), r.y), method);
    }
    return new SubgroupResult.Interaction(treatment, control, Effect.CHANGE, Statistic.ANCOVA.key(), "F",
        test.statistic(), test.df(), test.dfResidual(), test.p(), test.method(), test.reason());
  }

  /**
   * Q between the subgroups for each binary endpoint and effect (RD, RR, OR) of one comparison, from the
   * events and denominators of the levels' arm results.
   *
   * @param treatmentRates per level, the treatment arm's rates (in the order of {@code endpoints})
   * @param controlRates   per level, the control arm's rates
   */
  static List<SubgroupResult.Interaction> binary(String treatment, String control, List<BinaryEndpoint> endpoints,
      List<List<Proportion>> treatmentRates, List<List<Proportion>> controlRates) {
    List<SubgroupResult.Interaction> out = new ArrayList<>();
    for (int e = 0; e < endpoints.size(); e++) {
      for (Measure m : MEASURES) {
        EffectMeasure measure = m.measure();
        List<double[]> yv = new ArrayList<>();
        for (int g = 0; g < treatmentRates.size(); g++) {
          Proportion t = treatmentRates.get(g).get(e);
          Proportion c = controlRates.get(g).get(e);
          StudyEffect s = measure.fromCounts("", t.events(), t.n(), c.events(), c.n());
          if (s.estimable()) {
            yv.add(new double[] {s.yi(), s.vi()});
          }
        }
        SubgroupTest q = Sensitivity.between(yv);
        String method = "Cochran's Q between subgroups, fixed effect, chi-square with G - 1 df; each subgroup's "
            + measure.methodName() + " (metafor escalc)";
        out.add(new SubgroupResult.Interaction(treatment, control, endpoints.get(e).key(), m.statistic().key(),
            "Q", q.q(), q.df(), Double.NaN, q.p(), method, q.reason()));
      }
    }
    return out;
  }

  /** A binary effect tested, with the measure of its scale. */
  private record Measure(Statistic statistic, EffectMeasure measure) {
  }

  private static final List<Measure> MEASURES = List.of(new Measure(Statistic.RISK_DIFFERENCE, EffectMeasure.RD),
      new Measure(Statistic.RISK_RATIO, EffectMeasure.RR), new Measure(Statistic.ODDS_RATIO, EffectMeasure.OR));
}
