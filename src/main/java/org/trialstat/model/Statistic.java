package org.trialstat.model;

/**
 * Every treatment-versus-control statistic trialstat reports. {@link #key()} is the JSON key and the
 * tidy-CSV {@code statistic} value (public API, docs/output.md); {@link #label()} names it in tables.
 * Writers iterate over a comparison's {@link Effect}s and take names, kinds and decimals from here, so a
 * new statistic is one constant here plus the routine that computes it.
 */
public enum Statistic {
  /** Welch two-sample t test of the change scores. */
  WELCH("welch", "Welch t", Kind.DIFFERENCE, 2),
  /** Student (pooled-variance) t test of the change scores. */
  STUDENT("student", "Student t", Kind.DIFFERENCE, 2),
  /** Arm coefficient of the ANCOVA. */
  ANCOVA("ancova", "ANCOVA", Kind.DIFFERENCE, 2),
  /** MMRM contrast at the endpoint visit. */
  MMRM("mmrm", "MMRM", Kind.DIFFERENCE, 2),
  /** Cohen's d. */
  COHENS_D("cohens_d", "Cohen's d", Kind.STANDARDIZED, 3),
  /** Hedges' g. */
  HEDGES_G("hedges_g", "Hedges' g", Kind.STANDARDIZED, 3),
  /** Risk difference of a binary endpoint. */
  RISK_DIFFERENCE("risk_difference", "Risk difference", Kind.BINARY, 3),
  /** Risk ratio of a binary endpoint. */
  RISK_RATIO("risk_ratio", "Risk ratio", Kind.BINARY, 2),
  /** Odds ratio of a binary endpoint. */
  ODDS_RATIO("odds_ratio", "Odds ratio", Kind.BINARY, 2),
  /** Number needed to treat, 1 / risk difference. */
  NNT("nnt", "NNT", Kind.NNT, 1),
  /** Fisher's exact test of a binary endpoint. */
  FISHER_P("fisher_p", "Fisher p", Kind.TEST, 4);

  /** How a statistic is shown. */
  public enum Kind {
    /** A difference in means with its test ({@link Difference}). */
    DIFFERENCE,
    /** A standardized mean difference ({@link Estimate}). */
    STANDARDIZED,
    /** An effect measure of a binary endpoint ({@link Estimate}). */
    BINARY,
    /** A number needed to treat ({@link Estimate}, printed as NNTB/NNTH). */
    NNT,
    /** A p value alone ({@link PValue}). */
    TEST
  }

  private final String key;
  private final String label;
  private final Kind kind;
  private final int decimals;

  Statistic(String key, String label, Kind kind, int decimals) {
    this.key = key;
    this.label = label;
    this.kind = kind;
    this.decimals = decimals;
  }

  /** The JSON key and tidy {@code statistic}, for example {@code cohens_d}. */
  public String key() {
    return key;
  }

  /** The table label, for example "Cohen's d". */
  public String label() {
    return label;
  }

  /** How it is shown. */
  public Kind kind() {
    return kind;
  }

  /** Decimals in tables. */
  public int decimals() {
    return decimals;
  }
}
