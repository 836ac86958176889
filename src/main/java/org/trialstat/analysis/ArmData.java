package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.trialstat.model.AnalysisSettings;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.DataException;
import org.trialstat.model.MissingPolicy;
import org.trialstat.model.Observation;
import org.trialstat.model.ResponseRule;

/** Per-arm accumulation, participants added in id order. */
final class ArmData {
  final String name;
  private final Doubles baselineScores = new Doubles();
  private final Doubles endpointScores = new Doubles();
  final List<Participant> completers = new ArrayList<>();
  /** {@link #changes()}, once computed. */
  private double[] changes;
  final Map<BinaryEndpoint, int[]> counts = new LinkedHashMap<>(); // {events, n}
  final Map<BinaryEndpoint, Integer> unknownDiagnosis = new LinkedHashMap<>();
  final boolean diagnosisColumn;
  boolean zeroBaselinePercent;
  /** Events and n per endpoint and stratum (analyze --strata), strata in first-seen order. */
  final Map<BinaryEndpoint, Map<String, int[]>> strataCounts = new LinkedHashMap<>();
  /**
   * Each participant in an endpoint's denominator with its event, in id order: for the covariate
   * adjustment, empty unless kept.
   */
  final Map<BinaryEndpoint, List<Outcome>> outcomes = new LinkedHashMap<>();

  /** A participant's value of one binary endpoint. */
  record Outcome(Participant participant, boolean event) {
  }

  /** The stratum of a participant, null when not stratified or the stratum cell is empty. */
  private final Function<Participant, String> stratumOf;
  private final boolean keepOutcomes;

  /**
   * @param keepOutcomes whether to keep each participant's outcome per endpoint ({@link #outcomes}, for
   *                     the covariate adjustment only: an object per participant and endpoint otherwise
   *                     held for nothing)
   */
  ArmData(String name, boolean diagnosisColumn, Function<Participant, String> stratumOf, boolean keepOutcomes) {
    this.name = name;
    this.diagnosisColumn = diagnosisColumn;
    this.stratumOf = stratumOf;
    this.keepOutcomes = keepOutcomes;
  }

  void add(Participant p, AnalysisSettings s, List<BinaryEndpoint> endpoints,
      AnalysisRequest.Strictness strictness, String source) {
    if (p.hasBaselineScore()) {
      baselineScores.add(p.baselineScore());
    }
    if (p.hasEndpointScore()) {
      endpointScores.add(p.endpointScore());
    }
    boolean completer = p.completer();
    if (completer) {
      completers.add(p);
      changes = null;
    }
    boolean everyone = s.missing() == MissingPolicy.NONRESPONDER;
    if (!completer && !everyone) {
      return;
    }
    for (BinaryEndpoint e : endpoints) {
      Boolean event = completer ? event(e, p, s, everyone, strictness, source) : Boolean.FALSE;
      if (!completer && e == BinaryEndpoint.REMISSION && p.hasEndpointScore()) {
        // Remission needs only the endpoint: a non-completer with an endpoint score is judged on it.
        event = event(e, p, s, everyone, strictness, source);
      }
      if (e == BinaryEndpoint.LOSS_OF_DIAGNOSIS && !completer) {
        // Non-responder imputation: only participants diagnosed at baseline enter the denominator; an
        // observed endpoint diagnosis is used, a missing one counts as no event.
        Boolean dx0 = p.baseline() == null ? null : p.baseline().diagnosis();
        Boolean dx1 = p.endpoint() == null ? null : p.endpoint().diagnosis();
        event = Boolean.TRUE.equals(dx0) ? Boolean.valueOf(Boolean.FALSE.equals(dx1)) : null;
        if (p.baseline() != null && dx0 == null) {
          unknown(e, p.baseline(), strictness, source); // as for a completer: an error under --strict
        } else if (dx0 == null) {
          unknownDiagnosis.merge(e, 1, Integer::sum); // no baseline row at all: nothing to point at
        }
      }
      if (event == null) {
        continue;
      }
      int[] c = counts.computeIfAbsent(e, k -> new int[2]);
      if (event) {
        c[0]++;
      }
      c[1]++;
      if (keepOutcomes) {
        outcomes.computeIfAbsent(e, k -> new ArrayList<>()).add(new Outcome(p, event));
      }
      String stratum = stratumOf.apply(p);
      if (stratum != null) {
        int[] sc = strataCounts.computeIfAbsent(e, k -> new LinkedHashMap<>()).computeIfAbsent(stratum,
            k -> new int[2]);
        sc[0] += event ? 1 : 0;
        sc[1]++;
      }
    }
  }

