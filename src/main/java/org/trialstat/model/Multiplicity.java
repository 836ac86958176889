package org.trialstat.model;

/**
 * {@code analyze --adjust}: how the p values of one statistic are adjusted over its family of
 * comparisons (the entries of {@code comparisons[]}). The key (lower-case name) is the option value and
 * the {@code adjustment} value in the output; the formulas are in {@code docs/methods.md}.
 */
public enum Multiplicity implements Keyed {
  /** No adjustment (the default): p values are per comparison. */
  NONE,
  /** Bonferroni: min(1, m p), as R {@code p.adjust(method = "bonferroni")}; simultaneous CIs at 1 - alpha / m. */
  BONFERRONI,
  /** Holm (1979) step-down, as R {@code p.adjust(method = "holm")}. */
  HOLM,
  /** Hochberg (1988) step-up, as R {@code p.adjust(method = "hochberg")}. */
  HOCHBERG,
  /** Hommel (1988), as R {@code p.adjust(method = "hommel")}. */
  HOMMEL,
  /**
   * Dunnett (1955) single-step many-to-one, multivariate t as R {@code multcomp::glht(mcp(arm = "Dunnett"))};
   * for model contrasts (ANCOVA, MMRM) of a family of every arm against one control only.
   */
  DUNNETT;

  /** The name in method strings and notes, for example "Holm step-down". */
  public String label() {
    return switch (this) {
      case NONE -> "none";
      case BONFERRONI -> "Bonferroni";
      case HOLM -> "Holm step-down";
      case HOCHBERG -> "Hochberg step-up";
      case HOMMEL -> "Hommel";
      case DUNNETT -> "Dunnett single-step (multivariate t)";
    };
  }
}
