package org.trialstat.stats.binary;

import org.apache.commons.math3.exception.MathArithmeticException;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The Newton-Raphson iterations of {@link LogisticRegression} on a full-rank design, and the
 * logistic-model quantities (score, information X'WX, deviance, expit) they and the standardization
 * use. See {@link LogisticRegression} for the algorithm and its references.
 *
 * @param beta       the coefficients at the last step
 * @param covariance the inverse information at beta, null when it could not be inverted
 * @param deviance   the deviance at beta
 * @param iterations the Newton steps taken
 * @param converged  whether the last step was within the tolerance (false when a matrix was singular)
 * @param extreme    whether a fitted probability lies within 1e-10 of 0 or 1 (a sign of separation)
 */
record LogisticNewton(double[] beta, double[][] covariance, double deviance, int iterations, boolean converged,
    boolean extreme) {

  static final int MAX_ITERATIONS = 100;
  private static final double STEP_TOLERANCE = 1e-10;
  private static final double EXTREME = 1e-10;

  static LogisticNewton run(double[][] x, int[] y) {
    int q = x[0].length;
    double[] beta = new double[q];
    double deviance = deviance(x, y, beta);
    double[][] covariance = null;
    int iterations = 0;
    boolean converged = false;
    try {
      for (int it = 1; it <= MAX_ITERATIONS && !converged; it++) {
        iterations = it;
        double[] delta = solve(information(x, beta), score(x, y, beta));
        double[] next = new double[q];
        double dev = Double.NaN;
        for (int halving = 0; halving < 40; halving++) {
          for (int j = 0; j < q; j++) {
            next[j] = beta[j] + delta[j];
          }
          dev = deviance(x, y, next);
          if (dev <= deviance * (1 + 1e-15) + 1e-300) {
            break;
          }
          for (int j = 0; j < q; j++) {
            delta[j] /= 2;
          }
        }
        converged = true;
        for (int j = 0; j < q; j++) {
          converged &= Math.abs(delta[j]) <= STEP_TOLERANCE * Math.max(1, Math.abs(next[j]));
        }
        beta = next;
        deviance = dev;
      }
      covariance = MatrixUtils.inverse(information(x, beta)).getData();
    } catch (NonPositiveDefiniteMatrixException | MathArithmeticException | SingularMatrixException e) {
      converged = false;
    }
    boolean extreme = false;
    for (double[] row : x) {
      double prob = expit(dot(row, beta));
      extreme |= !(prob > EXTREME && prob < 1 - EXTREME);
    }
    return new LogisticNewton(beta, covariance, deviance, iterations, converged, extreme);
  }

  private static double[] solve(RealMatrix information, double[] score) {
    return new CholeskyDecomposition(information, 1e-10, 0).getSolver()
        .solve(MatrixUtils.createRealVector(score)).toArray();
  }


  static double[] score(double[][] x, int[] y, double[] beta) {
    double[] s = new double[beta.length];
    for (int i = 0; i < x.length; i++) {
      double r = y[i] - expit(dot(x[i], beta));
      for (int j = 0; j < beta.length; j++) {
        s[j] += r * x[i][j];
      }
    }
    return s;
  }

  /** X'WX at beta, exactly symmetric. */
  static RealMatrix information(double[][] x, double[] beta) {
    int q = beta.length;
    double[][] m = new double[q][q];
    for (double[] row : x) {
      double prob = expit(dot(row, beta));
      double w = prob * (1 - prob);
      for (int j = 0; j < q; j++) {
        for (int k = 0; k <= j; k++) {
          m[j][k] += w * row[j] * row[k];
        }
      }
    }
    for (int j = 0; j < q; j++) {
      for (int k = 0; k < j; k++) {
        m[k][j] = m[j][k];
      }
    }
    return MatrixUtils.createRealMatrix(m);
  }

  static double deviance(double[][] x, int[] y, double[] beta) {
    double d = 0;
    for (int i = 0; i < x.length; i++) {
      double eta = dot(x[i], beta);
      double log1pExp = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
      d += 2 * (log1pExp - y[i] * eta);
    }
    return d;
  }

  static double expit(double eta) {
    return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < b.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }
}
