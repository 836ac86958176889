package org.trialstat.report.figure;

/**
 * One entry of a figure's legend.
 *
 * @param label  the text
 * @param colour the colour, a {@link Palette} hex code
 * @param symbol how the entry is drawn
 * @param marker the marker shape for {@link Symbol#MARKER}, else ignored
 */
record LegendEntry(String label, String colour, Symbol symbol, Marker marker) {

  /** Legend symbols. */
  enum Symbol {
    /** A marker on a short line: a series of points joined by lines. */
    MARKER,
    /** A filled square: bars. */
    BAR,
    /** A horizontal line: an interval. */
    LINE,
    /** A dashed line: a reference or threshold. */
    DASHED,
    /** A diamond: a pooled estimate. */
    DIAMOND
  }

  static LegendEntry marker(String label, String colour, Marker marker) {
    return new LegendEntry(label, colour, Symbol.MARKER, marker);
  }

  static LegendEntry of(String label, String colour, Symbol symbol) {
    return new LegendEntry(label, colour, symbol, Marker.SQUARE);
  }
}
