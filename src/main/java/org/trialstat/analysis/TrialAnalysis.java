package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.AnalysisResult.ParticipantExclusion;
import org.trialstat.model.AnalysisSettings;
import org.trialstat.model.ArmResult;
import org.trialstat.model.BinaryComparison;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.ComparisonResult;
import org.trialstat.model.DataException;
import org.trialstat.model.Difference;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.MeanSummary;
import org.trialstat.model.MissingPolicy;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.VisitContrast;
import org.trialstat.model.Numbers;
import org.trialstat.model.Observation;
import org.trialstat.model.Proportion;
import org.trialstat.model.ResponseRule;
import org.trialstat.model.RowAccounting;
import org.trialstat.model.TrialData;
import org.trialstat.stats.BinaryEndpointComparison;
import org.trialstat.stats.LinearModel;
import org.trialstat.stats.MeanDifferenceTest;
import org.trialstat.stats.ProportionInterval;
import org.trialstat.stats.SampleStatistics;
import org.trialstat.stats.StandardizedMeanDifference;
import org.trialstat.stats.design.DesignMatrix;
import org.trialstat.stats.design.Factor;
import org.trialstat.stats.design.Intercept;
import org.trialstat.stats.design.Numeric;

/**
 * The participant-level analysis of {@code trialstat analyze}: resolves the settings against the data,
 * derives each participant's change and binary outcomes, and calls the routines of
 * {@code org.trialstat.stats}. The definitions are in {@code docs/methods.md}.
 *
 * <p>Results do not depend on the order of the rows: each statistic sees its values sorted, so a
 * shuffled file gives byte-identical output (arms and comparisons keep the order of first appearance
 * of the arms).
 */
public final class TrialAnalysis {

  /** Row exclusion reason: a visit that is neither baseline nor endpoint nor used by the MMRM. */
  public static final String VISIT_NOT_ANALYSED = "visit_not_analysed";
  /** Row exclusion reason: an empty or NA score at an analysed visit. */
  public static final String MISSING_SCORE = "missing_score";
  /** Row exclusion reason: a post-baseline row (MMRM) of a participant without a baseline score. */
  public static final String NO_BASELINE = "no_baseline";
  /** Participant exclusion reason: the diagnosis needed by an endpoint is unknown (empty cell). */
  public static final String UNKNOWN_DIAGNOSIS = "unknown_diagnosis";

  /** Names of a default control arm (any case), shared by {@code analyze}, {@code mmrm} and {@code summary}. */
  static final Pattern CONTROL_NAME =
      Pattern.compile("placebo|control|sham|comparator", Pattern.CASE_INSENSITIVE);

  private TrialAnalysis() {
  }

