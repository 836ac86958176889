package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trialstat.model.Adjusted;
import org.trialstat.model.Comparison;
import org.trialstat.model.Difference;
import org.trialstat.model.Effect;
import org.trialstat.model.EffectValue;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.Multiplicity;
import org.trialstat.model.Statistic;
import org.trialstat.stats.multiplicity.FamilyAdjustment;

/**
 * {@code analyze --adjust}: the family of a statistic is its value in every comparison (Welch, Student,
 * ANCOVA and MMRM of the change; Fisher's exact test of each binary endpoint); each effect of a family
 * gets its {@link Adjusted} value. Dunnett's adjustment applies to the model contrasts of a many-to-one
 * family only: the ANCOVA's (one residual df, as R multcomp) and the MMRM's at the endpoint (each
 * contrast's own df, as R emmeans).
 */
final class Multiplicities {

  /** The statistics of the change adjusted over the comparisons. */
  private static final List<Statistic> DIFFERENCES = List.of(Statistic.WELCH, Statistic.STUDENT, Statistic.ANCOVA,
      Statistic.MMRM);

  private Multiplicities() {
  }

  /**
   * The comparisons with adjusted p values, and the note saying what was adjusted.
   *
   * @param ancova   the ANCOVA of all arms (its contrasts' covariance and df, for Dunnett)
   * @param mmrm     the MMRM of all arms with the control as reference, or null without one
   * @param endpoint the visit of the MMRM's contrasts
   *
   * @throws InvalidOptionException for {@code dunnett} when the comparisons are not every one against the
   *                                same control
   */
  static List<Comparison> apply(List<Comparison> comparisons, List<ComparisonPlan.Pair> pairs, Multiplicity adjust,
      AncovaPairs ancova, MmrmResult mmrm, String endpoint, List<String> notes) {
    int m = comparisons.size();
    if (adjust == Multiplicity.NONE) {
      if (m > 1) {
        notes.add("Multiplicity: none (--adjust none): each p value is that of its own comparison, not adjusted "
            + "over the " + m + " comparisons.");
      }
      return comparisons;
    }
    List<List<Effect>> effects = new ArrayList<>();
    comparisons.forEach(c -> effects.add(new ArrayList<>(c.effects())));
    if (adjust == Multiplicity.DUNNETT) {
      if (!ComparisonPlan.manyToOne(pairs)) {
        throw new InvalidOptionException("--adjust dunnett: Dunnett's adjustment is for many-to-one comparisons "
            + "(each arm against one control), but the comparisons are " + names(comparisons)
            + "; use --adjust holm, hochberg, hommel or bonferroni, or --compare control");
      }
      List<String> treatments = comparisons.stream().map(Comparison::treatment).toList();
      String control = comparisons.get(0).control();
      set(effects, Statistic.ANCOVA, Effect.CHANGE, FamilyAdjustment.dunnett(family(comparisons, Statistic.ANCOVA),
          ancova.covariance(treatments, control), ancova.df()));
      String mmrmNote = "";
      if (mmrm != null) {
        set(effects, Statistic.MMRM, Effect.CHANGE, FamilyAdjustment.dunnettOwnDf(
            family(comparisons, Statistic.MMRM), mmrm.contrastCovariance(endpoint, treatments)));
        mmrmNote = " and over the " + m + " MMRM contrasts at " + endpoint + " (as R emmeans with adjust = \"mvt\": "
            + "the correlation from the model's covariance of the contrasts, the multivariate t of each contrast "
            + "on its own Satterthwaite df)";
      }
      notes.add("Multiplicity: " + adjust.label() + " over the " + m + " ANCOVA contrasts (as R multcomp::glht "
          + "with mcp(arm = \"Dunnett\"))" + mmrmNote + "; the t tests and Fisher's exact tests are not adjusted "
          + "(no p_adjusted): Dunnett's single-step needs the joint distribution of one model's contrasts.");
    } else {
      for (Statistic s : DIFFERENCES) {
        List<Difference> family = family(comparisons, s);
        if (family.stream().allMatch(d -> d != null)) {
          set(effects, s, Effect.CHANGE, FamilyAdjustment.ofDifferences(adjust, family));
        }
      }
      for (String outcome : outcomes(comparisons)) {
        double[] p = new double[m];
        for (int i = 0; i < m; i++) {
          EffectValue v = comparisons.get(i).value(Statistic.FISHER_P, outcome);
          p[i] = v == null ? Double.NaN : v.p();
        }
        set(effects, Statistic.FISHER_P, outcome, FamilyAdjustment.ofPValues(adjust, p));
      }
      notes.add("Multiplicity: " + adjust.label() + " over the " + m + (m == 1 ? " comparison" : " comparisons")
          + " of each statistic (Welch, Student, ANCOVA, MMRM, Fisher), as R p.adjust"
          + (adjust == Multiplicity.BONFERRONI ? "; simultaneous CIs: each at level 1 - (1 - conf_level) / " + m
              + ", all " + m + " together at conf_level" : "")
          + ".");
    }
    List<Comparison> out = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      Comparison c = comparisons.get(i);
      out.add(new Comparison(c.treatment(), c.control(), effects.get(i)));
    }
    return out;
  }

  /** The difference of one statistic in each comparison (null where it has none). */
  private static List<Difference> family(List<Comparison> comparisons, Statistic statistic) {
    List<Difference> family = new ArrayList<>();
    for (Comparison c : comparisons) {
      family.add(c.difference(statistic));
    }
    return family;
  }

  /** Sets the adjusted value of one statistic of one outcome in each comparison's effects. */
  private static void set(List<List<Effect>> effects, Statistic statistic, String outcome, List<Adjusted> adjusted) {
    for (int i = 0; i < effects.size(); i++) {
      List<Effect> list = effects.get(i);
      for (int j = 0; j < list.size(); j++) {
        Effect e = list.get(j);
        if (e.statistic() == statistic && e.outcome().equals(outcome)) {
          list.set(j, e.withAdjusted(adjusted.get(i)));
        }
      }
    }
  }

  private static Set<String> outcomes(List<Comparison> comparisons) {
    Set<String> out = new LinkedHashSet<>();
    comparisons.forEach(c -> out.addAll(c.binaryOutcomes()));
    return out;
  }

  private static String names(List<Comparison> comparisons) {
    return String.join(", ", comparisons.stream().map(c -> c.treatment() + " vs " + c.control()).toList());
  }
}
