package org.trialstat.report.figure;

import java.util.List;

/**
 * Mean change by visit and arm with confidence intervals, x at the numeric week.
 *
 * @param text   title, axis labels (x in weeks, y with the score's units) and caption naming the method
 * @param series one series per arm, in legend order
 */
public record TrajectoryPlot(FigureText text, List<Series> series) implements Plot {

  public TrajectoryPlot {
    series = List.copyOf(series);
  }

  /**
   * One arm's estimates.
   *
   * @param arm    the arm, as in the legend
   * @param points the visits, in time order
   */
  public record Series(String arm, List<Point> points) {
    public Series {
      points = List.copyOf(points);
    }
  }

  /**
   * One estimate at one visit. A NaN estimate is not drawn; a NaN limit draws the marker without its bar.
   *
   * @param visit    the visit label
   * @param week     the visit's numeric week (the x coordinate)
   * @param estimate the mean (or LS mean) change
   * @param ciLow    lower confidence limit
   * @param ciHigh   upper confidence limit
   */
  public record Point(String visit, double week, double estimate, double ciLow, double ciHigh) {
  }

  @Override
  public TrajectoryPlot withText(FigureText text) {
    return new TrajectoryPlot(text, series);
  }

  @Override
  public String svg() {
    return TrajectoryFigure.render(this);
  }
}
