package org.trialstat.stats.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A categorical variable in reference (treatment) coding, R's {@code contr.treatment}: one 0/1
 * indicator column per level other than the reference, in level order, named name + level
 * ({@code armMDMA}). {@link #sorted} makes the first level in {@link String#compareTo} order the
 * reference, as R does with default factor levels (SAS uses the last level; the choice changes neither
 * LS means, contrasts nor the likelihood); {@link #of} takes the levels and reference as given (the
 * control arm, the first visit).
 */
public final class Factor extends Variable {

  private final List<String> levels;
  private final int reference;
  private final int[] codes;
  /** Column of each level within the term, -1 for the reference. */
  private final int[] column;

  private Factor(String name, List<String> levels, int reference, int[] codes) {
    super(name);
    this.levels = List.copyOf(levels);
    if (reference < 0 || reference >= levels.size()) {
      throw new IllegalArgumentException("reference level index " + reference + " outside " + levels);
    }
    this.reference = reference;
    this.codes = codes;
    this.column = new int[levels.size()];
    int c = 0;
    for (int l = 0; l < levels.size(); l++) {
      column[l] = l == reference ? -1 : c++;
    }
  }

  /**
   * A factor from level indices.
   *
   * @param name      variable name
   * @param levels    the levels, in column order
   * @param reference index of the reference level in {@code levels}
   * @param codes     level index of each observation (not copied); observations not used in the design
   *                  may hold any value
   */
  public static Factor of(String name, List<String> levels, int reference, int[] codes) {
    return new Factor(name, levels, reference, codes);
  }

  /**
   * A factor whose levels are the distinct values of the observations {@code rows}, sorted, the first
   * being the reference.
   *
   * @param name   variable name
   * @param values one value per observation
   * @param rows   the observations the design uses (others are coded as the reference)
   */
  public static Factor sorted(String name, List<String> values, int[] rows) {
    TreeSet<String> distinct = new TreeSet<>();
    for (int i : rows) {
      distinct.add(values.get(i));
    }
    List<String> levels = new ArrayList<>(distinct);
    Map<String, Integer> index = new HashMap<>();
    for (int l = 0; l < levels.size(); l++) {
      index.put(levels.get(l), l);
    }
    int[] codes = new int[values.size()];
    for (int i : rows) {
      codes[i] = index.get(values.get(i));
    }
    return new Factor(name, levels, 0, codes);
  }

  /** The levels, in order. */
  public List<String> levels() {
    return levels;
  }

  /** Index of the reference level. */
  public int reference() {
    return reference;
  }

  /** Level index of observation {@code obs}. */
  public int level(int obs) {
    return codes[obs];
  }

  @Override
  public List<String> columnNames() {
    return columns("");
  }

  @Override
  public List<String> columnLabels() {
    return columns(" ");
  }

  private List<String> columns(String separator) {
    List<String> out = new ArrayList<>();
    for (int l = 0; l < levels.size(); l++) {
      if (l != reference) {
        out.add(name() + separator + levels.get(l));
      }
    }
    return out;
  }

  @Override
  public int width() {
    return levels.size() - 1;
  }

  @Override
  public void code(int obs, double[] row, int offset) {
    for (int c = 0; c < levels.size() - 1; c++) {
      row[offset + c] = 0;
    }
    int col = column[codes[obs]];
    if (col >= 0) {
      row[offset + col] = 1;
    }
  }

  @Override
  public void codeAt(Point at, double[] row, int offset) {
    double[] w = at.weights(this);
    for (int l = 0; l < levels.size(); l++) {
      if (column[l] >= 0) {
        row[offset + column[l]] = w[l];
      }
    }
  }

  /** Weights putting everything on level {@code l}. */
  public double[] at(int l) {
    double[] w = new double[levels.size()];
    w[l] = 1;
    return w;
  }

  /** Equal weights 1/k on the k levels (SAS LSMEANS and emmeans defaults for a covariate factor). */
  public double[] balanced() {
    double[] w = new double[levels.size()];
    java.util.Arrays.fill(w, 1.0 / levels.size());
    return w;
  }
}
