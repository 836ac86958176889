package org.trialstat.model;

import java.util.List;

/**
 * The covariance matrix of a model's treatment-minus-control contrasts at one visit: L C L' with L the
 * contrasts' rows and C the covariance of the fixed effects the model's SEs use (for an MMRM the
 * model-based (X' V^-1 X)^-1, or Kenward-Roger's adjusted one). Its correlation is what Dunnett's
 * single-step adjustment needs ({@code analyze --adjust dunnett}).
 *
 * @param visit      the visit
 * @param treatments the treatment arms, each against the control, in the order of the matrix
 * @param matrix     the m x m covariance, m = {@code treatments.size()}; read-only by convention
 */
public record ContrastCovariance(String visit, List<String> treatments, double[][] matrix) {

  /** A defensive copy of the arms. */
  public ContrastCovariance {
    treatments = List.copyOf(treatments);
  }

  /**
   * The covariance of the contrasts of the given arms, in that order, or null when one of them is not
   * in this matrix.
   */
  public double[][] of(List<String> arms) {
    int m = arms.size();
    int[] at = new int[m];
    for (int i = 0; i < m; i++) {
      at[i] = treatments.indexOf(arms.get(i));
      if (at[i] < 0) {
        return null;
      }
    }
    double[][] out = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        out[i][j] = matrix[at[i]][at[j]];
      }
    }
    return out;
  }
}
