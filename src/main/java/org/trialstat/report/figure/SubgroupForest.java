package org.trialstat.report.figure;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.Comparison;
import org.trialstat.model.Effect;
import org.trialstat.model.EffectValue;
import org.trialstat.model.Statistic;
import org.trialstat.model.SubgroupResult;

/**
 * The subgroup rows of an {@code analyze --subgroup COL} forest plot: per comparison (and binary
 * endpoint) a group headed "treatment vs control by COL" with the interaction p, a row per level
 * ("level (n = t/c)"). The continuous statistics show the F test of arm x COL in the ANCOVA, the binary
 * ones Q between subgroups of that statistic; the numbers are those of the {@code subgroups} block.
 */
final class SubgroupForest {

  private SubgroupForest() {
  }

  static List<ForestPlot.Group> groups(SubgroupResult g, Statistic statistic, String prefix) {
    boolean binary = statistic.kind() == Statistic.Kind.BINARY;
    List<ForestPlot.Group> out = new ArrayList<>();
    if (g.levels().isEmpty()) {
      return out;
    }
    for (Comparison overall : g.levels().get(0).comparisons()) {
      List<String> outcomes = binary ? overall.binaryOutcomes() : List.of(Effect.CHANGE);
      for (String outcome : outcomes) {
        List<ForestPlot.Row> rows = new ArrayList<>();
        for (SubgroupResult.Level l : g.levels()) {
          Comparison c = l.comparisons().stream().filter(x -> x.treatment().equals(overall.treatment())
              && x.control().equals(overall.control())).findFirst().orElseThrow();
          for (Effect e : c.effects()) {
            if (e.statistic() == statistic && e.outcome().equals(outcome)) {
              EffectValue v = e.value();
              rows.add(ForestPlot.Row.of(l.level() + " (n = " + l.analysed(c.treatment()) + "/"
                  + l.analysed(c.control()) + ")", v.estimate(), v.ciLow(), v.ciHigh()));
            }
          }
        }
        String tested = binary ? statistic.key() : Statistic.ANCOVA.key();
        double p = g.interactions().stream().filter(i -> i.treatment().equals(overall.treatment())
            && i.control().equals(overall.control()) && i.outcome().equals(outcome) && i.statistic().equals(tested))
            .mapToDouble(SubgroupResult.Interaction::p).findFirst().orElse(Double.NaN);
        String header = prefix + (binary ? ResultFigures.outcomeLabel(outcome) + ": " : "") + overall.treatment()
            + " vs " + overall.control() + " by " + g.variable();
        if (!rows.isEmpty()) {
          out.add(new ForestPlot.Group(header, p, rows));
        }
      }
    }
    return out;
  }

  /** The caption's sentence on the subgroups' interaction test. */
  static String caption(Statistic statistic) {
    return statistic.kind() == Statistic.Kind.BINARY
        ? " Subgroups: n = treatment/control completers; interaction p: Cochran's Q between the subgroups' "
            + statistic.label().toLowerCase(java.util.Locale.ROOT) + "s (escalc variances, fixed effect)."
        : " Subgroups: n = treatment/control completers; interaction p: F test of arm x subgroup in the ANCOVA "
            + "(change ~ arm + baseline + subgroup + arm:subgroup vs without arm:subgroup).";
  }

}
