package org.trialstat.report.figure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Draws a {@link WaterfallPlot}: one bar per participant from 0 to the change, sorted from the largest
 * increase (left) to the largest decrease (right); ties keep arm order, then participant identifier, so
 * that the order does not depend on the input order. Participants with a non-finite change are left out
 * (the caption says how many are drawn). The threshold is a dashed horizontal line.
 */
final class WaterfallFigure {

  private WaterfallFigure() {
  }

  /** The participants in drawing order. */
  static List<WaterfallPlot.ParticipantChange> sorted(WaterfallPlot p) {
    List<WaterfallPlot.ParticipantChange> drawn = new ArrayList<>();
    for (WaterfallPlot.ParticipantChange c : p.participants()) {
      if (Double.isFinite(c.change())) {
        drawn.add(c);
      }
    }
    drawn.sort(Comparator.comparingDouble(WaterfallPlot.ParticipantChange::change).reversed()
        .thenComparingInt(c -> p.arms().indexOf(c.arm()))
        .thenComparing(WaterfallPlot.ParticipantChange::participant));
    return drawn;
  }

  static String render(WaterfallPlot p) {
    FigureText t = p.text();
    List<WaterfallPlot.ParticipantChange> drawn = sorted(p);
    List<LegendEntry> legend = new ArrayList<>();
    for (int i = 0; i < p.arms().size(); i++) {
      legend.add(LegendEntry.of(p.arms().get(i), Palette.series(i), LegendEntry.Symbol.BAR));
    }
    boolean threshold = Double.isFinite(p.threshold());
    if (threshold) {
      legend.add(LegendEntry.of(p.thresholdLabel(), Palette.INK, LegendEntry.Symbol.DASHED));
    }
    double lo = threshold ? Math.min(0, p.threshold()) : 0;
    double hi = threshold ? Math.max(0, p.threshold()) : 0;
    for (WaterfallPlot.ParticipantChange c : drawn) {
      lo = Math.min(lo, c.change());
      hi = Math.max(hi, c.change());
    }
    Chrome.Frame f = Chrome.frame(t, legend);
    double right = f.right();
    Axis x = Axis.linear(0, Math.max(1, drawn.size()), f.left() + 4, right);
    Axis y = Axis.linear(lo, hi, f.bottom(), f.top());
    SvgWriter svg = Chrome.open(t, legend, f, x, y);
    double zero = y.map(0);
    double barW = x.map(1) - x.map(0);
    double gap = barW > 4 ? 1 : 0;
    svg.group("bars");
    for (int i = 0; i < drawn.size(); i++) {
      WaterfallPlot.ParticipantChange c = drawn.get(i);
      double v = y.map(c.change());
      String colour = Palette.series(Math.max(0, p.arms().indexOf(c.arm())));
      svg.rect("bar", x.map(i) + gap / 2, Math.min(v, zero), barW - gap, Math.abs(v - zero),
          "fill=\"" + colour + "\" data-participant=\"" + SvgWriter.escape(c.participant()) + "\" data-arm=\""
              + SvgWriter.escape(c.arm()) + "\"");
    }
    svg.endGroup();
    svg.line("zero-line", f.left(), zero, right, zero, "stroke=\"#000000\"");
    if (threshold) {
      double ty = y.map(p.threshold());
      svg.line("threshold", f.left(), ty, right, ty, "stroke=\"#000000\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"");
    }
    return svg.finish();
  }
}
