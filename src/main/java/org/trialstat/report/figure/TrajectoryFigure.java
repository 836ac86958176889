package org.trialstat.report.figure;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link TrajectoryPlot}: per arm the estimates joined by a line, each with its confidence
 * interval as a vertical bar with caps, at x = the visit's week. Arms are dodged horizontally by a few
 * pixels (centred on the week) so that their bars do not overlap; the marker's y is the axis mapping of
 * the estimate exactly. A dashed line marks zero change when zero is on the axis.
 */
final class TrajectoryFigure {
  /** Horizontal offset between arms, in pixels. */
  static final double DODGE = 6;

  private TrajectoryFigure() {
  }

  static String render(TrajectoryPlot p) {
    FigureText t = p.text();
    List<LegendEntry> legend = new ArrayList<>();
    double wLo = Double.POSITIVE_INFINITY;
    double wHi = Double.NEGATIVE_INFINITY;
    double yLo = 0;
    double yHi = 0;
    for (int i = 0; i < p.series().size(); i++) {
      TrajectoryPlot.Series s = p.series().get(i);
      legend.add(LegendEntry.marker(s.arm(), Palette.series(i), Marker.of(i)));
      for (TrajectoryPlot.Point pt : s.points()) {
        if (!Double.isFinite(pt.estimate()) || !Double.isFinite(pt.week())) {
          continue;
        }
        wLo = Math.min(wLo, pt.week());
        wHi = Math.max(wHi, pt.week());
        yLo = min(yLo, pt.estimate(), pt.ciLow());
        yHi = max(yHi, pt.estimate(), pt.ciHigh());
      }
    }
    if (wLo > wHi) { // nothing estimable: an empty axis
      wLo = 0;
      wHi = 1;
    }
    Chrome.Frame f = Chrome.frame(t, legend);
    double right = f.right();
    Axis x = Axis.linear(wLo, wHi, f.left() + 16, right - 16);
    Axis y = Axis.linear(yLo, yHi, f.bottom(), f.top());
    SvgWriter svg = Chrome.open(t, legend, f, x, y);
    if (y.contains(0)) {
      svg.line("zero-line", f.left(), y.map(0), right, y.map(0), "stroke=\"#999999\" stroke-dasharray=\"4 3\"");
    }
    int k = p.series().size();
    for (int i = 0; i < k; i++) {
      series(svg, p.series().get(i), i, (i - (k - 1) / 2.0) * DODGE, x, y);
    }
    return svg.finish();
  }

  private static void series(SvgWriter svg, TrajectoryPlot.Series s, int i, double dodge, Axis x, Axis y) {
    String colour = Palette.series(i);
    svg.group("series", "data-arm=\"" + SvgWriter.escape(s.arm()) + "\"");
    List<Double> line = new ArrayList<>();
    for (TrajectoryPlot.Point pt : s.points()) {
      if (Double.isFinite(pt.estimate()) && Double.isFinite(pt.week())) {
        line.add(x.map(pt.week()) + dodge);
        line.add(y.map(pt.estimate()));
      }
    }
    if (line.size() >= 4) {
      svg.polyline("series-line", "fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"",
          line.stream().mapToDouble(Double::doubleValue).toArray());
    }
    for (TrajectoryPlot.Point pt : s.points()) {
      if (!Double.isFinite(pt.estimate()) || !Double.isFinite(pt.week())) {
        continue;
      }
      double px = x.map(pt.week()) + dodge;
      svg.group("point", "data-visit=\"" + SvgWriter.escape(pt.visit()) + "\"");
      if (Double.isFinite(pt.ciLow()) && Double.isFinite(pt.ciHigh())) {
        String stroke = "stroke=\"" + colour + "\" stroke-width=\"1.5\"";
        double lo = y.map(pt.ciLow());
        double hi = y.map(pt.ciHigh());
        svg.line("ci", px, lo, px, hi, stroke);
        svg.line("ci-cap", px - 3, lo, px + 3, lo, stroke);
        svg.line("ci-cap", px - 3, hi, px + 3, hi, stroke);
      }
      Marker.of(i).draw(svg, "estimate", px, y.map(pt.estimate()), 4, colour);
      svg.endGroup();
    }
    svg.endGroup();
  }

  private static double min(double acc, double a, double b) {
    double m = Math.min(acc, a);
    return Double.isFinite(b) ? Math.min(m, b) : m;
  }

  private static double max(double acc, double a, double b) {
    double m = Math.max(acc, a);
    return Double.isFinite(b) ? Math.max(m, b) : m;
  }
}