  /**
   * Runs the analysis.
   *
   * @throws InvalidOptionException when an option names an arm or visit the data does not have
   * @throws DataException          in strict mode, on the first row excluded for a data problem
   */
  public static AnalysisResult analyze(TrialData data, AnalysisRequest request) {
    List<String> visits = data.visits();
    if (visits.isEmpty()) {
      throw new DataException(data.source(), 0, 0, "the file has no visits");
    }
    if (visits.size() == 1) {
      throw new DataException(data.source(), 0, 0, "every row is at visit '" + visits.get(0)
          + "'; expected at least two visits (a baseline and an endpoint)");
    }
    String baseline = resolveVisit(data, request.baseline(), visits.get(0), "--baseline");
    String endpoint = resolveVisit(data, request.endpoint(), visits.get(visits.size() - 1), "--endpoint");
    int baselineIndex = visits.indexOf(baseline);
    int endpointIndex = visits.indexOf(endpoint);
    if (baselineIndex >= endpointIndex) {
      throw new InvalidOptionException(String.format(Locale.ROOT,
          "%s: the endpoint visit must come after the baseline visit (baseline '%s', endpoint '%s'); visits in order: %s",
          data.source(), baseline, endpoint, String.join(", ", visits)));
    }
    String control = resolveControl(data, request.control());
    double remissionMax = Double.isNaN(request.remissionMax()) ? request.scale().remissionMax()
        : request.remissionMax();
    AnalysisSettings settings = new AnalysisSettings(request.scale(), request.scoreMin(), request.scoreMax(),
        control, baseline, endpoint, request.response(), remissionMax, request.missing(), request.confLevel());

    List<String> notes = new ArrayList<>();
    Map<String, Participant> participants = collect(data, baseline, endpoint);

    // Which post-baseline visits the repeated-measures model would use.
    boolean mmrm = request.repeatedMeasures() == AnalysisRequest.RepeatedMeasures.AUTO
        && control != null && visits.size() - baselineIndex - 1 >= 2;

    RowAccounting rows = accountRows(data, participants, baseline, endpoint, baselineIndex, mmrm,
        request.strictness());

    List<BinaryEndpoint> endpoints = definedEndpoints(data, settings, notes);
    List<ParticipantExclusion> participantExclusions = new ArrayList<>();
    Map<String, ArmData> arms = new LinkedHashMap<>();
    for (String arm : data.arms()) {
      arms.put(arm, new ArmData(arm, data.hasDiagnosis()));
    }
    List<Participant> sorted = new ArrayList<>(participants.values());
    sorted.sort(Comparator.comparing(p -> p.id));
    for (Participant p : sorted) {
      arms.get(p.arm).add(p, settings, endpoints, request.strictness(), data.source());
    }
    boolean zeroBaseline = false;
    for (ArmData a : arms.values()) {
      zeroBaseline |= a.zeroBaselinePercent;
      for (BinaryEndpoint e : endpoints) {
        int unknown = a.unknownDiagnosis.getOrDefault(e, 0);
        if (unknown > 0) {
          participantExclusions.add(new ParticipantExclusion(a.name, e.key(), UNKNOWN_DIAGNOSIS, unknown));
        }
      }
    }
    if (zeroBaseline) {
      notes.add("A baseline score of 0 cannot show a percent drop: such participants are counted as non-responders.");
    }

    double level = request.confLevel();
    List<ArmResult> armResults = new ArrayList<>();
    for (ArmData a : arms.values()) {
      List<Proportion> rates = new ArrayList<>();
      for (BinaryEndpoint e : endpoints) {
        rates.add(ProportionInterval.WILSON.of(a.events(e), a.denominator(e), level));
      }
      armResults.add(new ArmResult(a.name, SampleStatistics.summarize(a.baselineScores(), level),
          SampleStatistics.summarize(a.endpointScores(), level),
          SampleStatistics.summarize(a.changes(), level), rates, endpoints));
    }

    List<ComparisonResult> comparisons = new ArrayList<>();
    MmrmResult mmrmFit = null;
    if (control == null) {
      notes.add("Single-arm study: per-arm results only, no comparisons.");
    } else {
      ArmData c = arms.get(control);
      double[] cc = c.changes();
      Map<String, Difference> ancova = ancova(arms, control, level);
      mmrmFit = mmrm ? MmrmAnalysis.fitForAnalyze(data, control, baseline, level) : null;
      if (mmrmFit != null) {
        notes.add("Repeated-measures model: " + mmrmFit.method() + "; change ~ arm * visit + baseline * visit over "
            + "every post-baseline visit; estimate at " + endpoint + (mmrmFit.converged()
                ? String.format(Locale.ROOT, "; %d participants, %d observations, -2 REML log-likelihood %.2f.",
                    mmrmFit.subjects(), mmrmFit.observations(), mmrmFit.minus2RemlLogLik())
                : "; not estimable: " + mmrmFit.reason() + "."));
      }
      for (ArmData t : arms.values()) {
        if (t.name.equals(control)) {
          continue;
        }
        double[] ct = t.changes();
        List<BinaryComparison> binary = new ArrayList<>();
        for (BinaryEndpoint e : endpoints) {
          binary.add(BinaryEndpointComparison.compare(e, t.events(e), t.denominator(e), c.events(e),
              c.denominator(e), level));
        }
        comparisons.add(new ComparisonResult(t.name, control,
            MeanDifferenceTest.WELCH.test(ct, cc, level),
            MeanDifferenceTest.STUDENT.test(ct, cc, level),
            ancova.get(t.name),
            StandardizedMeanDifference.COHENS_D.compute(ct, cc, level),
            StandardizedMeanDifference.HEDGES_G.compute(ct, cc, level),
            binary, mmrmFit == null ? null : endpointContrast(mmrmFit, t.name, endpoint, level)));
      }
    }
    return new AnalysisResult(data.source(), settings, rows, armResults, comparisons, participantExclusions,
        notes, mmrmFit);
  }

