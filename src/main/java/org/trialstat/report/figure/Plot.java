package org.trialstat.report.figure;

import java.io.OutputStream;

/**
 * The data of one figure, ready to draw: every number is taken from a result object, never recomputed
 * here. {@link #svg()} renders it as a standalone SVG document (UTF-8, no XML declaration, byte-stable).
 */
public sealed interface Plot permits TrajectoryPlot, ForestPlot, WaterfallPlot, FlowPlot {

  /** Title, axis labels and caption. */
  FigureText text();

  /** The same plot with other words (for example without the caption, which a page prints below the figure). */
  Plot withText(FigureText text);

  /** The SVG document. */
  String svg();

  /** Writes {@link #svg()} as UTF-8 bytes. */
  default void writeSvg(OutputStream out) {
    SvgWriter.write(svg(), out);
  }
}
