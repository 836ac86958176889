package org.trialstat.report.figure;

/** Marker shapes per series, so that series differ in shape as well as colour. */
enum Marker {
  CIRCLE, SQUARE, TRIANGLE, DIAMOND;

  /** The marker of the i-th series. */
  static Marker of(int i) {
    return values()[Math.floorMod(i, values().length)];
  }

  /** Draws the marker centred at (x, y) with half-size r. */
  void draw(SvgWriter svg, String cls, double x, double y, double r, String colour) {
    String style = "fill=\"" + colour + "\" stroke=\"" + colour + "\"";
    switch (this) {
      case CIRCLE -> svg.circle(cls, x, y, r, style);
      case SQUARE -> svg.rect(cls, x - r, y - r, 2 * r, 2 * r, style);
      case TRIANGLE -> svg.polygon(cls, style, x, y - 1.2 * r, x + 1.1 * r, y + 0.9 * r, x - 1.1 * r, y + 0.9 * r);
      case DIAMOND -> svg.polygon(cls, style, x, y - 1.3 * r, x + 1.3 * r, y, x, y + 1.3 * r, x - 1.3 * r, y);
      default -> throw new AssertionError(this);
    }
  }
}
