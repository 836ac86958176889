package org.trialstat.model;

import java.util.List;
import java.util.Objects;

/**
 * The fixed-effects model a fit used, as reported in {@code ancova_fit.model} and {@code mmrm_fit.model}.
 *
 * @param formula the model in R's formula notation, for example {@code change ~ arm + baseline + SITE}
 * @param terms   the terms beyond the intercept, in formula order
 */
public record FittedModel(String formula, List<Term> terms) {

  public FittedModel {
    Objects.requireNonNull(formula, "formula");
    terms = List.copyOf(terms);
  }

  /**
   * One term of the model.
   *
   * @param name   the column (or {@code arm}, {@code visit}, {@code baseline})
   * @param kind   {@code numeric} or {@code factor}
   * @param levels a factor's levels in sorted order (the first is the reference level); empty for a numeric
   *               term
   */
  public record Term(String name, String kind, List<String> levels) {

    /** Kind of a numeric term. */
    public static final String NUMERIC = "numeric";
    /** Kind of a factor term. */
    public static final String FACTOR = "factor";

    public Term {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      levels = List.copyOf(levels);
    }
  }
}
