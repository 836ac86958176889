package org.trialstat.report.figure;

/**
 * The Okabe-Ito colour-blind-safe palette (M. Okabe and K. Ito, "Color Universal Design (CUD): how to
 * make figures and presentations that are friendly to colorblind people", J*Fly, 2002/2008; the palette
 * of R's {@code palette.colors()} since R 4.0 and recommended by Wong, Nature Methods 8:441, 2011).
 * Black is kept for axes and text; the arms take the other colours in the order below, the first arm
 * (usually the treatment) vermillion, the next (usually the control) blue, so that the two colours
 * differ in lightness as well as hue. Marker shapes also differ per arm ({@link Marker}), so that the
 * figures read in greyscale.
 */
enum Palette {
  VERMILLION("#D55E00"),
  BLUE("#0072B2"),
  ORANGE("#E69F00"),
  SKY_BLUE("#56B4E9"),
  BLUISH_GREEN("#009E73"),
  REDDISH_PURPLE("#CC79A7"),
  YELLOW("#F0E442");

  /** Axes, text and single-series marks. */
  static final String INK = "#000000";
  /** Grid lines and secondary marks. */
  static final String GREY = "#999999";

  private final String hex;

  Palette(String hex) {
    this.hex = hex;
  }

  String hex() {
    return hex;
  }

  /** The colour of the i-th series, cycling through the palette. */
  static String series(int i) {
    Palette[] all = values();
    return all[Math.floorMod(i, all.length)].hex;
  }
}
