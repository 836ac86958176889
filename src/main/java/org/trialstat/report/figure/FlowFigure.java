package org.trialstat.report.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link FlowPlot}: one column per arm, a solid box per stage ("label (n = N)") joined by arrows,
 * and beside each arrow a dashed box listing the exclusions of that step; the notes go in a box across
 * the bottom. Box heights follow the wrapped text, so that long reasons stay inside their box.
 */
final class FlowFigure {
  static final double GAP = 16;
  static final double FONT = 11;
  static final double LINE = 14;
  static final double ARROW = 18;

  private FlowFigure() {
  }

  static String render(FlowPlot p) {
    FigureText t = p.text();
    int k = Math.max(1, p.arms().size());
    double colW = (Chrome.WIDTH - 2 * Chrome.MARGIN - (k - 1) * GAP) / k;
    double boxW = colW * 0.62;
    double exclX = colW * 0.36;
    double exclW = colW - exclX;
    List<LegendEntry> legend = List.of(LegendEntry.of("Participants at a stage", Palette.INK, LegendEntry.Symbol.LINE),
        LegendEntry.of("Participants lost at a step, by reason", Palette.GREY, LegendEntry.Symbol.DASHED));
    double titleH = Chrome.titleHeight(t.title(), Chrome.WIDTH);
    double top = Chrome.MARGIN + titleH + Chrome.legendHeight(legend, Chrome.WIDTH) + 12;

    // Heights first, so that each stage row lines up across the arms.
    int stages = 0;
    for (FlowPlot.Arm a : p.arms()) {
      stages = Math.max(stages, a.stages().size());
    }
    double[] boxH = new double[stages];
    double[] exclH = new double[stages];
    for (FlowPlot.Arm a : p.arms()) {
      for (int s = 0; s < a.stages().size(); s++) {
        FlowPlot.Stage st = a.stages().get(s);
        boxH[s] = Math.max(boxH[s], height(boxText(a, st, s), boxW));
        exclH[s] = Math.max(exclH[s], st.excluded().isEmpty() ? 0 : height(exclusionText(st), exclW));
      }
    }
    double[] rowY = new double[stages];
    double y = top;
    for (int s = 0; s < stages; s++) {
      if (s > 0) {
        y += Math.max(ARROW, exclH[s] + 2 * 8);
      }
      rowY[s] = y;
      y += boxH[s];
    }
    double notesY = y + 20;
    double notesH = p.notes().isEmpty() ? 0 : height(p.notes(), Chrome.WIDTH - 2 * Chrome.MARGIN) + 0;
    double captionY = notesY + notesH + 8;
    double height = captionY + Chrome.captionHeight(t.caption(), Chrome.WIDTH);

    SvgWriter svg = new SvgWriter(Chrome.WIDTH, height, t.title(), t.caption());
    Chrome.title(svg, t.title());
    Chrome.legend(svg, legend, Chrome.MARGIN + titleH + 4);
    for (int i = 0; i < p.arms().size(); i++) {
      FlowPlot.Arm a = p.arms().get(i);
      double x0 = Chrome.MARGIN + i * (colW + GAP);
      svg.group("arm", "data-arm=\"" + SvgWriter.escape(a.arm()) + "\"");
      for (int s = 0; s < a.stages().size(); s++) {
        FlowPlot.Stage st = a.stages().get(s);
        double cx = x0 + boxW / 2;
        if (s > 0) {
          double from = rowY[s - 1] + boxH[s - 1];
          arrow(svg, cx, from, rowY[s]);
          if (!st.excluded().isEmpty()) {
            double ey = (from + rowY[s]) / 2 - exclH[s] / 2;
            svg.line("exclusion-arrow", cx, ey + exclH[s] / 2, x0 + exclX, ey + exclH[s] / 2, "stroke=\"#000000\"");
            box(svg, "exclusion", x0 + exclX, ey, exclW, exclH[s], exclusionText(st), true,
                "data-count=\"" + total(st) + "\"");
          }
        }
        box(svg, "stage", x0, rowY[s], boxW, boxH[s], boxText(a, st, s), false, "data-n=\"" + st.n() + "\"");
      }
      svg.endGroup();
    }
    if (!p.notes().isEmpty()) {
      box(svg, "notes", Chrome.MARGIN, notesY, Chrome.WIDTH - 2 * Chrome.MARGIN, notesH, p.notes(), false, "");
    }
    Chrome.caption(svg, t.caption(), captionY);
    return svg.finish();
  }

  private static int total(FlowPlot.Stage st) {
    return st.excluded().stream().mapToInt(FlowPlot.Exclusion::count).sum();
  }

  private static List<String> boxText(FlowPlot.Arm a, FlowPlot.Stage st, int s) {
    String head = s == 0 ? a.arm() + ": " + st.label() : st.label();
    return List.of(head + " (n = " + st.n() + ")");
  }

  private static List<String> exclusionText(FlowPlot.Stage st) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "Lost (n = %d):", total(st)));
    for (FlowPlot.Exclusion e : st.excluded()) {
      lines.add(e.reason() + " (n = " + e.count() + ")");
    }
    return lines;
  }

  private static double height(List<String> paragraphs, double width) {
    int n = 0;
    for (String para : paragraphs) {
      n += Chrome.wrap(para, width - 12, FONT).size();
    }
    return n * LINE + 10;
  }

  private static void box(SvgWriter svg, String cls, double x, double y, double w, double h, List<String> text,
      boolean dashed, String data) {
    svg.group(cls, data.isEmpty() ? new String[0] : new String[] {data});
    svg.rect("box", x, y, w, h, "fill=\"#ffffff\" stroke=\"" + (dashed ? Palette.GREY : Palette.INK) + "\""
        + (dashed ? " stroke-dasharray=\"4 3\"" : ""));
    double ly = y + 5;
    for (String para : text) {
      for (String l : Chrome.wrap(para, w - 12, FONT)) {
        ly += LINE;
        svg.text("box-text", x + 6, ly - 3, "start", "font-size=\"11\"", l);
      }
    }
    svg.endGroup();
  }

  private static void arrow(SvgWriter svg, double x, double from, double to) {
    svg.line("arrow", x, from, x, to - 1, "stroke=\"#000000\"");
    svg.polygon("arrow-head", "fill=\"#000000\"", x, to, x - 4, to - 7, x + 4, to - 7);
  }
}
