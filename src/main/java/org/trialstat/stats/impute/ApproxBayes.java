package org.trialstat.stats.impute;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.trialstat.model.ImputedEstimate;
import org.trialstat.model.ResponseRule;
import org.trialstat.stats.mmrm.MeanModel;

/**
 * Approximate Bayesian multiple imputation, rbmi's {@code method_approxbayes(n_samples = M)} (rbmi
 * vignette {@code stat_specs}, sections 3.3.3, 3.4 and 3.7; Little &amp; Rubin 2002, section 10.2.3;
 * von Hippel &amp; Bartlett 2021, Statistical Science 36:400-420). Each of the M draws fits the
 * imputation model ({@link MeanModel}, REML) to a bootstrap sample of participants stratified by arm (an
 * approximate draw from the posterior of beta and Sigma), then imputes every missing value of the
 * original participants by a random draw from its conditional normal distribution given the
 * participant's observed values under their strategy ({@link ConditionalMean#draw}); each completed data
 * set is analysed by {@link AncovaEstimates#estimateWithSe} and the M analyses are combined by
 * {@link RubinsRules} with Barnard-Rubin df (complete-data df n - arms - 1). Rubin's variance of a
 * reference-based imputation is information-anchored (Cro et al. 2019), not the frequentist variance of
 * the conditional mean methods.
 *
 * <p>Draw m uses the stream {@link DrawStreams#uniform}(seed, m - 1) alone: first for the bootstrap
 * sample (replaced from the same stream when its model cannot be fitted; more than ceil(0.01 M) failures
 * make every estimate not estimable, rbmi's {@code threshold}), then for the normal variates, participant
 * by participant in input order and visit by visit. The result therefore does not depend on the number
 * of cores. Every fit starts its optimisation at the original data's covariance. Tipping point: the
 * shift is added to the imputed values of the {@code deltaArms} participants of every completed data set
 * (the same draws for every delta).
 */
public final class ApproxBayes {

  private ApproxBayes() {
  }

  /**
   * Runs the analysis.
   *
   * @param subjects  the participants
   * @param visits    visits in time order
   * @param arms      the arms, control among them
   * @param control   the control arm
   * @param level     confidence level
   * @param draws     M, the number of imputed data sets (at least 2)
   * @param seed      the seed of the draws' streams
   * @param deltas    tipping-point shifts (use {0} for none)
   * @param deltaArms arms whose imputed values are shifted
   * @return per delta, per visit: the differences and the LS means
   */
  public static List<ImputedEstimate> run(List<Subject> subjects, List<String> visits, List<String> arms,
      String control, double level, int draws, long seed, double[] deltas, Set<String> deltaArms) {
    return run(subjects, visits, arms, control, level, draws, seed, deltas, deltaArms, null, Double.NaN);
  }

