package org.trialstat.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Within-subject covariance structures of the MMRM over T visits, named and parametrised as SAS PROC
 * MIXED {@code REPEATED / TYPE=} (SAS/STAT User's Guide, PROC MIXED, "Covariance Structures", Table
 * "Covariance Structure Examples") and R mmrm ({@code us, cs, csh, ar1, ar1h, toep, toeph, adh}).
 * sigma_ab is the covariance of visits a and b, d = |a - b|, v_a the variance at visit a:
 * <pre>
 *   UN     sigma_ab free                                          T(T+1)/2 parameters UN(a,b)
 *   CS     sigma_aa = s1 + s2, sigma_ab = s1                      2: CS = s1, Residual = s2
 *   CSH    sigma_ab = sqrt(v_a v_b) rho  (a != b)                 T + 1: Var(1..T), CSH = rho
 *   AR1    sigma_ab = s2 rho^d                                    2: AR(1) = rho, Residual = s2
 *   AR1H   sigma_ab = sqrt(v_a v_b) rho^d                         T + 1: Var(1..T), ARH(1) = rho
 *   TOEP   sigma_ab = c_d  (c_0 = s2)                             T: TOEP(2..T) = c_1..c_T-1, Residual
 *   TOEPH  sigma_ab = sqrt(v_a v_b) rho_d  (rho_0 = 1)            2T - 1: Var(1..T), TOEPH(1..T-1)
 *   ADH    sigma_ab = sqrt(v_a v_b) prod_{k=b}^{a-1} rho_k (a > b) 2T - 1: Var(1..T), Rho(1..T-1)
 * </pre>
 * ADH is SAS {@code TYPE=ANTE(1)}, first-order ante-dependence (Kenward 1987). The parameters are
 * estimated as printed by SAS (variances and correlations, not a transformed scale), in SAS's order.
 * The arithmetic (Sigma(theta), its Jacobian, starting values) is in
 * {@code org.trialstat.stats.mmrm.StructureAlgebra}. {@link #key()}, the constant's name in lower case, is
 * the option value ({@code un}, {@code ar1h}, ...) and R mmrm's name (mmrm calls UN {@code us}).
 */
public enum CovarianceStructure implements Keyed {
  /** Unstructured. */
  UN,
  /** Homogeneous compound symmetry. */
  CS,
  /** Heterogeneous compound symmetry. */
  CSH,
  /** First-order autoregressive. */
  AR1,
  /** Heterogeneous first-order autoregressive. */
  AR1H,
  /** Toeplitz. */
  TOEP,
  /** Heterogeneous Toeplitz. */
  TOEPH,
  /** Heterogeneous first-order ante-dependence. */
  ADH;

  /** Words for the method string. */
  public String label() {
    return switch (this) {
      case UN -> "unstructured";
      case CS -> "compound symmetry";
      case CSH -> "heterogeneous compound symmetry";
      case AR1 -> "first-order autoregressive";
      case AR1H -> "heterogeneous first-order autoregressive";
      case TOEP -> "Toeplitz";
      case TOEPH -> "heterogeneous Toeplitz";
      case ADH -> "first-order ante-dependence";
    };
  }

  /** The structure of an option value, or null. */
  public static CovarianceStructure of(String key) {
    for (CovarianceStructure c : values()) {
      if (c.key().equals(key.toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    return null;
  }

  /** Number of covariance parameters of one T x T matrix. */
  public long parameters(int t) {
    long tt = t;
    switch (this) {
      case UN:
        return tt * (tt + 1) / 2;
      case CS:
      case AR1:
        return 2;
      case CSH:
      case AR1H:
        return tt + 1;
      case TOEP:
        return tt;
      default:
        return 2 * tt - 1;
    }
  }

  /** SAS's names of the parameters, in order. */
  public List<String> parameterNames(int t) {
    List<String> n = new ArrayList<>();
    switch (this) {
      case UN:
        for (int a = 1; a <= t; a++) {
          for (int b = 1; b <= a; b++) {
            n.add("UN(" + a + "," + b + ")");
          }
        }
        return n;
      case CS:
        return List.of("CS", "Residual");
      case AR1:
        return List.of("AR(1)", "Residual");
      case TOEP:
        for (int d = 2; d <= t; d++) {
          n.add("TOEP(" + d + ")");
        }
        n.add("Residual");
        return n;
      default:
        for (int a = 1; a <= t; a++) {
          n.add("Var(" + a + ")");
        }
        if (this == CSH || this == AR1H) {
          n.add(this == CSH ? "CSH" : "ARH(1)");
        } else {
          for (int d = 1; d < t; d++) {
            n.add((this == TOEPH ? "TOEPH(" : "Rho(") + d + ")");
          }
        }
        return n;
    }
  }

  /** True when the structure has one variance per visit (Var(1..T) first). */
  public boolean heterogeneous() {
    return this == CSH || this == AR1H || this == TOEPH || this == ADH;
  }
}