  /**
   * {@code x >= bound} for values computed from decimal scores: binary floating point makes
   * 40.3 - 30.3 = 9.9999999999999964, so a drop of exactly 10 would be missed (R's {@code >=} misses
   * it). The comparison allows a slack of {@value #ULPS} units in the last place of the larger operand
   * ({@code ULPS * Math.ulp(max(|a|, |b|))}): the rounding of one subtraction of decimal scores is at most
   * one such unit, and the slack stays below any real difference however large the scores (a relative
   * slack of 1e-9 counted a drop of 0 between scores near 1e10 as a drop of 10; issue 16 item 14).
   */
  static boolean atLeast(double x, double bound, double a, double b) {
    return x >= bound - ULPS * Math.ulp(Math.max(Math.abs(a), Math.abs(b)));
  }

  /** Units in the last place that {@link #atLeast} allows. */
  static final int ULPS = 8;

  /**
   * The event for a participant with an endpoint score, decided from what is known (docs/methods.md,
   * "Unknown diagnoses"): null when the participant is not in this endpoint's denominator, counted
   * {@code unknown_diagnosis} when only a missing diagnosis cell could decide it. A remission is decided
   * "no" by a score above the cut-off whatever the diagnosis cell; under {@code --missing nonresponder}
   * ({@code missingIsNoEvent}) a missing endpoint diagnosis is no event, as a missing endpoint is.
   */
  private Boolean event(BinaryEndpoint e, Participant p, AnalysisSettings s, boolean missingIsNoEvent,
      AnalysisRequest.Strictness strictness, String source) {
    double f = p.endpointScore();
    switch (e) {
      case RESPONSE:
        double b = p.baselineScore();
        if (s.response().kind() == ResponseRule.Kind.DROP) {
          return atLeast(b - f, s.response().threshold(), b, f);
        }
        if (b == 0) {
          zeroBaselinePercent = true;
          return false;
        }
        return atLeast(100 * (b - f), s.response().threshold() * b, 100 * b, 100 * f);
      case LOSS_OF_DIAGNOSIS: {
        Boolean dx0 = p.baseline().diagnosis();
        if (Boolean.FALSE.equals(dx0)) {
          return null; // not diagnosed at baseline: not in the denominator by definition
        }
        if (dx0 == null) {
          unknown(e, p.baseline(), strictness, source); // in the denominator or not: undecidable
          return null;
        }
        return noDiagnosisAtEndpoint(e, p, missingIsNoEvent, strictness, source);
      }
      case REMISSION: {
        boolean scoreRule = f <= s.remissionMax();
        if (!diagnosisColumn) {
          return scoreRule; // score rule only, noted
        }
        if (!scoreRule) {
          return false; // a score above the cut-off decides it, whatever the diagnosis cell says
        }
        return noDiagnosisAtEndpoint(e, p, missingIsNoEvent, strictness, source);
      }
      default:
        throw new IllegalStateException(e.toString());
    }
  }

  /**
   * Whether the endpoint visit has no diagnosis (the second half of loss of diagnosis and of remission): a
   * missing value is no event with {@code missingIsNoEvent}, else unknown (null, counted, or an error with
   * --strict).
   */
  private Boolean noDiagnosisAtEndpoint(BinaryEndpoint e, Participant p, boolean missingIsNoEvent,
      AnalysisRequest.Strictness strictness, String source) {
    Boolean dx1 = p.endpoint().diagnosis();
    if (dx1 == null && missingIsNoEvent) {
      return false;
    }
    if (dx1 == null) {
      unknown(e, p.endpoint(), strictness, source);
      return null;
    }
    return !dx1;
  }

  private void unknown(BinaryEndpoint e, Observation o, AnalysisRequest.Strictness strictness, String source) {
    if (strictness == AnalysisRequest.Strictness.STRICT) {
      throw new DataException(source, o.line(), o.diagnosisColumn(), String.format(Locale.ROOT,
          "participant %s has no diagnosis value at visit %s; expected 1/0, Y/N, yes/no or true/false (--strict"
              + " makes a missing value an error; without --strict the participant is left out of %s and counted"
              + " as unknown_diagnosis)", o.participant(), o.visit(), e.key()));
    }
    unknownDiagnosis.merge(e, 1, Integer::sum);
  }

  int events(BinaryEndpoint e) {
    int[] c = counts.get(e);
    return c == null ? 0 : c[0];
  }

  int denominator(BinaryEndpoint e) {
    int[] c = counts.get(e);
    return c == null ? 0 : c[1];
  }

  double[] baselineScores() {
    return baselineScores.sorted();
  }

  double[] endpointScores() {
    return endpointScores.sorted();
  }

  /** The completers' changes from baseline, sorted (a copy: computed once until the next {@link #add}). */
  double[] changes() {
    if (changes == null) {
      double[] d = new double[completers.size()];
      for (int i = 0; i < d.length; i++) {
        Participant p = completers.get(i);
        d[i] = p.endpointScore() - p.baselineScore();
      }
      Doubles.sort(d);
      changes = d;
    }
    return changes.clone();
  }

}
