package org.trialstat.model;

import java.util.List;

/**
 * The comparisons of {@code analyze --subgroup COL} within each level of a participant-level column, and
 * the test of treatment-by-subgroup interaction per comparison and endpoint.
 *
 * @param variable     the column
 * @param levels       one entry per level, in sorted order
 * @param missing      per arm, participants whose value of the column is empty (left out of the subgroups
 *                     only; arms without any are omitted)
 * @param interactions per comparison: the F test of arm x subgroup for the change, Q between subgroups
 *                     for each binary effect
 */
public record SubgroupResult(String variable, List<Level> levels, List<Count> missing,
    List<Interaction> interactions) {

  public SubgroupResult {
    levels = List.copyOf(levels);
    missing = List.copyOf(missing);
    interactions = List.copyOf(interactions);
  }

  /**
   * One level of the column.
   *
   * @param level       the value
   * @param arms        per arm (every arm, in file order), the participants with this value
   * @param comparisons the comparisons estimated on those participants alone, as in {@code comparisons[]}
   */
  public record Level(String level, List<Count> arms, List<Comparison> comparisons) {
    public Level {
      arms = List.copyOf(arms);
      comparisons = List.copyOf(comparisons);
    }

    /** The participants of an arm with a change from baseline in this level (0 for an arm not listed). */
    public int analysed(String arm) {
      for (Count c : arms) {
        if (c.arm().equals(arm)) {
          return c.analysed();
        }
      }
      return 0;
    }
  }

  /**
   * Participants of one arm.
   *
   * @param arm the arm
   * @param n   participants (randomized, in the file)
   * @param analysed participants with a change from baseline
   */
  public record Count(String arm, int n, int analysed) {
  }

  /**
   * A test of treatment-by-subgroup interaction for one comparison.
   *
   * @param treatment  the comparison's treatment arm
   * @param control    its control arm
   * @param outcome    {@link Effect#CHANGE} or a binary endpoint's key
   * @param statistic  the effect the test is about: {@code ancova} for the change, else the binary effect's key
   * @param test       {@code F} or {@code Q}
   * @param value      the F or Q statistic
   * @param df         numerator df of F, df of Q (levels with an estimate minus 1)
   * @param dfResidual denominator df of F, NaN for Q
   * @param p          p value
   * @param method     what was computed
   * @param reason     why it is not estimable, or null
   */
  public record Interaction(String treatment, String control, String outcome, String statistic, String test,
      double value, double df, double dfResidual, double p, String method, String reason) {
  }
}
