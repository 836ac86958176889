package org.trialstat.model;

/**
 * The options of a meta-analysis ({@code trialstat meta}); every routine behind them is in
 * {@code org.trialstat.stats.meta}, and docs/methods.md gives the formulas.
 *
 * @param measure    the effect measure of each study
 * @param model      common (fixed) effect or random effects
 * @param tau2       the estimator of the between-study variance tau^2 (random effects)
 * @param adjustment the Hartung-Knapp(-Sidik-Jonkman) adjustment of the pooled SE, or none
 * @param prediction the form of the prediction interval
 * @param confLevel  the level of every interval, in (0, 1)
 *
 * <p>Each option's public key (JSON value, option value) is its constant's name in lower case
 * ({@link Keyed}).
 */
public record MetaSettings(Measure measure, Model model, Tau2 tau2, Adjustment adjustment, Prediction prediction,
    double confLevel) {

  /** Effect measures, as metafor's {@code escalc} names them. */
  public enum Measure implements Keyed {
    /** Hedges' g: the SMD with the exact small-sample correction J (metafor "SMD"). */
    SMD,
    /** Cohen's d: the SMD without correction. */
    D,
    /** Raw mean difference (metafor "MD"). */
    MD,
    /** Log risk ratio (metafor "RR"). */
    RR,
    /** Log odds ratio (metafor "OR"). */
    OR,
    /** Risk difference (metafor "RD"). */
    RD,
    /** A per-study effect given as it is (effect files). */
    GENERIC;

    /** True for the log-scale ratio measures, reported back-transformed beside the log values. */
    public boolean ratio() {
      return this == RR || this == OR;
    }

    /** True for the measures computed from event counts. */
    public boolean binary() {
      return this == RR || this == OR || this == RD;
    }
  }

  /** The pooling model. */
  public enum Model implements Keyed {
    /** Common (fixed) effect, inverse-variance weights. */
    COMMON,
    /** Common effect by Mantel-Haenszel (RR, OR, RD from counts). */
    MH,
    /** Common effect by Peto's one-step odds ratio (counts). */
    PETO,
    /** Random effects with weights 1 / (v_i + tau^2). */
    RANDOM
  }

  /** Estimators of tau^2, metafor's {@code method} names. */
  public enum Tau2 implements Keyed {
    /** DerSimonian-Laird. */
    DL,
    /** Restricted maximum likelihood (metafor's default). */
    REML,
    /** Paule-Mandel. */
    PM,
    /** Hunter-Schmidt (metafor "HS"). */
    HS,
    /** Hedges (metafor "HE"). */
    HE,
    /** Sidik-Jonkman. */
    SJ,
    /** Maximum likelihood. */
    ML,
    /** Empirical Bayes (Morris). */
    EB
  }

  /** Adjustment of the pooled standard error. */
  public enum Adjustment implements Keyed {
    /** Normal (z) test and interval. */
    NONE,
    /** Hartung-Knapp-Sidik-Jonkman: SE scaled by the weighted residual variance, t with k - 1 df. */
    KNHA,
    /** As KNHA with the scale factor truncated below at 1 (metafor's {@code test = "adhoc"}). */
    KNHA_TRUNCATED
  }

  /** The prediction interval. */
  public enum Prediction implements Keyed {
    /** metafor's default: normal quantile (t with k - 1 df under an adjustment). */
    DEFAULT,
    /** Riley et al. (2011): t quantile with k - 2 df. */
    RILEY
  }
}
