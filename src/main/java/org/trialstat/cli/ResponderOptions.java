package org.trialstat.cli;

import org.trialstat.model.ResponseRule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The responder and remission rules of the binary endpoints, shared by {@code analyze} (a drop of 10 points
 * unless told otherwise) and {@code impute} (no binary endpoint without one of them; approx-bayes only).
 * docs/methods.md defines both rules.
 */
final class ResponderOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Response response = new Response();

  /** The two mutually exclusive responder rules. */
  static final class Response {
    @Option(names = "--response-drop", paramLabel = "POINTS",
        description = "Responder: a drop of at least POINTS from baseline (analyze: default 10, as MAPP1/MAPP2; "
            + "impute: no default, approx-bayes only, from the imputed score at each visit).")
    Double drop;

    @Option(names = "--response-pct", paramLabel = "PERCENT",
        description = "Responder: a drop of at least PERCENT %% of the baseline score (>=, see docs/methods.md; "
            + "impute: as --response-drop).")
    Double pct;
  }

  @Option(names = "--remission-max", paramLabel = "SCORE",
      description = "Remission: score <= SCORE (analyze: the endpoint score and no diagnosis, default the scale's "
          + "cut-off; impute: no default, approx-bayes only, the imputed score at each visit, pooled by Rubin's "
          + "rules).")
  Double remissionMax;

  /**
   * The rule of {@code --response-drop} or {@code --response-pct}, null without either.
   *
   * @throws ParameterException when the value is not a positive finite number
   */
  ResponseRule rule() {
    Double v = response.pct != null ? response.pct : response.drop;
    if (v == null) {
      return null;
    }
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new ParameterException(spec.commandLine(), (response.pct != null ? "--response-pct" : "--response-drop")
          + ": expected a positive number; got " + v);
    }
    return new ResponseRule(response.pct != null ? ResponseRule.Kind.PERCENT : ResponseRule.Kind.DROP, v);
  }

  /**
   * The cut-off of {@code --remission-max}, NaN without it (the command's default applies).
   *
   * @throws ParameterException when the value is not finite
   */
  double remissionMax() {
    if (remissionMax == null) {
      return Double.NaN;
    }
    if (!Double.isFinite(remissionMax)) {
      throw new ParameterException(spec.commandLine(), "--remission-max: expected a finite score");
    }
    return remissionMax;
  }
}