  private static Difference endpointContrast(MmrmResult fit, String treatment, String endpoint, double level) {
    for (VisitContrast v : fit.comparisons()) {
      if (v.treatment().equals(treatment) && v.visit().equals(endpoint)) {
        if (!fit.converged() && v.difference().reason() == null) {
          return Difference.notEstimable(v.difference().method(), level, fit.reason());
        }
        return v.difference();
      }
    }
    return Difference.notEstimable(fit.method(), level, fit.reason() == null ? "no estimate at " + endpoint
        : fit.reason());
  }

  private static String resolveVisit(TrialData data, String requested, String fallback, String option) {
    if (requested == null) {
      return fallback;
    }
    if (data.visits().contains(requested)) {
      return requested;
    }
    throw new InvalidOptionException(String.format(Locale.ROOT, "%s: no visit '%s' in %s; visits present: %s",
        option, requested, data.source(), String.join(", ", data.visits())));
  }

  /**
   * The comparator: the named arm, or the one arm whose name contains placebo, control, sham or
   * comparator (ignoring case). A single-arm file has none.
   */
  static String resolveControl(TrialData data, String requested) {
    List<String> arms = data.arms();
    if (requested != null) {
      if (arms.contains(requested)) {
        return requested;
      }
      throw new InvalidOptionException(String.format(Locale.ROOT, "--control: no arm '%s' in %s; arms present: %s",
          requested, data.source(), String.join(", ", arms)));
    }
    if (arms.size() == 1) {
      return null;
    }
    List<String> matches = arms.stream().filter(a -> CONTROL_NAME.matcher(a).find()).collect(Collectors.toList());
    if (matches.size() == 1) {
      return matches.get(0);
    }
    throw new InvalidOptionException(String.format(Locale.ROOT,
        "%s: cannot tell which arm is the control (%s); name it with --control; arms present: %s",
        data.source(), matches.isEmpty() ? "no arm is named like placebo, control, sham or comparator"
            : "several arms are named like a control: " + String.join(", ", matches),
        String.join(", ", arms)));
  }

  private static Map<String, Participant> collect(TrialData data, String baseline, String endpoint) {
    Map<String, Participant> participants = new LinkedHashMap<>();
    for (Observation o : data.observations()) {
      Participant p = participants.computeIfAbsent(o.participant(), id -> new Participant(id, o.arm()));
      if (o.visit().equals(baseline)) {
        p.baseline = o;
      } else if (o.visit().equals(endpoint)) {
        p.endpoint = o;
      }
    }
    return participants;
  }

  private static RowAccounting accountRows(TrialData data, Map<String, Participant> participants,
      String baseline, String endpoint, int baselineIndex, boolean mmrm, AnalysisRequest.Strictness strictness) {
    int used = 0;
    Map<String, Integer> excluded = new TreeMap<>();
    List<String> visits = data.visits();
    for (Observation o : data.observations()) {
      String reason;
      boolean analysedVisit = o.visit().equals(baseline) || o.visit().equals(endpoint)
          || (mmrm && visits.indexOf(o.visit()) > baselineIndex);
      if (!analysedVisit) {
        reason = VISIT_NOT_ANALYSED;
      } else if (!o.hasScore()) {
        if (strictness == AnalysisRequest.Strictness.STRICT) {
          throw new DataException(data.source(), o.line(), o.scoreColumn(), String.format(Locale.ROOT,
              "participant %s has no score at visit %s; expected a score (--strict makes a missing value an error;"
                  + " without --strict the row is excluded and counted as missing_score)",
              o.participant(), o.visit()));
        }
        reason = MISSING_SCORE;
      } else if (o.visit().equals(baseline) || o.visit().equals(endpoint)) {
        reason = null;
      } else {
        Participant p = participants.get(o.participant());
        reason = p.baseline != null && p.baseline.hasScore() ? null : NO_BASELINE;
      }
      if (reason == null) {
        used++;
      } else {
        excluded.merge(reason, 1, Integer::sum);
      }
    }
    List<RowAccounting.Exclusion> list = new ArrayList<>();
    excluded.forEach((k, v) -> list.add(new RowAccounting.Exclusion(k, v)));
    return new RowAccounting(data.observations().size(), used, list);
  }

