package org.trialstat.model;

/**
 * Every treatment-versus-control statistic trialstat reports. {@link #key()} (the constant's name in
 * lower case) is the JSON key and the tidy-CSV {@code statistic} value (public API, docs/output.md); {@link #label()} names it in tables.
 * Writers iterate over a comparison's {@link Effect}s and take names, kinds and decimals from here, so a
 * new statistic is one constant here plus the routine that computes it.
 */
public enum Statistic implements Keyed {
  /** Welch two-sample t test of the change scores. */
  WELCH("Welch t", Kind.DIFFERENCE, 2),
  /** Student (pooled-variance) t test of the change scores. */
  STUDENT("Student t", Kind.DIFFERENCE, 2),
  /** Arm coefficient of the ANCOVA. */
  ANCOVA("ANCOVA", Kind.DIFFERENCE, 2),
  /** MMRM contrast at the endpoint visit. */
  MMRM("MMRM", Kind.DIFFERENCE, 2),
  /** Cohen's d. */
  COHENS_D("Cohen's d", Kind.STANDARDIZED, 3),
  /** Hedges' g. */
  HEDGES_G("Hedges' g", Kind.STANDARDIZED, 3),
  /** Risk difference of a binary endpoint. */
  RISK_DIFFERENCE("Risk difference", Kind.BINARY, 3),
  /** Risk ratio of a binary endpoint. */
  RISK_RATIO("Risk ratio", Kind.BINARY, 2),
  /** Odds ratio of a binary endpoint. */
  ODDS_RATIO("Odds ratio", Kind.BINARY, 2),
  /** Number needed to treat, 1 / risk difference. */
  NNT("NNT", Kind.NNT, 1),
  /** Fisher's exact test of a binary endpoint. */
  FISHER_P("Fisher p", Kind.TEST, 4),
  /**
   * The stratified analysis of a binary endpoint ({@link StratifiedBinaryResult}: CMH test, Mantel-Haenszel
   * RD / RR / OR, Breslow-Day); only with {@code analyze --strata}.
   */
  CMH("Cochran-Mantel-Haenszel (stratified)", Kind.STRATIFIED, 3),
  /** Standardized RD / RR / OR of a binary endpoint ({@link AdjustedBinaryResult}); with --covariate / --factor. */
  ADJUSTED("Standardized (covariate-adjusted)", Kind.ADJUSTED, 3);

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
    TEST,
    /** A stratified analysis with several tests and effects ({@link StratifiedBinaryResult}). */
    STRATIFIED,
    /** Covariate-adjusted marginal effects ({@link AdjustedBinaryResult}). */
    ADJUSTED
  }

  private final String label;
  private final Kind kind;
  private final int decimals;

  Statistic(String label, Kind kind, int decimals) {
    this.label = label;
    this.kind = kind;
    this.decimals = decimals;
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
