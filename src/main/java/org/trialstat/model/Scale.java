package org.trialstat.model;

/**
 * The rating scale of the score column: its valid range and default remission cut-off.
 */
public enum Scale {
  /** CAPS-5 total severity, 0-80; remission cut-off 11 (MAPP1, MAPP2). */
  CAPS5("caps5", "CAPS-5", 0, 80, 11),
  /** CAPS for DSM-IV total, 0-136; remission cut-off 19. */
  CAPS4("caps4", "CAPS-IV", 0, 136, 19),
  /** PTSD Checklist for DSM-5, 0-80; no conventional remission cut-off (set --remission-max). */
  PCL5("pcl5", "PCL-5", 0, 80, Double.NaN),
  /** No range check and no remission default. */
  NONE("none", "unspecified scale", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN);

  private final String key;
  private final String label;
  private final double min;
  private final double max;
  private final double remissionMax;

  Scale(String key, String label, double min, double max, double remissionMax) {
    this.key = key;
    this.label = label;
    this.min = min;
    this.max = max;
    this.remissionMax = remissionMax;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  /** Lowest valid score. */
  public double min() {
    return min;
  }

  /** Highest valid score. */
  public double max() {
    return max;
  }

  /** Default remission cut-off (score at or below it), NaN when the scale has none. */
  public double remissionMax() {
    return remissionMax;
  }
}
