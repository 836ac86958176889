package org.trialstat.model;

/**
 * One study's effect on the analysis scale (log scale for ratios) and its sampling variance, as
 * metafor's {@code escalc} names them {@code yi} and {@code vi}.
 *
 * @param study  the study's name
 * @param yi     the effect, or NaN
 * @param vi     its sampling variance, or NaN
 * @param method how the effect was obtained, for example "log risk ratio, 1/2 added to every cell"
 * @param reason why the effect is not estimable, or a note on a correction; null when neither
 */
public record StudyEffect(String study, double yi, double vi, String method, String reason) {

  /** An effect with no note. */
  public static StudyEffect of(String study, double yi, double vi, String method) {
    return new StudyEffect(study, yi, vi, method, null);
  }

  /** A study whose effect cannot be computed. */
  public static StudyEffect notEstimable(String study, String method, String reason) {
    return new StudyEffect(study, Double.NaN, Double.NaN, method, reason);
  }

  /** True when the effect and a positive finite variance are available. */
  public boolean estimable() {
    return Double.isFinite(yi) && Double.isFinite(vi) && vi > 0;
  }
}
