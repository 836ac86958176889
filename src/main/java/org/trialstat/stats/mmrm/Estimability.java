package org.trialstat.stats.mmrm;

import java.util.Locale;
import org.trialstat.model.CovarianceStructure;

/**
 * The checks made before a covariance structure is fitted, so that data that cannot support it are
 * answered at once ("not estimable" with the reason) instead of after minutes of iterations, and so
 * that the work stays bounded:
 * <ul>
 * <li>at most as many parameters in each group's matrix as the group has subjects (an unstructured
 * matrix of T visits has T(T+1)/2; with fewer subjects its estimate is singular or not unique);</li>
 * <li>more observations than fixed effects plus covariance parameters;</li>
 * <li>the derivative arrays of the fit (q matrices p x p and q x q Hessians) within
 * {@link Design#MAX_DOUBLES} doubles;</li>
 * <li>for the unstructured matrix, every pair of visits observed together in some subject.</li>
 * </ul>
 */
final class Estimability {

  private Estimability() {
  }

  /** Why {@code s} cannot be fitted to {@code d}, or null. */
  static String check(CovarianceStructure s, Design d) {
    int t = d.nVisits;
    long k = s.parameters(t);
    for (int g = 0; g < d.groups; g++) {
      if (k > d.groupSubjects[g]) {
        return String.format(Locale.ROOT, "the %s covariance of %d visits has %d parameters, more than the %d "
            + "subjects%s: its estimate would be singular (not positive definite) or not unique; use fewer visits or a "
            + "structure with fewer parameters", s.label(), t, k, d.groupSubjects[g],
            d.groups > 1 ? " of arm " + d.arms.get(g) : "");
      }
    }
    long q = k * d.groups;
    if (d.nObs - d.p <= q) {
      return String.format(Locale.ROOT, "too few observations (%d) for %d fixed effects and %d covariance "
          + "parameters", d.nObs, d.p, q);
    }
    long unpacked = (long) t * (t + 1) / 2 * d.groups;
    long doubles = unpacked * d.p * d.p + 3 * unpacked * unpacked;
    if (doubles > Design.MAX_DOUBLES) {
      return String.format(Locale.ROOT, "the fit would need about %.0f MB (%d covariance elements, %d fixed "
          + "effects; limit %d MB); use fewer visits or arms", 8.0 * doubles / 1e6, unpacked, d.p,
          8 * Design.MAX_DOUBLES / 1_000_000);
    }
    if (s == CovarianceStructure.UN && d.neverTogether != null) {
      return d.neverTogether;
    }
    return null;
  }
}
