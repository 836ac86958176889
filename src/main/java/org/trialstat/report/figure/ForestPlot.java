package org.trialstat.report.figure;

import java.util.List;

/**
 * A forest plot: rows of estimates with confidence intervals against one axis, the numbers printed
 * beside it, a no-effect line, optional subgroup headers (with an interaction p) and an optional pooled
 * diamond with its prediction interval.
 *
 * @param text           title, axis label (the effect measure with its units and direction) and caption
 * @param scale          linear for differences, log for ratios
 * @param labelHeader    heading of the label column, for example "Comparison"
 * @param estimateHeader heading of the numbers column, for example "Difference (95% CI)"
 * @param decimals       decimals of the printed numbers
 * @param groups         the rows, in subgroups (a group with a null header is drawn without one)
 * @param pooled         the pooled estimate, drawn as a diamond, or null
 * @param prediction     the prediction interval of the pooled estimate (its estimate is ignored), or null
 * @param favoursLeft    what an effect left of the no-effect line favours, for example "Favours MDMA", or null
 * @param favoursRight   what an effect right of it favours, or null
 */
public record ForestPlot(FigureText text, Scale scale, String labelHeader, String estimateHeader, int decimals,
    List<Group> groups, Row pooled, Row prediction, String favoursLeft, String favoursRight) implements Plot {

  public ForestPlot {
    groups = List.copyOf(groups);
  }

  /** The effect scale, which sets the axis and the no-effect value. */
  public enum Scale {
    /** Differences (mean difference, d, g, risk difference): linear axis, no effect at 0. */
    DIFFERENCE(0),
    /** Ratios (risk ratio, odds ratio): log axis, no effect at 1. */
    RATIO(1);

    private final double noEffect;

    Scale(double noEffect) {
      this.noEffect = noEffect;
    }

    /** The value of no effect. */
    public double noEffect() {
      return noEffect;
    }
  }

  /**
   * A subgroup of rows.
   *
   * @param header        the subgroup's heading, or null
   * @param interactionP  p of the test of subgroup-by-treatment interaction, or NaN
   * @param rows          the rows
   */
  public record Group(String header, double interactionP, List<Row> rows) {
    public Group {
      rows = List.copyOf(rows);
    }
  }

  /**
   * One estimate.
   *
   * @param label    the row's label
   * @param estimate the estimate (NaN: not estimable, printed "n/e")
   * @param ciLow    lower confidence limit, or NaN
   * @param ciHigh   upper confidence limit, or NaN
   * @param weight   relative weight (marker area is proportional to it, printed as a percent of the total),
   *                 or NaN for none
   */
  public record Row(String label, double estimate, double ciLow, double ciHigh, double weight) {

    /** A row without a weight. */
    public static Row of(String label, double estimate, double ciLow, double ciHigh) {
      return new Row(label, estimate, ciLow, ciHigh, Double.NaN);
    }
  }

  @Override
  public ForestPlot withText(FigureText text) {
    return new ForestPlot(text, scale, labelHeader, estimateHeader, decimals, groups, pooled, prediction, favoursLeft,
        favoursRight);
  }

  @Override
  public String svg() {
    return ForestFigure.render(this);
  }
}
