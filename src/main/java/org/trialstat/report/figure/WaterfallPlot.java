package org.trialstat.report.figure;

import java.util.List;

/**
 * Each participant's change as a bar, sorted from the largest increase to the largest decrease, coloured
 * by arm, with the responder threshold drawn.
 *
 * @param text           title, axis labels and caption
 * @param arms           the arms in legend (and colour) order
 * @param participants   one value per participant, in any order (the figure sorts)
 * @param threshold      the responder threshold on the y scale (for example -10 points or -30 percent), or
 *                       NaN for none
 * @param thresholdLabel the threshold's legend text, for example "Responder: drop of >= 10 points"
 */
public record WaterfallPlot(FigureText text, List<String> arms, List<ParticipantChange> participants,
    double threshold, String thresholdLabel) implements Plot {

  public WaterfallPlot {
    arms = List.copyOf(arms);
    participants = List.copyOf(participants);
  }

  /**
   * One participant's change from baseline.
   *
   * @param participant the participant identifier
   * @param arm         the arm (one of {@link #arms()})
   * @param change      the change, in points or percent of baseline
   */
  public record ParticipantChange(String participant, String arm, double change) {
  }

  @Override
  public WaterfallPlot withText(FigureText text) {
    return new WaterfallPlot(text, arms, participants, threshold, thresholdLabel);
  }

  @Override
  public String svg() {
    return WaterfallFigure.render(this);
  }
}
