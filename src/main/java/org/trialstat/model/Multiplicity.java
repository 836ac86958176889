package org.trialstat.model;

/**
 * {@code analyze --adjust}: how the p values of one statistic are adjusted over its family of
 * comparisons (the entries of {@code comparisons[]}). The key (lower-case name) is the option value and
 * the {@code adjustment} value in the output; the formulas are in {@code docs/methods.md}.
 */
public enum Multiplicity implements Keyed {
  /** No adjustment (the default): p values are per comparison. */
  NONE("none"),
  /** Bonferroni: min(1, m p), as R {@code p.adjust(method = "bonferroni")}; simultaneous CIs at 1 - alpha / m. */
  BONFERRONI("Bonferroni"),
  /** Holm (1979) step-down, as R {@code p.adjust(method = "holm")}. */
  HOLM("Holm step-down"),
  /** Hochberg (1988) step-up, as R {@code p.adjust(method = "hochberg")}. */
  HOCHBERG("Hochberg step-up"),
  /** Hommel (1988), as R {@code p.adjust(method = "hommel")}. */
  HOMMEL("Hommel"),
  /**
   * Dunnett (1955) single-step many-to-one, multivariate t as R {@code multcomp::glht(mcp(arm = "Dunnett"))};
   * for model contrasts (ANCOVA, MMRM) of a family of every arm against one control only.
   */
  DUNNETT("Dunnett single-step (multivariate t)");

  private final String label;

  Multiplicity(String label) {
    this.label = label;
  }

  /** The name in method strings and notes, for example "Holm step-down". */
  public String label() {
    return label;
  }
}
