package org.trialstat.stats.mmrm;

/**
 * The subjects sharing one missingness pattern (the same set of observed visits): their design rows and
 * outcomes, stored contiguously, plus (when the pattern holds enough subjects) the sufficient
 * statistics G_ab = sum_i x_ia x_ib' that make X' A X independent of the number of subjects.
 *
 * <p>Layout: subject i, local visit a, column j at {@code rows[code[i * m + a] * p + j]}: each observation
 * holds the code of its design row in a dictionary of the distinct rows ({@link DesignRows}, shared by the
 * patterns of a design), so memory is 4 bytes per observation plus the distinct rows instead of 8p bytes
 * per observation, and every sum below adds the same numbers in the same order as with the rows stored
 * one per observation. Outcome at {@code y[i * m + a]}. Within a pattern every subject has the same m x m covariance block, so its
 * Cholesky factor and inverse are computed once per pattern and per likelihood evaluation.
 */
final class Pattern {

  /** Global visit indices of the pattern, ascending. */
  final int[] visits;
  /** Covariance group of the pattern's subjects (0 without groups; SAS REPEATED / GROUP=). */
  final int group;
  final int m;
  final int p;
  final int n;
  /** The design rows of the subjects, coded, and the sums over them ({@link SubjectRows}). */
  private final SubjectRows subjects;
  /**
   * The distinct columns for the cross products, found on first use; immutable, so that threads racing
   * to set it only compute the same one twice (the single-check idiom).
   */
  private CrossProducts columns;
  final double[] y;
  /** Sufficient statistics, or null: for a &lt;= b, G_aa or G_ab + G_ab' ({@link Gram}). */
  private final Gram gram;

  Pattern(int[] visits, int p, int n, double[] x, double[] y) {
    this(visits, 0, p, n, x, y);
  }

  /** The subjects of covariance group {@code group} with this pattern, design rows one per observation. */
  Pattern(int[] visits, int group, int p, int n, double[] x, double[] y) {
    this(visits, group, p, n, DesignRows.codeAll(x, p), y);
  }

  private Pattern(int[] visits, int group, int p, int n, DesignRows.Coded x, double[] y) {
    this(visits, group, p, n, x.codes(), x.rows().values(), y);
  }

  /**
   * The subjects of covariance group {@code group} with this pattern.
   *
   * @param code the design row of each observation (layout of y), as a code into {@code rows}
   * @param rows the distinct design rows, p values each (not copied)
   */
  Pattern(int[] visits, int group, int p, int n, int[] code, double[] rows, double[] y) {
    this(visits, group, p, n, code, rows, SufficientStatistics.nonzeros(rows, p), y);
  }

  /**
   * As above, with the nonzero columns of each distinct row ({@link SufficientStatistics#nonzeros}, shared
   * by the patterns of a design).
   */
  Pattern(int[] visits, int group, int p, int n, int[] code, double[] rows, int[][] nonzero, double[] y) {
    // Statistics cost m(m+1)/2 p^2 per use against n (m^2 p + m p^2) for the raw rows, so they pay off
    // from a handful of subjects; they take (m+1) p / (2n) times the memory of the rows: allow 8 times.
    // At most 4e6 doubles (32 MB) of statistics per pattern, so that wide designs stay in bounded memory.
    this(visits, group, p, n, code, rows, nonzero, y, (long) n * 16 >= (long) (visits.length + 1) * p
        && (long) visits.length * (visits.length + 1) / 2 * p * p <= 4_000_000L);
  }

  /** As above, choosing explicitly whether to keep the sufficient statistics (for tests). */
  Pattern(int[] visits, int p, int n, double[] x, double[] y, boolean statistics) {
    this(visits, 0, p, n, DesignRows.codeAll(x, p), y, statistics);
  }

  private Pattern(int[] visits, int group, int p, int n, DesignRows.Coded x, double[] y, boolean statistics) {
    this(visits, group, p, n, x.codes(), x.rows().values(), y, statistics);
  }

