package org.trialstat.report.figure;

import java.util.Objects;

/**
 * The words of a figure.
 *
 * @param title   the title, drawn at the top and used as the SVG {@code title}
 * @param xLabel  the horizontal axis label, with units, for example "Week"
 * @param yLabel  the vertical axis label, with units, for example "Change from baseline in CAPS-5 total (points)";
 *                empty for figures without a vertical axis
 * @param caption the caption, naming the method, for example "LS means from an MMRM (unstructured covariance,
 *                REML); bars are 95% confidence intervals"
 */
public record FigureText(String title, String xLabel, String yLabel, String caption) {

  public FigureText {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    Objects.requireNonNull(caption, "caption");
  }
}
