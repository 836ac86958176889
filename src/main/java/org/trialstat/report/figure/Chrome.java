package org.trialstat.report.figure;

import java.util.ArrayList;
import java.util.List;

/**
 * What every figure has around its data: title, legend, axes with labels, caption. The text is wrapped
 * at word boundaries using {@link SvgWriter#textWidth} (an estimate: no font metrics, so that the output
 * does not depend on the fonts installed).
 */
final class Chrome {
  /** Width of every figure, in pixels. */
  static final double WIDTH = 720;
  /** Left edge (room for the y-axis labels) and height of the plot area of a figure with two axes. */
  static final double PLOT_LEFT = 84;
  static final double PLOT_HEIGHT = 300;
  static final double MARGIN = 16;
  static final double TITLE_FONT = 15;
  static final double TITLE_LINE = 19;
  static final double LINE = 15;
  static final double LEGEND_ROW = 18;
  static final double CAPTION_FONT = 11;
  static final double TICK = 5;

  private Chrome() {
  }

  /** Splits text into lines no wider than width at the given font size (a longer word gets a line of its own). */
  static List<String> wrap(String text, double width, double font) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.trim().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && SvgWriter.textWidth(candidate, font) > width) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(candidate);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** Height taken by the title. */
  static double titleHeight(String title, double width) {
    return wrap(title, width - 2 * MARGIN, TITLE_FONT).size() * TITLE_LINE;
  }

  /** Draws the title from the top margin; returns the y below it. */
  static double title(SvgWriter svg, String title) {
    double y = MARGIN;
    for (String l : wrap(title, svg.width() - 2 * MARGIN, TITLE_FONT)) {
      y += TITLE_LINE;
      svg.text("title", MARGIN, y - 4, "start", "font-size=\"15\" font-weight=\"bold\"", l);
    }
    return y;
  }

  private static double entryWidth(LegendEntry e) {
    return 28 + SvgWriter.textWidth(e.label(), SvgWriter.FONT) + 14;
  }

  /** Height taken by a legend laid out in rows across the width. */
  static double legendHeight(List<LegendEntry> entries, double width) {
    return legendRows(entries, width).size() * LEGEND_ROW;
  }

  private static List<List<LegendEntry>> legendRows(List<LegendEntry> entries, double width) {
    List<List<LegendEntry>> rows = new ArrayList<>();
    List<LegendEntry> row = new ArrayList<>();
    double used = 0;
    for (LegendEntry e : entries) {
      double w = entryWidth(e);
      if (!row.isEmpty() && used + w > width - 2 * MARGIN) {
        rows.add(row);
        row = new ArrayList<>();
        used = 0;
      }
      row.add(e);
      used += w;
    }
    if (!row.isEmpty()) {
      rows.add(row);
    }
    return rows;
  }

  /** Draws the legend with its first row's centre line at y + LEGEND_ROW / 2; returns the y below it. */
  static double legend(SvgWriter svg, List<LegendEntry> entries, double y) {
    svg.group("legend");
    for (List<LegendEntry> row : legendRows(entries, svg.width())) {
      double x = MARGIN;
      double cy = y + LEGEND_ROW / 2;
      for (LegendEntry e : row) {
        svg.group("legend-entry");
        symbol(svg, e, x, cy);
        svg.text("legend-label", x + 28, cy + 4, "start", "", e.label());
        svg.endGroup();
        x += entryWidth(e);
      }
      y += LEGEND_ROW;
    }
    svg.endGroup();
    return y;
  }

  private static void symbol(SvgWriter svg, LegendEntry e, double x, double cy) {
    String stroke = "stroke=\"" + e.colour() + "\" stroke-width=\"2\"";
    switch (e.symbol()) {
      case MARKER -> {
        svg.line("legend-symbol", x, cy, x + 22, cy, stroke);
        e.marker().draw(svg, "legend-symbol", x + 11, cy, 4, e.colour());
      }
      case BAR -> svg.rect("legend-symbol", x + 4, cy - 6, 14, 12, "fill=\"" + e.colour() + "\"");
      case LINE -> svg.line("legend-symbol", x, cy, x + 22, cy, stroke);
      case DASHED -> svg.line("legend-symbol", x, cy, x + 22, cy, stroke + " stroke-dasharray=\"4 3\"");
      case DIAMOND -> svg.polygon("legend-symbol", "fill=\"" + e.colour() + "\"", x + 2, cy, x + 11, cy - 6,
          x + 20, cy, x + 11, cy + 6);
      default -> throw new AssertionError(e.symbol());
    }
  }

  /** Height taken by the caption. */
  static double captionHeight(String caption, double width) {
    if (caption.isBlank()) {
      return 0;
    }
    return wrap(caption, width - 2 * MARGIN, CAPTION_FONT).size() * LINE + MARGIN / 2;
  }

  /** Draws the caption with its first line's top at y. */
  static void caption(SvgWriter svg, String caption, double y) {
    svg.group("caption");
    for (String l : wrap(caption, svg.width() - 2 * MARGIN, CAPTION_FONT)) {
      y += LINE;
      svg.text("caption-line", MARGIN, y - 3, "start", "font-size=\"11\" fill=\"#333333\"", l);
    }
    svg.endGroup();
  }

  /**
   * Draws a horizontal axis at y: the axis line, a tick and label per tick value (group class "tick" with
   * {@code data-value}), and the axis label centred below.
   */
  static void xAxis(SvgWriter svg, Axis axis, double y, String label) {
    svg.group("x-axis");
    svg.line("axis-line", axis.start(), y, axis.end(), y, "stroke=\"#000000\"");
    for (double t : axis.ticks()) {
      double x = axis.map(t);
      svg.group("tick", "data-value=\"" + SvgWriter.escape(axis.label(t)) + "\"");
      svg.line("tick-mark", x, y, x, y + TICK, "stroke=\"#000000\"");
      svg.text("tick-label", x, y + TICK + 12, "middle", "", axis.label(t));
      svg.endGroup();
    }
    svg.text("axis-label", (axis.start() + axis.end()) / 2, y + TICK + 30, "middle", "", label);
    svg.endGroup();
  }

  /**
   * The layout of a figure with a horizontal and a vertical axis: plot area from top to bottom and
   * left to right, total height including title, legend, x-axis labels and caption.
   */
  record Frame(double width, double left, double right, double top, double bottom, double height) {
  }

  /** Lays out a figure with axes around a plot area of {@link #PLOT_HEIGHT}, {@link #WIDTH} wide. */
  static Frame frame(FigureText t, List<LegendEntry> legend) {
    double top = MARGIN + titleHeight(t.title(), WIDTH) + legendHeight(legend, WIDTH) + 14;
    double bottom = top + PLOT_HEIGHT;
    return new Frame(WIDTH, PLOT_LEFT, WIDTH - MARGIN - 12, top, bottom,
        bottom + 46 + captionHeight(t.caption(), WIDTH));
  }

  /** Opens the document of a framed figure and draws its title, legend, axes and caption. */
  static SvgWriter open(FigureText t, List<LegendEntry> legend, Frame f, Axis x, Axis y) {
    SvgWriter svg = new SvgWriter(f.width(), f.height(), t.title(), t.caption());
    title(svg, t.title());
    legend(svg, legend, MARGIN + titleHeight(t.title(), f.width()) + 4);
    yAxis(svg, y, f.left(), f.right(), t.yLabel());
    xAxis(svg, x, f.bottom(), t.xLabel());
    caption(svg, t.caption(), f.bottom() + 44);
    return svg;
  }

  /** Draws a vertical axis at x, with horizontal grid lines across to gridEnd and the label rotated. */
  static void yAxis(SvgWriter svg, Axis axis, double x, double gridEnd, String label) {
    svg.group("y-axis");
    svg.line("axis-line", x, axis.start(), x, axis.end(), "stroke=\"#000000\"");
    for (double t : axis.ticks()) {
      double y = axis.map(t);
      svg.group("tick", "data-value=\"" + SvgWriter.escape(axis.label(t)) + "\"");
      svg.line("grid", x, y, gridEnd, y, "stroke=\"#e5e5e5\"");
      svg.line("tick-mark", x - TICK, y, x, y, "stroke=\"#000000\"");
      svg.text("tick-label", x - TICK - 3, y + 4, "end", "", axis.label(t));
      svg.endGroup();
    }
    double mid = (axis.start() + axis.end()) / 2;
    svg.verticalText("axis-label", MARGIN + 6, mid, label);
    svg.endGroup();
  }
}
