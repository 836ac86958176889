package org.trialstat.report.figure;

import java.util.List;

/**
 * A CONSORT-style participant flow (Schulz, Altman, Moher, "CONSORT 2010 Statement", BMJ 2010;340:c332,
 * Figure 1): per arm a column of boxes from randomized to analysed, each step's exclusions with reason
 * and count in a box beside the arrow, and notes (the row accounting) in a box below.
 *
 * @param text  title and caption (axis labels are empty)
 * @param arms  one column per arm
 * @param notes lines of the box below the columns, for example "340 data rows read, 337 used"
 */
public record FlowPlot(FigureText text, List<Arm> arms, List<String> notes) implements Plot {

  public FlowPlot {
    arms = List.copyOf(arms);
    notes = List.copyOf(notes);
  }

  /**
   * One arm's column.
   *
   * @param arm    the arm
   * @param stages the stages, from randomized to analysed
   */
  public record Arm(String arm, List<Stage> stages) {
    public Arm {
      stages = List.copyOf(stages);
    }
  }

  /**
   * One box of the flow.
   *
   * @param label    what the box counts, for example "With a baseline score"
   * @param n        participants
   * @param excluded the participants lost between the previous stage and this one, by reason
   */
  public record Stage(String label, int n, List<Exclusion> excluded) {
    public Stage {
      excluded = List.copyOf(excluded);
    }
  }

  /**
   * Participants lost for one reason.
   *
   * @param reason the reason, in words
   * @param count  how many
   */
  public record Exclusion(String reason, int count) {
  }

  @Override
  public FlowPlot withText(FigureText text) {
    return new FlowPlot(text, arms, notes);
  }

  @Override
  public String svg() {
    return FlowFigure.render(this);
  }
}
