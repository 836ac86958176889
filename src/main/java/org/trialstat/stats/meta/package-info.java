/**
 * Meta-analysis of study effects, as R's metafor 3.8 computes it (Viechtbauer 2010, J. Stat. Softw.
 * 36(3)); the formulas and where metafor and RevMan differ are in docs/methods.md.
 *
 * <ul>
 *   <li>{@link org.trialstat.stats.meta.EffectMeasure}: each study's yi and vi ({@code escalc}).
 *   <li>{@link org.trialstat.stats.meta.Pooling}: inverse-variance common and random effects, with
 *       {@link org.trialstat.stats.meta.Tau2Estimator} (DL, REML, PM, HS, HE, SJ, ML, EB), the
 *       Hartung-Knapp-Sidik-Jonkman adjustment, heterogeneity with Q-profile limits and the prediction
 *       interval ({@code rma}, {@code confint}, {@code predict}).
 *   <li>{@link org.trialstat.stats.meta.MantelHaenszel} and {@link org.trialstat.stats.meta.Peto}:
 *       common effects from 2x2 tables ({@code rma.mh}, {@code rma.peto}).
 *   <li>{@link org.trialstat.stats.meta.Sensitivity}: leave-one-out, cumulative, subgroups and the
 *       Q-between test; {@link org.trialstat.stats.meta.EggerRegression}: Egger's test
 *       ({@code regtest(model = "lm")}).
 * </ul>
 * Every number is pinned to metafor in the tests (src/test/resources/meta/make_meta.R). Results are the
 * {@code org.trialstat.model} records {@link org.trialstat.model.StudyEffect},
 * {@link org.trialstat.model.MetaPooled}, {@link org.trialstat.model.SubgroupTest} and
 * {@link org.trialstat.model.EggerTest}; what cannot be estimated is NaN with a reason.
 */
package org.trialstat.stats.meta;
