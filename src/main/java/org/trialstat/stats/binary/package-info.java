/**
 * Stratified and covariate-adjusted analyses of binary endpoints, treatment versus control.
 *
 * <ul>
 *   <li>{@link org.trialstat.stats.binary.StratifiedBinaryAnalysis}: over the randomization strata,
 *       {@link org.trialstat.stats.binary.CochranMantelHaenszel} (as R's {@code mantelhaen.test}),
 *       {@link org.trialstat.stats.binary.MantelHaenszelEstimator} (RD, RR, OR as
 *       {@code metafor::rma.mh}) and {@link org.trialstat.stats.binary.BreslowDay} (with Tarone's
 *       correction), from one {@link org.trialstat.stats.binary.StratumTable} per stratum.
 *   <li>{@link org.trialstat.stats.binary.LogisticRegression}: maximum likelihood by Newton-Raphson, as
 *       R's {@code glm(family = binomial)}, with aliased columns dropped and separation detected.
 *   <li>{@link org.trialstat.stats.binary.MarginalStandardization}: covariate-adjusted marginal RD, RR
 *       and OR by standardization (g-computation), with the delta-method variance of Ge et al. (2011),
 *       its sandwich variant, or the robust variance of Ye et al. (2023).
 * </ul>
 *
 * <p>Results are {@link org.trialstat.model.ChiSquareTest}, {@link org.trialstat.model.WaldEffect},
 * {@link org.trialstat.model.StratifiedBinaryResult} and {@link org.trialstat.model.AdjustedBinaryResult};
 * "not estimable" is a value with a reason, never an exception. Formulas and the choice between the
 * methods: docs/methods.md, "Stratified and covariate-adjusted binary endpoints".
 */
package org.trialstat.stats.binary;
