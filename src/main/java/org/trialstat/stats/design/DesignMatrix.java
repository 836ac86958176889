package org.trialstat.stats.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.trialstat.model.LsMeansWeights;
import org.trialstat.stats.linalg.Dense;

/**
 * The fixed-effects design X of a linear model: its terms laid out left to right, the observations it
 * is built on, and the coefficient vectors of reference points (LS means). Shared by the ANCOVA
 * ({@link org.trialstat.stats.LinearModel}) and the MMRM, so that a term codes the same way in both.
 *
 * <p>Numeric variables are averaged over the design's observations (in their given order), so an
 * LS mean puts a numeric covariate at its mean and a factor not named in the point at equal level
 * weights: SAS LSMEANS and R emmeans defaults.
 */
public final class DesignMatrix {

  /** Relative pivot tolerance of the sequential rank check of X'X (see {@link #firstAliased}). */
  public static final double ALIAS_TOLERANCE = 1e-10;

  private final List<Term> terms;
  private final int[] offsets;
  private final int columns;
  private final List<String> names;
  private final List<String> labels;
  private final int[] rows;
  private final Map<Term, Double> means = new IdentityHashMap<>();

  private DesignMatrix(List<Term> terms, int[] rows) {
    this.terms = List.copyOf(terms);
    this.rows = rows.clone();
    offsets = new int[terms.size()];
    List<String> n = new ArrayList<>();
    List<String> l = new ArrayList<>();
    for (int t = 0; t < terms.size(); t++) {
      offsets[t] = n.size();
      n.addAll(terms.get(t).columnNames());
      l.addAll(terms.get(t).columnLabels());
    }
    columns = n.size();
    names = List.copyOf(n);
    labels = List.copyOf(l);
  }

  /**
   * A design from its terms, in column order.
   *
   * @param terms the terms (an {@link Intercept} first for a model with one)
   * @param rows  indices of the observations the design uses, in row order
   */
  public static DesignMatrix of(List<Term> terms, int[] rows) {
    return new DesignMatrix(terms, rows);
  }

  /** Number of columns p. */
  public int columns() {
    return columns;
  }

  /** Number of rows (observations used). */
  public int rows() {
    return rows.length;
  }

  /** The R {@code model.matrix} column names. */
  public List<String> names() {
    return names;
  }

  /** The columns in words, for messages. */
  public List<String> labels() {
    return labels;
  }

  /** The terms, in column order. */
  public List<Term> terms() {
    return terms;
  }

  /** Index of the named column ({@code visitVIS4:armTRT}), or -1. */
  public int column(String name) {
    return names.indexOf(name);
  }

  /** First column of {@code term}. */
  public int offset(Term term) {
    for (int t = 0; t < terms.size(); t++) {
      if (terms.get(t) == term) {
        return offsets[t];
      }
    }
    throw new IllegalArgumentException("term " + term.name() + " is not in the design");
  }

  /** Writes the design row of observation {@code obs} into {@code out[offset .. offset + p)}. */
  public void row(int obs, double[] out, int offset) {
    for (int t = 0; t < terms.size(); t++) {
      terms.get(t).code(obs, out, offset + offsets[t]);
    }
  }

  /**
   * A dictionary of the inputs of the design rows (the factor levels and numeric values the terms read),
   * keeping at most {@code limit} distinct ones: observations with the same input code have the same row.
   */
  public RowInputs inputs(int limit) {
    return RowInputs.of(terms, limit);
  }

  /** X as an n x p array, rows in the order given at construction. */
  public double[][] matrix() {
    double[][] x = new double[rows.length][columns];
    for (int r = 0; r < rows.length; r++) {
      row(rows[r], x[r], 0);
    }
    return x;
  }

  /**
   * The coefficient vector of a reference point: the factors in {@code levels} at the given level
   * index, every other factor at equal level weights, every numeric variable at its mean over the
   * design's observations.
   */
  public double[] at(Map<Factor, Integer> levels) {
    return at(levels, LsMeansWeights.EQUAL);
  }

  /**
   * The coefficient vector of a reference point (an LS mean): the factors in {@code levels} at the given
   * level index, every other factor at the given weights ({@link LsMeansWeights#EQUAL}: 1/k per level;
   * {@link LsMeansWeights#PROPORTIONAL}: {@link #proportions}), every numeric variable at its mean over the
   * design's observations; an interaction codes as the product of its components' codings. This is the
   * row of R emmeans' linear-function matrix for that grid point averaged with those weights ({@code
   * weights = "equal"} or {@code "proportional"}; Lenth, emmeans vignette "basics") and SAS's LSMEANS
   * coefficients (with {@code OM} for proportional).
   */
  public double[] at(Map<Factor, Integer> levels, LsMeansWeights weights) {
    Map<Factor, Integer> fixed = new HashMap<>(levels);
    Term.Point point = new Term.Point() {
      @Override
      public double[] weights(Factor f) {
        Integer l = fixed.get(f);
        return l != null ? f.at(l) : weights == LsMeansWeights.PROPORTIONAL ? proportions(f) : f.balanced();
      }

      @Override
      public double value(Numeric n) {
        return mean(n);
      }
    };
    double[] out = new double[columns];
    for (int t = 0; t < terms.size(); t++) {
      terms.get(t).codeAt(point, out, offsets[t]);
    }
    return out;
  }

  /**
   * The share of each level of {@code f} among the design's observations (in {@link Factor#levels()}
   * order; counts over row count, so they sum to 1).
   */
  public double[] proportions(Factor f) {
    double[] w = new double[f.levels().size()];
    for (int i : rows) {
      w[f.level(i)]++;
    }
    for (int l = 0; l < w.length; l++) {
      w[l] /= rows.length;
    }
    return w;
  }

  /** The mean of a numeric variable over the design's observations (summed in row order). */
  public double mean(Numeric n) {
    return means.computeIfAbsent(n, k -> {
      double s = 0;
      for (int i : rows) {
        s += n.value(i);
      }
      return s / rows.length;
    });
  }

  /**
   * The label of the first column that is numerically a linear combination of the columns before it,
   * by a sequential Cholesky factorisation of X'X in column order (a pivot below
   * {@link #ALIAS_TOLERANCE} times its diagonal), or null when X has full column rank.
   *
   * @param xtx X'X (p x p, row-major; not changed)
   */
  public String firstAliased(double[] xtx) {
    int j = Dense.cholesky(xtx.clone(), columns, ALIAS_TOLERANCE);
    return j < 0 ? null : labels.get(j);
  }
}
