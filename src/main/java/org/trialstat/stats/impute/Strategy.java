package org.trialstat.stats.impute;

/**
 * What is assumed about a participant's outcomes from the intercurrent event (ICE) on: the mean of the
 * joint normal distribution from which the post-ICE values are imputed, as rbmi's {@code stat_specs}
 * vignette, section 3.4, defines it (Carpenter, Roger &amp; Kenward 2013, J Biopharm Stat 23:1352-1371).
 * With mu_a and mu_r the marginal mean vectors of a subject with the same baseline in its own arm and in
 * its reference arm, and k the first visit affected by the ICE (pre-ICE visits 0..k-1):
 * <ul>
 * <li>MAR: mu_a at every visit.</li>
 * <li>JR (jump to reference): mu_a before k, mu_r from k.</li>
 * <li>CR (copy reference): mu_r at every visit.</li>
 * <li>CIR (copy increments in reference): mu_a before k, mu_a[k-1] + mu_r[t] - mu_r[k-1] from k; mu_r
 * at every visit when k = 0.</li>
 * <li>LMCF (last mean carried forward): mu_a before k, mu_a[k-1] from k; mu_a (MAR) when k = 0 (rbmi
 * has no pre-ICE mean to carry either).</li>
 * </ul>
 * The covariance is the one matrix shared by all arms (rbmi's default {@code same_cov = TRUE}), so the
 * conditional distribution of the missing values given the observed ones uses it throughout.
 */
public enum Strategy {
  /** Missing at random. */
  MAR,
  /** Jump to reference. */
  JR,
  /** Copy reference. */
  CR,
  /** Copy increments in reference. */
  CIR,
  /** Last mean carried forward. */
  LMCF;

  /**
   * The mean vector under this strategy.
   *
   * @param own the subject's own-arm mean, one per visit
   * @param ref the reference-arm mean
   * @param k   the first visit index affected by the ICE (own.length when there is none)
   * @return a new array
   */
  public double[] mean(double[] own, double[] ref, int k) {
    int t = own.length;
    double[] mu = own.clone();
    if (k >= t || this == MAR) {
      return mu;
    }
    for (int v = k; v < t; v++) {
      mu[v] = switch (this) {
        case JR -> ref[v];
        case CR -> ref[v];
        case CIR -> k == 0 ? ref[v] : own[k - 1] + ref[v] - ref[k - 1];
        case LMCF -> k == 0 ? own[v] : own[k - 1];
        case MAR -> own[v];
      };
    }
    if (this == CR) {
      return ref.clone();
    }
    return mu;
  }

  /** True for the strategies under which observed post-ICE values are left out of the model and imputed. */
  public boolean dropsPostIce() {
    return this != MAR;
  }
}
