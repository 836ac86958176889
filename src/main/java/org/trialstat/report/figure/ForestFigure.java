package org.trialstat.report.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstat.report.Fmt;

/**
 * Draws a {@link ForestPlot} in the layout of journal forest plots (Lewis and Clarke, "Forest plots:
 * trying to see the wood and the trees", BMJ 2001;322:1479): labels on the left, the estimates as squares
 * (area proportional to the weight when weights are given) with their confidence intervals as lines in
 * the middle, the numbers "estimate (low to high)" and the weights in columns on the right, a dashed
 * vertical line at no effect (0 for differences, 1 for ratios on a log axis) and the pooled estimate as a
 * diamond spanning its interval. The axis encloses every limit and the no-effect value.
 */
final class ForestFigure {
  static final double ROW = 22;
  static final double INDENT = 12;

  private ForestFigure() {
  }

  static String render(ForestPlot p) {
    FigureText t = p.text();
    List<Line> lines = lines(p);
    boolean weights = lines.stream().anyMatch(l -> l.row != null && Double.isFinite(l.row.weight()));
    double totalWeight = 0;
    double maxWeight = 0;
    double lo = p.scale().noEffect();
    double hi = lo;
    int labelChars = p.labelHeader().length();
    int numberChars = p.estimateHeader().length();
    for (Line l : lines) {
      labelChars = Math.max(labelChars, l.label().length() + (l.indent ? 2 : 0));
      numberChars = Math.max(numberChars, l.numbers(p.decimals()).length());
      if (l.row == null) {
        continue;
      }
      ForestPlot.Row r = l.row;
      if (l.kind == Kind.ROW && Double.isFinite(r.weight())) {
        totalWeight += r.weight();
        maxWeight = Math.max(maxWeight, r.weight());
      }
      for (double v : new double[] {r.estimate(), r.ciLow(), r.ciHigh()}) {
        if (Double.isFinite(v) && (p.scale() == ForestPlot.Scale.DIFFERENCE || v > 0)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    double labelW = Math.min(240, Math.max(110, SvgWriter.textWidth("x".repeat(labelChars), SvgWriter.FONT) + 10));
    double numbersW = SvgWriter.textWidth("x".repeat(numberChars), SvgWriter.FONT) + 12;
    double weightW = weights ? 56 : 0;
    double plotLeft = Chrome.MARGIN + labelW + 8;
    double plotRight = Chrome.WIDTH - Chrome.MARGIN - numbersW - weightW - 8;
    Axis x = p.scale() == ForestPlot.Scale.RATIO ? Axis.log(lo, hi, plotLeft, plotRight)
        : Axis.linear(lo, hi, plotLeft, plotRight);

    List<LegendEntry> legend = legend(p, lines);
    double titleH = Chrome.titleHeight(t.title(), Chrome.WIDTH);
    double headerY = Chrome.MARGIN + titleH + Chrome.legendHeight(legend, Chrome.WIDTH) + 24;
    double firstRow = headerY + 8;
    double axisY = firstRow + lines.size() * ROW + 6;
    boolean favours = p.favoursLeft() != null || p.favoursRight() != null;
    double captionY = axisY + 44 + (favours ? 16 : 0);
    double height = captionY + Chrome.captionHeight(t.caption(), Chrome.WIDTH);

    SvgWriter svg = new SvgWriter(Chrome.WIDTH, height, t.title(), t.caption());
    Chrome.title(svg, t.title());
    Chrome.legend(svg, legend, Chrome.MARGIN + titleH + 4);
    String bold = "font-weight=\"bold\"";
    double numbersX = Chrome.WIDTH - Chrome.MARGIN - weightW;
    svg.group("column-headers");
    svg.text("header", Chrome.MARGIN, headerY, "start", bold, p.labelHeader());
    svg.text("header", numbersX, headerY, "end", bold, p.estimateHeader());
    if (weights) {
      svg.text("header", Chrome.WIDTH - Chrome.MARGIN, headerY, "end", bold, "Weight");
    }
    svg.endGroup();
    double noEffect = x.map(p.scale().noEffect());
    svg.line("no-effect", noEffect, firstRow, noEffect, axisY, "stroke=\"#000000\" stroke-dasharray=\"4 3\"");
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      double cy = firstRow + (i + 0.5) * ROW;
      draw(svg, l, cy, x, p.decimals(), maxWeight, totalWeight, numbersX, weights);
    }
    Chrome.xAxis(svg, x, axisY, t.xLabel());
    if (favours) {
      svg.group("favours");
      if (p.favoursLeft() != null) {
        svg.text("favours-left", noEffect - 6, axisY + 52, "end", "font-size=\"11\"", "\u2190 " + p.favoursLeft());
      }
      if (p.favoursRight() != null) {
        svg.text("favours-right", noEffect + 6, axisY + 52, "start", "font-size=\"11\"", p.favoursRight() + " \u2192");
      }
      svg.endGroup();
    }
    Chrome.caption(svg, t.caption(), captionY);
    return svg.finish();
  }

  private static void draw(SvgWriter svg, Line l, double cy, Axis x, int decimals, double maxWeight,
      double totalWeight, double numbersX, boolean weights) {
    String cls = switch (l.kind) {
      case HEADER -> "subgroup";
      case ROW -> "row";
      case POOLED -> "pooled";
      case PREDICTION -> "prediction";
    };
    svg.group(cls, "data-label=\"" + SvgWriter.escape(l.label()) + "\"");
    String style = l.kind == Kind.HEADER || l.kind == Kind.POOLED ? "font-weight=\"bold\"" : "";
    svg.text("label", Chrome.MARGIN + (l.indent ? INDENT : 0), cy + 4, "start", style, l.label());
    svg.text("numbers", numbersX, cy + 4, "end", style, l.numbers(decimals));
    ForestPlot.Row r = l.row;
    if (r != null) {
      boolean ci = Double.isFinite(r.ciLow()) && Double.isFinite(r.ciHigh());
      switch (l.kind) {
        case ROW -> {
          if (ci) {
            svg.line("ci", x.mapClamped(r.ciLow()), cy, x.mapClamped(r.ciHigh()), cy,
                "stroke=\"#000000\" stroke-width=\"1.5\"");
          }
          if (Double.isFinite(r.estimate())) {
            double half = Double.isFinite(r.weight()) && maxWeight > 0 ? 3 + 5 * Math.sqrt(r.weight() / maxWeight) : 5;
            double cx = x.map(r.estimate());
            svg.rect("estimate", cx - half, cy - half, 2 * half, 2 * half, "fill=\"" + Palette.BLUE.hex() + "\"");
          }
          if (weights && Double.isFinite(r.weight()) && totalWeight > 0) {
            svg.text("weight", svg.width() - Chrome.MARGIN, cy + 4, "end", "",
                String.format(Locale.ROOT, "%.1f%%", 100 * r.weight() / totalWeight));
          }
        }
        case POOLED -> {
          if (ci && Double.isFinite(r.estimate())) {
            svg.polygon("diamond", "fill=\"" + Palette.VERMILLION.hex() + "\"", x.mapClamped(r.ciLow()), cy,
                x.map(r.estimate()), cy - 7, x.mapClamped(r.ciHigh()), cy, x.map(r.estimate()), cy + 7);
          }
        }
        case PREDICTION -> {
          if (ci) {
            String stroke = "stroke=\"" + Palette.VERMILLION.hex() + "\" stroke-width=\"1.5\"";
            double a = x.mapClamped(r.ciLow());
            double b = x.mapClamped(r.ciHigh());
            svg.line("prediction-interval", a, cy, b, cy, stroke);
            svg.line("ci-cap", a, cy - 4, a, cy + 4, stroke);
            svg.line("ci-cap", b, cy - 4, b, cy + 4, stroke);
          }
        }
        default -> throw new AssertionError(l.kind);
      }
    }
    svg.endGroup();
  }

  private static List<LegendEntry> legend(ForestPlot p, List<Line> lines) {
    List<LegendEntry> legend = new ArrayList<>();
    legend.add(LegendEntry.of("Estimate", Palette.BLUE.hex(), LegendEntry.Symbol.BAR));
    legend.add(LegendEntry.of("Confidence interval", Palette.INK, LegendEntry.Symbol.LINE));
    if (p.pooled() != null) {
      legend.add(LegendEntry.of("Pooled estimate and CI", Palette.VERMILLION.hex(), LegendEntry.Symbol.DIAMOND));
    }
    if (p.prediction() != null) {
      legend.add(LegendEntry.of("Prediction interval", Palette.VERMILLION.hex(), LegendEntry.Symbol.LINE));
    }
    legend.add(LegendEntry.of(p.scale() == ForestPlot.Scale.RATIO ? "No effect (1)" : "No effect (0)", Palette.INK,
        LegendEntry.Symbol.DASHED));
    return legend;
  }

  private enum Kind {
    HEADER, ROW, POOLED, PREDICTION
  }

  /** One drawn line of the plot: a subgroup header, an estimate, the pooled estimate or the prediction interval. */
  private record Line(Kind kind, String header, double interactionP, ForestPlot.Row row, boolean indent) {

    String label() {
      return kind == Kind.HEADER ? header : kind == Kind.PREDICTION ? "Prediction interval" : row.label();
    }

    String numbers(int decimals) {
      if (kind == Kind.HEADER) {
        return Double.isFinite(interactionP) ? "interaction p = " + Fmt.p(interactionP) : "";
      }
      String ci = Double.isFinite(row.ciLow()) && Double.isFinite(row.ciHigh())
          ? Fmt.fixed(row.ciLow(), decimals) + " to " + Fmt.fixed(row.ciHigh(), decimals) : "n/e";
      if (kind == Kind.PREDICTION) {
        return ci;
      }
      return Double.isFinite(row.estimate()) ? Fmt.fixed(row.estimate(), decimals) + " (" + ci + ")" : "n/e";
    }
  }

  private static List<Line> lines(ForestPlot p) {
    List<Line> lines = new ArrayList<>();
    for (ForestPlot.Group g : p.groups()) {
      boolean header = g.header() != null;
      if (header) {
        lines.add(new Line(Kind.HEADER, g.header(), g.interactionP(), null, false));
      }
      for (ForestPlot.Row r : g.rows()) {
        lines.add(new Line(Kind.ROW, null, Double.NaN, r, header));
      }
    }
    if (p.pooled() != null) {
      lines.add(new Line(Kind.POOLED, null, Double.NaN, p.pooled(), false));
    }
    if (p.prediction() != null) {
      lines.add(new Line(Kind.PREDICTION, null, Double.NaN, p.prediction(), false));
    }
    return lines;
  }
}
