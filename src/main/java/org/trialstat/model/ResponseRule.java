package org.trialstat.model;

/**
 * How a responder is defined from a participant's baseline and endpoint scores.
 *
 * @param kind      absolute point drop or percent of baseline
 * @param threshold the drop in points, or the percent
 */
public record ResponseRule(Kind kind, double threshold) {

  /** The two kinds of response rule. */
  public enum Kind implements Keyed {
    /** baseline - endpoint &gt;= threshold points. */
    DROP,
    /** 100 * (baseline - endpoint) &gt;= threshold * baseline. */
    PERCENT
  }

  /** A human description, for footnotes: "drop of >= 10 points from baseline". */
  public String describe() {
    String t = threshold == Math.rint(threshold) ? Long.toString((long) threshold) : Double.toString(threshold);
    return kind == Kind.DROP
        ? "drop of >= " + t + " points from baseline"
        : "drop of >= " + t + "% of the baseline score";
  }
}