  private static List<BinaryEndpoint> definedEndpoints(TrialData data, AnalysisSettings s, List<String> notes) {
    List<BinaryEndpoint> endpoints = new ArrayList<>();
    endpoints.add(BinaryEndpoint.RESPONSE);
    if (data.hasDiagnosis()) {
      endpoints.add(BinaryEndpoint.LOSS_OF_DIAGNOSIS);
    } else {
      notes.add("Loss of diagnosis not computed: the file has no diagnosis column.");
    }
    if (Double.isNaN(s.remissionMax())) {
      notes.add("Remission not computed: the " + s.scale().label()
          + " scale has no default cut-off; set one with --remission-max.");
    } else {
      endpoints.add(BinaryEndpoint.REMISSION);
      if (!data.hasDiagnosis()) {
        notes.add("Remission uses the score rule only (endpoint score <= " + Numbers.shortest(s.remissionMax())
            + "): the file has no diagnosis column.");
      }
    }
    return endpoints;
  }

  /**
   * ANCOVA change ~ arm + baseline over the completers of all arms, control as reference level. The
   * design is built in a canonical order that depends neither on the order of the rows nor on the arm
   * names, so that the QR fit, and the output, are byte-identical for a shuffled or renamed file: rows
   * sorted by participant id, treatment columns ordered by their smallest participant id.
   */
  private static Map<String, Difference> ancova(Map<String, ArmData> arms, String control, double level) {
    List<String> treatments = arms.keySet().stream().filter(a -> !a.equals(control)).collect(Collectors.toList());
    List<Participant> completers = new ArrayList<>();
    for (ArmData a : arms.values()) {
      completers.addAll(a.completers);
    }
    completers.sort(Comparator.comparing(part -> part.id));
    List<String> columns = new ArrayList<>(treatments);
    columns.sort(Comparator.comparing((String a) -> arms.get(a).completers.isEmpty() ? null
        : arms.get(a).completers.get(0).id, Comparator.nullsLast(Comparator.naturalOrder())));
    int n = completers.size();
    List<String> levels = new ArrayList<>(List.of(control));
    levels.addAll(columns);
    int[] armCode = new int[n];
    double[] baseline = new double[n];
    double[] y = new double[n];
    int[] rows = new int[n];
    for (int row = 0; row < n; row++) {
      Participant part = completers.get(row);
      armCode[row] = levels.indexOf(part.arm);
      baseline[row] = part.baseline.score();
      y[row] = part.endpoint.score() - part.baseline.score();
      rows[row] = row;
    }
    Factor arm = Factor.of("arm", levels, 0, armCode);
    DesignMatrix design = DesignMatrix.of(List.of(new Intercept(), arm, new Numeric("baseline", baseline)), rows);
    String method = "ANCOVA: change ~ arm + baseline (all arms, OLS)";
    Map<String, Difference> out = new LinkedHashMap<>();
    LinearModel fit = n > 0 ? LinearModel.fit(design, y) : null;
    for (String t : treatments) {
      // An arm without completers has an all-zero (treatment) or absorbed (control) design column: say so
      // in words instead of the design's "column j is a linear combination of earlier columns".
      String none = arms.get(t).completers.isEmpty() ? "no completers in arm " + t
          : arms.get(control).completers.isEmpty() ? "no completers in the control arm " + control : null;
      out.put(t, none != null ? Difference.notEstimable(method, level, none)
          : fit.coefficientTest(design.offset(arm) + columns.indexOf(t), level, method));
    }
    return out;
  }

  /** A participant's baseline and endpoint observations. */
  private static final class Participant {
    final String id;
    final String arm;
    Observation baseline;
    Observation endpoint;

    Participant(String id, String arm) {
      this.id = id;
      this.arm = arm;
    }

    boolean completer() {
      return baseline != null && baseline.hasScore() && endpoint != null && endpoint.hasScore();
    }
  }

  /** Per-arm accumulation, participants added in id order. */
  private static final class ArmData {
    final String name;
    final List<Double> baselineScores = new ArrayList<>();
    final List<Double> endpointScores = new ArrayList<>();
    final List<Participant> completers = new ArrayList<>();
    final Map<BinaryEndpoint, int[]> counts = new LinkedHashMap<>(); // {events, n}
    final Map<BinaryEndpoint, Integer> unknownDiagnosis = new LinkedHashMap<>();
    final boolean diagnosisColumn;
    boolean zeroBaselinePercent;

    ArmData(String name, boolean diagnosisColumn) {
      this.name = name;
      this.diagnosisColumn = diagnosisColumn;
    }

