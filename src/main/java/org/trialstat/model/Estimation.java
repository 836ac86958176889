package org.trialstat.model;

/** How the covariance parameters of an MMRM are estimated. */
public enum Estimation {
  /** Restricted maximum likelihood (Patterson &amp; Thompson 1971): SAS METHOD=REML, the default. */
  REML,
  /** Maximum likelihood: SAS METHOD=ML; variances biased downward by the fixed effects' df. */
  ML
}
