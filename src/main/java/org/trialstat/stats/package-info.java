/**
 * Statistical routines of trialstat for continuous outcomes (this part) and binary outcomes.
 *
 * <p><b>Orientation.</b> Every effect is <b>treatment minus control</b> (a negative difference in
 * CAPS change scores means the treatment arm improved more) and every ratio is <b>treatment over
 * control</b>. Methods therefore take the treatment arm first and the control arm second.
 *
 * <p><b>Continuous routines.</b>
 * <ul>
 *   <li>{@link org.trialstat.stats.SampleStatistics}: accurate mean (two-pass corrected) and sample SD
 *       (corrected two-pass, Chan, Golub and LeVeque 1983), per-arm summary with t-based CI of the mean
 *       ({@link org.trialstat.model.MeanSummary}); checked against all NIST StRD univariate sets.
 *   <li>{@link org.trialstat.stats.MeanDifferenceTest}: Welch and Student two-sample t tests
 *       ({@link org.trialstat.model.Difference}), as R's {@code t.test}.
 *   <li>{@link org.trialstat.stats.LinearModel}: least squares by Householder QR with R's aliasing
 *       rule, coefficient t tests (ANCOVA {@code change ~ arm + baseline}), as R's {@code lm}.
 *   <li>{@link org.trialstat.stats.StandardizedMeanDifference}: Cohen's d and Hedges' g (exact J) with
 *       noncentral-t confidence intervals ({@link org.trialstat.model.Estimate}), as
 *       {@code effectsize::cohens_d} / {@code hedges_g}.
 *   <li>{@link org.trialstat.stats.NoncentralT}: the noncentral t distribution function and its
 *       inversion in the noncentrality parameter (hand-written: neither Commons Statistics nor Commons
 *       Math has it), accurate for large noncentrality where R's {@code pt} is not.
 * </ul>
 *
 * <p><b>Stratified and covariate-adjusted binary routines</b> live in {@code org.trialstat.stats.binary}:
 * Cochran-Mantel-Haenszel test, Mantel-Haenszel risk difference / ratio / odds ratio, Breslow-Day and
 * Tarone tests ({@code StratifiedBinaryAnalysis}), logistic regression with separation detection
 * ({@code LogisticRegression}) and standardized marginal effects ({@code MarginalStandardization}).
 *
 * <p><b>Meta-analysis</b> of study effects, as R's metafor: {@code org.trialstat.stats.meta}.
 *
 * <p><b>Conventions.</b> Routines are immutable classes or enum constants (one per method), results
 * are the {@code org.trialstat.model} records carrying the method's name and confidence level. A
 * statistic that cannot be estimated from the data (n &lt; 2, zero variance, aliased design column,
 * no residual degrees of freedom) gives NaN numbers and a human-readable reason, never an exception;
 * {@link java.lang.IllegalArgumentException} is reserved for programming errors (negative n, a
 * confidence level outside (0, 1), non-finite input values, which the reader removes upstream).
 *
 * <p>This package depends only on {@code org.trialstat.model}, the JDK, Commons Statistics and Commons
 * Math.
 */
package org.trialstat.stats;
