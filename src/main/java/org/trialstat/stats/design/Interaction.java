package org.trialstat.stats.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The interaction of two terms: the products of their columns, named {@code a:b} as R's
 * {@code model.matrix} with the first term's columns varying fastest ({@code visitweek8:armMDMA},
 * {@code visitweek12:armMDMA}, ...; R names an interaction's variables in their order of first
 * appearance in the formula, so {@code ~ visit * arm} gives these names). Labels join the components'
 * labels with {@code " x "}, the slower-varying (second) term first ({@code arm MDMA x visit week8},
 * {@code baseline x visit week8}).
 */
public final class Interaction implements Term {

  private final Term first;
  private final Term second;

  /**
   * @param first  the term whose columns vary fastest
   * @param second the other term
   */
  public Interaction(Term first, Term second) {
    this.first = Objects.requireNonNull(first, "first");
    this.second = Objects.requireNonNull(second, "second");
  }

  @Override
  public String name() {
    return first.name() + ":" + second.name();
  }

  /** The term whose columns vary fastest. */
  Term first() {
    return first;
  }

  /** The other term. */
  Term second() {
    return second;
  }

  @Override
  public List<String> columnNames() {
    return combine(first.columnNames(), second.columnNames(), ":", false);
  }

  @Override
  public List<String> columnLabels() {
    return combine(first.columnLabels(), second.columnLabels(), " x ", true);
  }

  /** All pairs, the first list varying fastest; joined a + sep + b, or b + sep + a when swapped. */
  private static List<String> combine(List<String> a, List<String> b, String sep, boolean swap) {
    List<String> out = new ArrayList<>();
    for (String y : b) {
      for (String x : a) {
        out.add(swap ? y + sep + x : x + sep + y);
      }
    }
    return out;
  }

  @Override
  public int width() {
    return first.width() * second.width();
  }

  @Override
  public void code(int obs, double[] row, int offset) {
    product((t, r) -> t.code(obs, r, 0), row, offset);
  }

  @Override
  public void codeAt(Point at, double[] row, int offset) {
    product((t, r) -> t.codeAt(at, r, 0), row, offset);
  }

  private void product(BiConsumer<Term, double[]> coding, double[] row, int offset) {
    double[] a = new double[first.width()];
    double[] b = new double[second.width()];
    coding.accept(first, a);
    coding.accept(second, b);
    for (int j = 0; j < b.length; j++) {
      for (int i = 0; i < a.length; i++) {
        double v = a[i] * b[j];
        row[offset + j * a.length + i] = v == 0 ? 0 : v;
      }
    }
  }
}
