package org.trialstat.stats.meta;

import java.util.Locale;
import org.trialstat.model.MetaSettings;
import org.trialstat.model.StudyEffect;
import org.trialstat.stats.StandardizedMeanDifference;
import org.trialstat.stats.ZeroCell;

/**
 * Each study's effect {@code yi} and sampling variance {@code vi}, treatment (arm 1) minus or over
 * control (arm 2), exactly as metafor 3.8's {@code escalc} computes them with its defaults
 * ({@code vtype = "LS"}, {@code add = 1/2}, {@code to = "only0"}, {@code drop00 = FALSE}).
 *
 * <p>Zero cells (binary measures): a study with a zero in any of its four cells gets 1/2 added to all
 * four cells (so each arm's n grows by 1) before the effect and variance are computed, for RR, OR and
 * RD alike, as {@code escalc}; a study with no events (or only events) in both arms is kept, corrected
 * the same way. RevMan instead excludes double-zero studies from RR and OR and does not correct the
 * RD; see docs/methods.md.
 *
 * <p>Not estimable (a value with a reason, never an exception): an arm with no participants (a study
 * with one arm), a negative or missing SD, fewer than 2 degrees of freedom for the pooled SD, a pooled
 * SD of 0 and a sampling variance of 0.
 */
public enum EffectMeasure {

  /**
   * Hedges' g (metafor "SMD"): {@code g = J(m) (m1 - m2) / sp}, {@code sp^2 = ((n1-1) s1^2 + (n2-1) s2^2)
   * / m}, {@code m = n1 + n2 - 2}, J the exact correction {@code Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2))}
   * (Hedges 1981); {@code vi = 1/n1 + 1/n2 + g^2 / (2 (n1 + n2))}, metafor 3.8's large-sample variance
   * ({@code vtype = "LS"}; metafor 4 changed "LS" to use the unbiased variance of g by default).
   */
  SMD("Hedges' g (exact J), vi = 1/n1 + 1/n2 + g^2/(2(n1+n2))"),

  /**
   * Cohen's d: {@code d = (m1 - m2) / sp} without J, {@code vi = 1/n1 + 1/n2 + d^2 / (2 (n1 + n2))}
   * (Hedges and Olkin 1985, eq. 5.14; metafor 3.8 has no uncorrected SMD: the reference is this formula
   * evaluated in R).
   */
  D("Cohen's d, vi = 1/n1 + 1/n2 + d^2/(2(n1+n2))"),

  /** Mean difference: {@code m1 - m2}, {@code vi = s1^2/n1 + s2^2/n2} (metafor "MD", vtype "LS"). */
  MD("mean difference, vi = s1^2/n1 + s2^2/n2"),

  /** Log risk ratio: {@code log((a/n1) / (c/n2))}, {@code vi = 1/a - 1/n1 + 1/c - 1/n2}. */
  RR("log risk ratio, vi = 1/a - 1/n1 + 1/c - 1/n2"),

  /** Log odds ratio: {@code log(a d / (b c))}, {@code vi = 1/a + 1/b + 1/c + 1/d}. */
  OR("log odds ratio, vi = 1/a + 1/b + 1/c + 1/d"),

  /** Risk difference: {@code a/n1 - c/n2}, {@code vi = p1 (1 - p1)/n1 + p2 (1 - p2)/n2}. */
  RD("risk difference, vi = p1(1-p1)/n1 + p2(1-p2)/n2");

  private final String methodName;

  EffectMeasure(String methodName) {
    this.methodName = methodName;
  }

  /** The routine behind an option. */
  public static EffectMeasure of(MetaSettings.Measure measure) {
    return valueOf(measure.name());
  }

  /** The method name carried in each study's effect. */
  public String methodName() {
    return methodName;
  }

  /** True for RR, OR and RD, computed from event counts. */
  public boolean binary() {
    return this == RR || this == OR || this == RD;
  }