  /**
   * Runs the analysis with binary endpoints from the imputed scores ({@link ImputedBinary}): after the
   * continuous estimates of each delta, per endpoint and visit the risk difference, the odds ratio (kind
   * {@code <endpoint>_odds_ratio}: estimate and limits exp of the pooled log odds ratio, SE on the log
   * scale) and each arm's rate, pooled by Rubin's rules with infinite complete-data df.
   *
   * @param response     the responder rule, or null for no response endpoint
   * @param remissionMax the remission cut-off (score at or below it), NaN for none
   */
  public static List<ImputedEstimate> run(List<Subject> subjects, List<String> visits, List<String> arms,
      String control, double level, int draws, long seed, double[] deltas, Set<String> deltaArms,
      ResponseRule response, double remissionMax) {
    int n = subjects.size();
    int controlIndex = arms.indexOf(control);
    int[] armIndex = subjects.stream().mapToInt(s -> arms.indexOf(s.arm())).toArray();
    String method = "approximate Bayesian multiple imputation (" + Samples.strategies(subjects) + "), " + draws
        + " imputations from REML fits to bootstrap samples stratified by arm, ANCOVA per visit, Rubin's rules "
        + "with Barnard-Rubin df";
    String[][] labels = AncovaEstimates.labels(visits, arms, controlIndex);
    List<String> endpoints = ImputedBinary.endpoints(response, remissionMax);
    String[][] binaryLabels = ImputedBinary.labels(endpoints, visits, arms, controlIndex);
    MeanModel full = MeanModel.fit(ConditionalMean.modelInput(subjects, visits, arms, control));
    if (full.reason() != null) {
      return Samples.notEstimable(concat(labels, binaryLabels), deltas, level, method, "original data: "
          + full.reason());
    }
    int limit = Samples.failureLimit(draws);
    Object[] done = IntStream.range(0, draws).parallel().mapToObj(m -> draw(subjects, armIndex, visits, arms,
        control, full, DrawStreams.uniform(seed, m), limit)).toArray();
    int failures = 0;
    String reason = null;
    for (Object o : done) {
      if (o instanceof Samples.Fitted f) {
        failures += f.failures();
        reason = f.reason();
      } else {
        failures += ((Imputed) o).failures;
      }
    }
    if (failures > limit) {
      return Samples.notEstimable(concat(labels, binaryLabels), deltas, level, method, failures
          + " bootstrap samples could not be fitted (at most " + limit + " allowed): " + reason);
    }
    int[] everyone = Samples.everyone(n);
    double[] base = Samples.baselines(subjects, everyone);
    double dfCom = n - arms.size() - 1;
    List<ImputedEstimate> out = new ArrayList<>();
    for (double delta : deltas) {
      double[][][] fits = IntStream.range(0, draws).parallel().mapToObj(m -> AncovaEstimates.estimateWithSe(
          Samples.shifted(subjects, everyone, ((Imputed) done[m]).y, delta, deltaArms), armIndex, base, arms.size(),
          controlIndex)).toArray(double[][][]::new);
      for (int j = 0; j < labels.length; j++) {
        double[] est = new double[draws];
        double[] se = new double[draws];
        for (int m = 0; m < draws; m++) {
          est[m] = fits[m][0][j];
          se[m] = fits[m][1][j];
        }
        out.add(Samples.estimate(labels[j], delta, RubinsRules.pool(est, se, dfCom, level), level, method));
      }
      if (!endpoints.isEmpty()) {
        double[][][] bin = IntStream.range(0, draws).parallel().mapToObj(m -> ImputedBinary.estimate(
            Samples.shifted(subjects, everyone, ((Imputed) done[m]).y, delta, deltaArms), base, armIndex,
            arms.size(), controlIndex, endpoints, response, remissionMax)).toArray(double[][][]::new);
        String binaryMethod = method + "; binary endpoints from the imputed scores, Rubin's rules on the "
            + "risk-difference and log-odds scales (Wald and Woolf SEs, complete-data df infinite)";
        for (int j = 0; j < binaryLabels.length; j++) {
          out.add(pooledBinary(binaryLabels[j], delta, bin, j, level, binaryMethod));
        }
      }
    }
    return out;
  }

  private static ImputedEstimate pooledBinary(String[] label, double delta, double[][][] bin, int j, double level,
      String method) {
    double[] est = new double[bin.length];
    double[] se = new double[bin.length];
    for (int m = 0; m < bin.length; m++) {
      est[m] = bin[m][0][j];
      se[m] = bin[m][1][j];
    }
    RubinsRules.Pooled p = RubinsRules.pool(est, se, Double.POSITIVE_INFINITY, level);
    if (!label[0].endsWith("_odds_ratio")) {
      return Samples.estimate(label, delta, p, level, method);
    }
    return new ImputedEstimate(label[0], label[1], label[2], label[3], delta, Math.exp(p.estimate()), p.se(),
        Math.exp(p.lower()), Math.exp(p.upper()), level, p.p(), p.df(), method, null);
  }

  private static String[][] concat(String[][] a, String[][] b) {
    String[][] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** One imputed data set of the original participants and the failed samples before it. */
  private record Imputed(double[][] y, int failures) {
  }

  private static Object draw(List<Subject> subjects, int[] armIndex, List<String> visits, List<String> arms,
      String control, MeanModel full, UniformRandomProvider rng, int limit) {
    Samples.Fitted f = Samples.bootstrapFit(subjects, armIndex, visits, arms, control, full, rng, limit);
    if (f.fit() == null) {
      return f;
    }
    var normal = DrawStreams.normal(rng);
    double[][] y = new double[subjects.size()][];
    for (int i = 0; i < y.length; i++) {
      Subject p = subjects.get(i);
      y[i] = ConditionalMean.draw(f.fit(), p, p.strategy(), normal);
    }
    return new Imputed(y, f.failures());
  }
}
