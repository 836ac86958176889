package org.trialstat.stats.binary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Detection of complete and quasi-complete separation in a logistic regression, by the linear programs
 * of Konis (2007), solved with Commons Math's simplex method.
 *
 * <p>With {@code s_i = 2 y_i - 1} and a design X of full column rank, the maximum-likelihood estimate
 * does not exist exactly when some {@code beta != 0} has {@code s_i x_i' beta >= 0} for every i
 * (Albert and Anderson 1984): <em>complete</em> separation when some beta makes all of them strictly
 * positive, <em>quasi-complete</em> otherwise. The first program maximizes {@code sum_i s_i x_i' beta}
 * subject to {@code s_i x_i' beta >= 0} and {@code -1 <= beta_j <= 1}: its optimum is positive exactly
 * under separation. The second maximizes t subject to {@code s_i x_i' beta >= t}, {@code t <= 1} and the
 * same box: positive exactly under complete separation. Columns are scaled to a maximum absolute value
 * of 1 and identical rows merged first; an optimum above 1e-9 counts as positive. The columns named in
 * the result are those that separate the outcome on their own (with the constant columns), or else
 * the non-constant columns of the separating direction found.
 *
 * <p>References: Albert A, Anderson JA. On the existence of maximum likelihood estimates in logistic
 * regression models. Biometrika 1984;71:1-10. Konis K. Linear programming algorithms for detecting
 * separated data in binary logistic regression models. DPhil thesis, University of Oxford, 2007 (the
 * method of R's {@code detectseparation} / {@code safeBinaryRegression}).
 */
final class Separation {

  /** Distinct rows above which the simplex tableau would be too large; the check then gives up. */
  static final int MAX_ROWS = 2000;

  private static final double POSITIVE = 1e-9;

  /** The outcome of the check. */
  enum Kind { NONE, QUASI_COMPLETE, COMPLETE, TOO_LARGE }

  /**
   * The kind of separation and the names of the columns of a separating direction.
   *
   * @param kind      none, quasi-complete, complete, or not checked (too many distinct rows)
   * @param direction columns with a non-zero coefficient in a separating direction
   */
  record Result(Kind kind, List<String> direction) {
  }

  private Separation() {
  }

  /**
   * Checks a full-rank design.
   *
   * @param x     n rows of q values
   * @param y     n outcomes, 0 or 1
   * @param names the q column names
   */
  static Result check(double[][] x, int[] y, String[] names) {
    int q = names.length;
    double[] scale = new double[q];
    for (double[] row : x) {
      for (int j = 0; j < q; j++) {
        scale[j] = Math.max(scale[j], Math.abs(row[j]));
      }
    }
    Set<List<Double>> seen = new HashSet<>();
    List<double[]> signed = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      double[] r = new double[q];
      List<Double> key = new ArrayList<>(q + 1);
      for (int j = 0; j < q; j++) {
        r[j] = (2 * y[i] - 1) * (scale[j] == 0 ? 0 : x[i][j] / scale[j]);
        key.add(r[j]);
      }
      if (seen.add(key)) {
        signed.add(r);
      }
    }
    if (signed.size() > MAX_ROWS) {
      return new Result(Kind.TOO_LARGE, List.of());
    }
    PointValuePair any = solve(signed, q, false);
    if (any == null || any.getValue() <= POSITIVE) {
      return new Result(Kind.NONE, List.of());
    }
    PointValuePair strict = solve(signed, q, true);
    Kind kind = strict != null && strict.getValue() > POSITIVE ? Kind.COMPLETE : Kind.QUASI_COMPLETE;
    double[] beta = (kind == Kind.COMPLETE ? strict : any).getPoint();
    boolean[] constant = new boolean[q];
    for (int j = 0; j < q; j++) {
      constant[j] = isConstant(x, j);
    }
    Set<String> alone = new LinkedHashSet<>();
    Set<String> direction = new LinkedHashSet<>();
    for (int j = 0; j < q; j++) {
      if (!constant[j] && Math.abs(beta[j]) > POSITIVE) {
        direction.add(names[j]);
      }
      if (!constant[j] && q > 1 && separatesAlone(x, y, names, constant, j)) {
        alone.add(names[j]);
      }
    }
    return new Result(kind, List.copyOf(alone.isEmpty() ? direction : alone));
  }

  /** Whether column j with the constant columns only already separates the outcome. */
  private static boolean separatesAlone(double[][] x, int[] y, String[] names, boolean[] constant, int j) {
    List<Integer> cols = new ArrayList<>();
    for (int k = 0; k < names.length; k++) {
      if (constant[k] || k == j) {
        cols.add(k);
      }
    }
    if (cols.size() == names.length) {
      return false;
    }
    double[][] sub = new double[x.length][cols.size()];
    String[] subNames = new String[cols.size()];
    for (int c = 0; c < cols.size(); c++) {
      subNames[c] = names[cols.get(c)];
      for (int i = 0; i < x.length; i++) {
        sub[i][c] = x[i][cols.get(c)];
      }
    }
    return check(sub, y, subNames).kind() != Kind.NONE;
  }

  private static boolean isConstant(double[][] x, int j) {
    for (double[] row : x) {
      if (row[j] != x[0][j]) {
        return false;
      }
    }
    return true;
  }

  /** Solves one of the two programs; null when the solver fails (then no separation is reported). */
  private static PointValuePair solve(List<double[]> signed, int q, boolean strict) {
    int vars = strict ? q + 1 : q;
    List<LinearConstraint> constraints = new ArrayList<>();
    double[] objective = new double[vars];
    for (double[] r : signed) {
      double[] c = Arrays.copyOf(r, vars);
      if (strict) {
        c[q] = -1;
      } else {
        for (int j = 0; j < q; j++) {
          objective[j] += r[j];
        }
      }
      constraints.add(new LinearConstraint(c, Relationship.GEQ, 0));
    }
    for (int j = 0; j < vars; j++) {
      double[] unit = new double[vars];
      unit[j] = 1;
      constraints.add(new LinearConstraint(unit, Relationship.LEQ, 1));
      if (j < q) {
        constraints.add(new LinearConstraint(unit, Relationship.GEQ, -1));
      }
    }
    if (strict) {
      objective[q] = 1;
    }
    try {
      return new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(objective, 0),
          new LinearConstraintSet(constraints), GoalType.MAXIMIZE, new NonNegativeConstraint(false));
    } catch (MathIllegalStateException e) {
      return null;
    }
  }
}
