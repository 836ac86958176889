package org.trialstat.stats.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The inputs of each observation's design row, dictionary-coded: the level of every {@link Factor} and
 * the value of every {@link Numeric} that the terms of a design read (each variable once, however many
 * terms use it). A design row is a function of these inputs alone ({@link Intercept} is constant, an
 * {@link Interaction} the product of its components' codings), so two observations with the same input
 * code have the same design row, bit for bit: a caller that codes the distinct rows can compute a row
 * only for inputs it has not seen ({@code stats.mmrm.Design}). Numeric values are compared by
 * {@link Double#doubleToLongBits} (-0.0 and 0.0 are different inputs).
 *
 * <p>A hash table with linear probing ({@link ProbeTable}) over the inputs, hashed as
 * {@code DesignRows} hashes rows (31 h + v, then {@link ProbeTable#finish}); codes are dense, in order of
 * first appearance. At most {@code limit} distinct inputs are
 * kept, so that a design with a continuous covariate (every observation new) stays in bounded memory:
 * past it, {@link #code} answers -1 for inputs not seen before. Not thread-safe: one instance per pass.
 */
public final class RowInputs {

  private final Factor[] factors;
  private final Numeric[] numerics;
  /** Inputs per observation. */
  private final int k;
  private final int limit;
  private final long[] key;
  private long[] keys;
  private int size;
  private int[] table = ProbeTable.empty(64);

  private RowInputs(List<Variable> variables, int limit) {
    List<Factor> f = new ArrayList<>();
    List<Numeric> n = new ArrayList<>();
    for (Variable v : variables) {
      if (v instanceof Factor factor) {
        f.add(factor);
      } else {
        n.add((Numeric) v);
      }
    }
    factors = f.toArray(new Factor[0]);
    numerics = n.toArray(new Numeric[0]);
    k = factors.length + numerics.length;
    this.limit = limit;
    key = new long[k];
    keys = new long[16 * Math.max(k, 1)];
  }

  /**
   * The inputs of {@code terms}.
   *
   * @param limit the most distinct inputs kept (at least 0)
   */
  static RowInputs of(List<Term> terms, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    List<Variable> variables = new ArrayList<>();
    for (Term t : terms) {
      collect(t, variables);
    }
    return new RowInputs(variables, limit);
  }

  private static void collect(Term t, List<Variable> out) {
    if (t instanceof Interaction i) {
      collect(i.first(), out);
      collect(i.second(), out);
    } else if (t instanceof Variable v && out.stream().noneMatch(seen -> seen == v)) {
      out.add(v);
    }
  }

  /** Number of inputs per observation (factors and numeric variables of the design). */
  public int width() {
    return k;
  }

  /** Number of distinct inputs coded so far. */
  public int size() {
    return size;
  }

  /**
   * The code of observation {@code obs}'s inputs, added when new; -1 when they are new and
   * {@code limit} distinct inputs are already kept.
   */
  public int code(int obs) {
    for (int j = 0; j < factors.length; j++) {
      key[j] = factors[j].level(obs);
    }
    for (int j = 0; j < numerics.length; j++) {
      key[factors.length + j] = Double.doubleToLongBits(numerics[j].value(obs));
    }
    int mask = table.length - 1;
    for (int t = hash(key, 0) & mask; ; t = (t + 1) & mask) {
      int c = table[t];
      if (c < 0) {
        return add(t);
      }
      if (Arrays.equals(keys, c * k, c * k + k, key, 0, k)) {
        return c;
      }
    }
  }

  private int add(int slot) {
    if (size >= limit) {
      return -1;
    }
    if ((size + 1) * k > keys.length) {
      keys = Arrays.copyOf(keys, keys.length * 2);
    }
    System.arraycopy(key, 0, keys, size * k, k);
    table[slot] = size;
    size++;
    if (size * 2 > table.length) {
      rehash();
    }
    return size - 1;
  }

  private int hash(long[] v, int offset) {
    long h = 1;
    for (int j = 0; j < k; j++) {
      h = 31 * h + v[offset + j];
    }
    return ProbeTable.finish(h);
  }

  private void rehash() {
    table = ProbeTable.grown(table, size, c -> hash(keys, c * k));
  }
}