  /**
   * The effect from each arm's n, mean and SD (SMD, D and MD).
   *
   * @throws IllegalArgumentException for a binary measure
   */
  public StudyEffect fromMeans(String study, int n1, double m1, double sd1, int n2, double m2, double sd2) {
    if (binary()) {
      throw new IllegalArgumentException(this + " needs event counts");
    }
    String bad = armProblem(n1, n2);
    if (bad == null && (Double.isNaN(m1) || Double.isNaN(m2) || Double.isNaN(sd1) || Double.isNaN(sd2))) {
      bad = "mean or SD not reported";
    }
    if (bad == null && (sd1 < 0 || sd2 < 0)) {
      bad = String.format(Locale.ROOT, "negative SD (%s, %s)", Double.toString(sd1), Double.toString(sd2));
    }
    if (bad != null) {
      return StudyEffect.notEstimable(study, methodName, bad);
    }
    if (this == MD) {
      return checked(study, m1 - m2, sd1 * sd1 / n1 + sd2 * sd2 / n2);
    }
    double df = n1 + n2 - 2.0;
    if (df <= 1) {
      return StudyEffect.notEstimable(study, methodName, "fewer than 2 degrees of freedom for the pooled SD");
    }
    double sp = Math.sqrt(((n1 - 1) * sd1 * sd1 + (n2 - 1) * sd2 * sd2) / df);
    if (!(sp > 0)) {
      return StudyEffect.notEstimable(study, methodName, "pooled SD is 0");
    }
    double d = (m1 - m2) / sp;
    double yi = this == SMD ? StandardizedMeanDifference.hedgesJ(df) * d : d;
    return checked(study, yi, 1.0 / n1 + 1.0 / n2 + yi * yi / (2.0 * (n1 + n2)));
  }

  /**
   * The effect from each arm's events and n (RR, OR and RD), with metafor's zero-cell correction.
   *
   * @throws IllegalArgumentException for a continuous measure, or events outside [0, n]
   */
  public StudyEffect fromCounts(String study, int events1, int n1, int events2, int n2) {
    if (!binary()) {
      throw new IllegalArgumentException(this + " needs means and SDs");
    }
    if (events1 < 0 || events1 > n1 || events2 < 0 || events2 > n2) {
      throw new IllegalArgumentException("events outside [0, n]: " + events1 + "/" + n1 + ", " + events2 + "/" + n2);
    }
    String bad = armProblem(n1, n2);
    if (bad != null) {
      return StudyEffect.notEstimable(study, methodName, bad);
    }
    double[] x = ZeroCell.cells(events1, n1, events2, n2);
    double a = x[0];
    double b = x[1];
    double c = x[2];
    double d = x[3];
    String note = ZeroCell.hasZero(events1, n1, events2, n2)
        ? "a zero cell: 1/2 added to each cell (metafor escalc default)" : null;
    double t1 = a + b;
    double t2 = c + d;
    double yi;
    double vi;
    switch (this) {
      case RR -> {
        yi = Math.log((a / t1) / (c / t2));
        vi = 1 / a - 1 / t1 + 1 / c - 1 / t2;
      }
      case OR -> {
        yi = Math.log(a * d / (b * c));
        vi = 1 / a + 1 / b + 1 / c + 1 / d;
      }
      default -> {
        double p1 = a / t1;
        double p2 = c / t2;
        yi = p1 - p2;
        vi = p1 * (1 - p1) / t1 + p2 * (1 - p2) / t2;
      }
    }
    StudyEffect e = checked(study, yi, vi);
    return note == null || !e.estimable() ? e : new StudyEffect(study, yi, vi, methodName, note);
  }

  private StudyEffect checked(String study, double yi, double vi) {
    if (!(vi > 0)) {
      return StudyEffect.notEstimable(study, methodName, "sampling variance is 0");
    }
    return StudyEffect.of(study, yi, vi, methodName);
  }

  private static String armProblem(int n1, int n2) {
    if (n1 < 1 && n2 < 1) {
      return "no participants in either arm";
    }
    if (n1 < 1 || n2 < 1) {
      return "a study with one arm: the " + (n1 < 1 ? "treatment" : "control") + " arm has no participants";
    }
    return null;
  }
}