    void add(Participant p, AnalysisSettings s, List<BinaryEndpoint> endpoints,
        AnalysisRequest.Strictness strictness, String source) {
      if (p.baseline != null && p.baseline.hasScore()) {
        baselineScores.add(p.baseline.score());
      }
      if (p.endpoint != null && p.endpoint.hasScore()) {
        endpointScores.add(p.endpoint.score());
      }
      boolean completer = p.completer();
      if (completer) {
        completers.add(p);
      }
      boolean everyone = s.missing() == MissingPolicy.NONRESPONDER;
      if (!completer && !everyone) {
        return;
      }
      for (BinaryEndpoint e : endpoints) {
        Boolean event = completer ? event(e, p, s, strictness, source) : Boolean.FALSE;
        if (!completer && e == BinaryEndpoint.REMISSION && p.endpoint != null && p.endpoint.hasScore()) {
          // Remission needs only the endpoint: a non-completer with an endpoint score is judged on it.
          event = event(e, p, s, strictness, source);
        }
        if (e == BinaryEndpoint.LOSS_OF_DIAGNOSIS && !completer) {
          // Non-responder imputation: only participants diagnosed at baseline enter the denominator; an
          // observed endpoint diagnosis is used, a missing one counts as no event.
          Boolean dx0 = p.baseline == null ? null : p.baseline.diagnosis();
          Boolean dx1 = p.endpoint == null ? null : p.endpoint.diagnosis();
          event = Boolean.TRUE.equals(dx0) ? Boolean.valueOf(Boolean.FALSE.equals(dx1)) : null;
          if (p.baseline != null && dx0 == null) {
            unknown(e, p.baseline, strictness, source); // as for a completer: an error under --strict
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
      }
    }

    /**
     * {@code x >= bound} for values computed from decimal scores: binary floating point makes
     * 40.3 - 30.3 = 9.9999999999999964, so a drop of exactly 10 would be missed (R's {@code >=} misses
     * it). The comparison allows a relative slack of 1e-9 of the operands' magnitude, far below any
     * real difference between scores recorded to a few decimals.
     */
    static boolean atLeast(double x, double bound, double a, double b) {
      double scale = Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
      return x >= bound - 1e-9 * scale;
    }

    /** The event for a completer; null when the participant is not in this endpoint's denominator. */
    private Boolean event(BinaryEndpoint e, Participant p, AnalysisSettings s,
        AnalysisRequest.Strictness strictness, String source) {
      double f = p.endpoint.score();
      switch (e) {
        case RESPONSE:
          double b = p.baseline.score();
          if (s.response().kind() == ResponseRule.Kind.DROP) {
            return atLeast(b - f, s.response().threshold(), b, f);
          }
          if (b == 0) {
            zeroBaselinePercent = true;
            return false;
          }
          return atLeast(100 * (b - f), s.response().threshold() * b, 100 * b, 100 * f);
        case LOSS_OF_DIAGNOSIS: {
          Boolean dx0 = p.baseline.diagnosis();
          Boolean dx1 = p.endpoint.diagnosis();
          if (Boolean.FALSE.equals(dx0)) {
            return null; // not diagnosed at baseline: not in the denominator by definition
          }
          if (dx0 == null || dx1 == null) {
            unknown(e, dx0 == null ? p.baseline : p.endpoint, strictness, source);
            return null;
          }
          return !dx1;
        }
        case REMISSION: {
          boolean scoreRule = f <= s.remissionMax();
          if (!diagnosisColumn) {
            return scoreRule; // score rule only, noted
          }
          Boolean dx1 = p.endpoint.diagnosis();
          if (dx1 == null) {
            unknown(e, p.endpoint, strictness, source);
            return null;
          }
          return scoreRule && !dx1;
        }
        default:
          throw new IllegalStateException(e.toString());
      }
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
      return sorted(baselineScores);
    }

    double[] endpointScores() {
      return sorted(endpointScores);
    }

    double[] changes() {
      double[] d = new double[completers.size()];
      for (int i = 0; i < d.length; i++) {
        Participant p = completers.get(i);
        d[i] = p.endpoint.score() - p.baseline.score();
      }
      Arrays.sort(d);
      return d;
    }

    private static double[] sorted(List<Double> values) {
      double[] d = values.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(d);
      return d;
    }
  }
}
