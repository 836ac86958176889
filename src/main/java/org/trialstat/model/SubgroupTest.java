package org.trialstat.model;

/**
 * The test of subgroup differences: Cochran's Q between the subgroups' pooled estimates, each fitted
 * separately ({@code Q_between = sum_g w_g (est_g - est_w)^2} with {@code w_g = 1 / se_g^2}, chi-square
 * with G - 1 df), which is metafor's {@code rma(est, sei = se, mods = ~ group, method = "FE")$QM} and
 * RevMan's "test for subgroup differences".
 *
 * @param q      Q between subgroups
 * @param df     number of subgroups with an estimate, minus 1
 * @param p      its chi-square p value
 * @param method the method's name
 * @param reason why it is not estimable (fewer than 2 subgroups with an estimate), or null
 */
public record SubgroupTest(double q, int df, double p, String method, String reason) {
}