  private Pattern(int[] visits, int group, int p, int n, int[] code, double[] rows, double[] y, boolean statistics) {
    this(visits, group, p, n, code, rows, SufficientStatistics.nonzeros(rows, p), y, statistics);
  }

  private Pattern(int[] visits, int group, int p, int n, int[] code, double[] rows, int[][] nonzero, double[] y,
      boolean statistics) {
    this.visits = visits;
    this.group = group;
    this.m = visits.length;
    this.p = p;
    this.n = n;
    this.subjects = new SubjectRows(m, p, n, code, rows, nonzero);
    this.y = y;
    gram = statistics ? new Gram(m, SufficientStatistics.of(m, p, n, code, rows, nonzero, true)) : null;
  }

  /** out += sum_i X_i' A X_i for a symmetric m x m matrix A. */
  void addXtAX(double[] a, double[] out) {
    addXtAX(a, out, ZeroSkip.hasNegativeZero(out));
  }

  /**
   * As {@link #addXtAX(double[], double[])} into a sum that started at +0.0 and has only been added to,
   * which therefore holds no -0.0 ({@link ZeroSkip}): the check for it is left out.
   */
  void addXtAXToSum(double[] a, double[] sum) {
    addXtAX(a, sum, false);
  }

  private void addXtAX(double[] a, double[] out, boolean negativeZero) {
    if (gram != null) {
      gram.addXtAX(a, out, negativeZero);
    } else {
      subjects.addXtAX(a, out, negativeZero);
    }
  }

  /** out += sum_i X_i' A v_i for a symmetric m x m matrix A and per-subject vectors v (layout of y). */
  void addXtAv(double[] a, double[] v, double[] out) {
    subjects.addXtAv(a, v, out);
  }

  /** The m x m matrix sum_i X_i M X_i' for a symmetric p x p matrix M. */
  double[] xmx(double[] mm) {
    return gram != null ? gram.xmx(mm) : subjects.xmx(mm);
  }

  /** E = sum_i r_i r_i' of the residuals r = y - X beta, without keeping them. */
  double[] residualProducts(double[] beta) {
    return residualProducts(beta, null);
  }

  /**
   * E = sum_i r_i r_i' of the residuals r = y - X beta, and when {@code h} is not null (m m p, zeros) the
   * cross products H_ab = sum_i x_ia r_ib' (p-vectors, at {@code h[(a * m + b) * p + j]}) into it, so that
   * sum_i X_i' A r_i = sum_ab A_ab H_ab ({@link CrossProducts}: once per distinct column); in one pass over
   * the subjects, without keeping the residuals (an n m array per likelihood evaluation before). Every sum
   * adds its products subject by subject in subject order, as computing and storing all residuals first
   * and then E and H did, so the bits are those.
   */
  double[] residualProducts(double[] beta, double[] h) {
    return ResidualProducts.of(subjects, y, beta, h, h == null ? null : columns());
  }

  private CrossProducts columns() {
    CrossProducts c = columns;
    if (c == null) {
      c = CrossProducts.of(m, p, n, subjects.code, subjects.rows);
      columns = c;
    }
    return c;
  }

  /** The same pattern without its subject {@code i} (the same row dictionary), or null when it had only that one. */
  Pattern without(int i) {
    if (n == 1) {
      return null;
    }
    int[] c = new int[(n - 1) * m];
    double[] v = new double[(n - 1) * m];
    int[] code = subjects.code;
    System.arraycopy(code, 0, c, 0, i * m);
    System.arraycopy(code, (i + 1) * m, c, i * m, (n - 1 - i) * m);
    System.arraycopy(y, 0, v, 0, i * m);
    System.arraycopy(y, (i + 1) * m, v, i * m, (n - 1 - i) * m);
    Pattern rest = new Pattern(visits, group, p, n - 1, c, subjects.rows, subjects.nonzero, v);
    rest.columns = columns; // columns equal for every subject are equal for every subject but one
    return rest;
  }
}
