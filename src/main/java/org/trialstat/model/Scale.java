package org.trialstat.model;

/**
 * The rating scale of the score column: its valid range and default remission cut-off. {@link #key()},
 * the constant's name in lower case, is the option value ({@code caps5}, ...).
 */
public enum Scale implements Keyed {
  /** CAPS-5 total severity, 0-80; remission cut-off 11 (MAPP1, MAPP2). */
  CAPS5("CAPS-5", 0, 80, 11),
  /** CAPS for DSM-IV total, 0-136; remission cut-off 19. */
  CAPS4("CAPS-IV", 0, 136, 19),
  /** PTSD Checklist for DSM-5, 0-80; no conventional remission cut-off (set --remission-max). */
  PCL5("PCL-5", 0, 80, Double.NaN),
  /** No range check and no remission default. */
  NONE("unspecified scale", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN);

  /**
   * What defines a scale.
   *
   * @param label        its name in words
   * @param min          lowest valid score
   * @param max          highest valid score
   * @param remissionMax default remission cut-off (score at or below it), NaN when the scale has none
   */
  private record Definition(String label, double min, double max, double remissionMax) {
  }

  private final Definition definition;

  Scale(String label, double min, double max, double remissionMax) {
    this.definition = new Definition(label, min, max, remissionMax);
  }

  public String label() {
    return definition.label();
  }

  /** Lowest valid score. */
  public double min() {
    return definition.min();
  }

  /** Highest valid score. */
  public double max() {
    return definition.max();
  }

  /** Default remission cut-off (score at or below it), NaN when the scale has none. */
  public double remissionMax() {
    return definition.remissionMax();
  }
}
