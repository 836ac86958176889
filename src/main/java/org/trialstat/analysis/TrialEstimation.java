package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.AnalysisResult.ParticipantExclusion;
import org.trialstat.model.AnalysisSettings;
import org.trialstat.model.ArmLsMean;
import org.trialstat.model.ArmResult;
import org.trialstat.model.Background;
import org.trialstat.model.LsMean;
import org.trialstat.model.LsMeansWeights;
import org.trialstat.model.QuantileType;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Comparison;
import org.trialstat.model.Effect;
import org.trialstat.model.Estimate;
import org.trialstat.model.Statistic;
import org.trialstat.model.DataException;
import org.trialstat.model.Difference;
import org.trialstat.model.MeanSummary;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.VisitContrast;
import org.trialstat.model.VisitResult;
import org.trialstat.model.Proportion;
import org.trialstat.model.RowAccounting;
import org.trialstat.model.SubgroupResult;
import org.trialstat.model.TrialData;
import org.trialstat.stats.BinaryEndpointComparison;
import org.trialstat.stats.LsMeans;
import org.trialstat.stats.MeanDifferenceTest;
import org.trialstat.stats.SampleQuantiles;
import org.trialstat.stats.ProportionInterval;
import org.trialstat.stats.SampleStatistics;
import org.trialstat.stats.StandardizedMeanDifference;

/**
 * The estimates of {@code analyze} from prepared data: per-arm summaries and rates, every comparison with
 * the control (t tests, ANCOVA, MMRM, d and g, binary endpoints). The definitions are in
 * {@code docs/methods.md}.
 *
 * <p>Results do not depend on the order of the rows: each statistic sees its values sorted, so a
 * shuffled file gives byte-identical output (arms and comparisons keep the order of first appearance
 * of the arms).
 */
final class TrialEstimation {

  /** Participant exclusion reason: the diagnosis needed by an endpoint is unknown (empty cell). */
  static final String UNKNOWN_DIAGNOSIS = TrialAnalysis.UNKNOWN_DIAGNOSIS;

  /**
   * Tables from this many rows on have their MMRM fitted on a thread of its own while the per-arm
   * statistics and the ANCOVA are computed ({@link Background}: the same result either way; an error of
   * the per-arm work, which comes first in the output's order, is the one reported when both fail).
   */
  static final int BACKGROUND_ROWS = 50_000;

  private TrialEstimation() {
  }

  /**
   * Every estimate of the prepared trial: a function of its data alone (no I/O), so that imputation and
   * resampling can call it once per completed data set.
   *
   * @throws DataException in strict mode, on the first participant whose diagnosis an endpoint needs and
   *                       the file lacks
   */
  static AnalysisResult estimate(PreparedTrial prepared) {
    TrialData data = prepared.data();
    AnalysisSettings settings = prepared.settings();
    List<BinaryEndpoint> endpoints = prepared.endpoints();
    List<String> notes = new ArrayList<>(prepared.notes());
    String control = settings.control();
    String endpoint = settings.endpoint();
    String baseline = settings.baseline();
    boolean mmrm = prepared.mmrm();
    RowAccounting rows = prepared.rows();
    List<ParticipantExclusion> participantExclusions = new ArrayList<>();
    double level = settings.confLevel();
    MmrmPlan mmrmPlan = prepared.mmrmPlan();
    // The MMRM needs only the table: a large one's is fitted beside the per-arm work and the ANCOVA.
    Supplier<MmrmAnalysis.AnalyzeFit> mmrmTask = control == null || !mmrm ? () -> null
        : Background.start(data.table().size() >= BACKGROUND_ROWS, "trialstat-mmrm", () ->
            MmrmAnalysis.fitForAnalyze(data, control, baseline, level, prepared.covariates(), mmrmPlan,
                settings.lsmeansWeights()));
    Map<String, ArmData> arms = new LinkedHashMap<>();
    var stratumOf = Stratification.stratumOf(data, prepared.strata());
    String emptyStrata = Stratification.emptyCellNote(prepared.participants(), stratumOf, prepared.strata());
    if (emptyStrata != null) {
      notes.add(emptyStrata);
    }
    for (String arm : data.arms()) {
      arms.put(arm, new ArmData(arm, data.hasDiagnosis(), stratumOf, !prepared.covariates().isEmpty()));
    }
    for (Participant p : prepared.participants()) {
      arms.get(p.arm).add(p, settings, endpoints, prepared.strictness(), data.source());
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
    Stratification.emptyCellCounts(prepared.participants(), stratumOf, prepared.strata()).forEach((arm, count) ->
        participantExclusions.add(new ParticipantExclusion(arm, Statistic.CMH.key(), Stratification.MISSING_STRATA,
            count)));
    if (control != null && !prepared.covariates().isEmpty()) {
      BinaryAdjustment.missing(arms.values(), data, prepared.covariates()).forEach((arm, count) ->
          participantExclusions.add(new ParticipantExclusion(arm, Statistic.ADJUSTED.key(),
              BinaryAdjustment.MISSING_COVARIATE, count)));
    }
    if (zeroBaseline) {
      notes.add("A baseline score of 0 cannot show a percent drop: such participants are counted as non-responders.");
    }

    List<ArmResult> armResults = new ArrayList<>();
    for (ArmData a : arms.values()) {
      List<Proportion> rates = new ArrayList<>();
      for (BinaryEndpoint e : endpoints) {
        rates.add(ProportionInterval.WILSON.of(a.events(e), a.denominator(e), level));
      }
      QuantileType qt = settings.quantileType();
      ArmResult.Quantiles quantiles = new ArmResult.Quantiles(SampleQuantiles.summarize(a.baselineScores(), qt),
          SampleQuantiles.summarize(a.endpointScores(), qt), SampleQuantiles.summarize(a.changes(), qt));
      armResults.add(new ArmResult(a.name, SampleStatistics.summarize(a.baselineScores(), level),
          SampleStatistics.summarize(a.endpointScores(), level),
          changeSummary(a.changes(), level), rates, endpoints, quantiles, null));
    }

    // The observed changes by visit, computed while a large table's MMRM may still be fitted.
    Function<MmrmResult, List<VisitResult>> visits = VisitTrajectory.observed(data, prepared.participants(),
        baseline, level);
    List<Comparison> comparisons = new ArrayList<>();
    MmrmResult mmrmFit = null;
    Difference doseResponse = null;
    SubgroupResult subgroups = null;
    AnalysisResult.Models models = AnalysisResult.Models.NONE;
    if (control == null) {
      notes.add("Single-arm study: per-arm results only, no comparisons.");
    } else {
      Ancova.Fit ancovaFit = Ancova.fit(arms, control, level, data, prepared.covariates(), settings.lsmeansWeights());
      Map<String, Difference> ancova = ancovaFit.contrasts();
      notes.addAll(ancovaFit.notes());
      ancovaFit.missing().forEach((arm, count) -> participantExclusions.add(
          new ParticipantExclusion(arm, "ancova", Ancova.MISSING_COVARIATE, count)));
      MmrmAnalysis.AnalyzeFit analyzeFit = mmrmTask.get();
      mmrmFit = analyzeFit == null ? null : analyzeFit.fit();
      models = new AnalysisResult.Models(ancovaFit.model(), analyzeFit == null ? null : analyzeFit.model());
      if (mmrmFit != null) {
        if (!mmrmFit.converged()) {
          rows = RowCounter.moveUsed(rows, mmrmPlan.onlyRows(), RowCounter.MODEL_NOT_ESTIMABLE);
        }
        List<String> post = data.visits().subList(data.visits().indexOf(baseline) + 1, data.visits().size());
        notes.add("Repeated-measures model: " + mmrmFit.method() + "; change ~ arm * visit + baseline * visit"
            + prepared.covariates().formulaTail(true) + " over "
            + (mmrmPlan.visits().equals(post) ? "every post-baseline visit"
                : "visits " + String.join(", ", mmrmPlan.visits())) + "; estimate at " + endpoint + (mmrmFit.converged()
                ? String.format(Locale.ROOT, "; %d participants, %d observations, %s %.2f.",
                    mmrmFit.subjects(), mmrmFit.observations(), mmrmFit.logLikLabel(), mmrmFit.minus2RemlLogLik())
                : "; not estimable: " + mmrmFit.reason() + "."));
      }
      ComparisonPlan plan = prepared.plan();
      Map<String, Double> dose = plan.doseColumn() == null ? null : Doses.perArm(data, plan.doseColumn());
      List<ComparisonPlan.Pair> pairs = plan.pairs(data.arms(), control, dose, data.source());
      Map<String, MmrmResult> refits = new LinkedHashMap<>();
      for (ComparisonPlan.Pair pair : pairs) {
        ArmData t = arms.get(pair.treatment());
        ArmData c = arms.get(pair.control());
        boolean vsControl = c.name.equals(control);
        double[] ct = t.changes();
        double[] cc = c.changes();
        int n = ct.length + cc.length;
        String overflow = changeOverflow(ct) != null ? changeOverflow(ct) : changeOverflow(cc);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect(Statistic.WELCH, Effect.CHANGE, overflow != null
            ? Difference.notEstimable(MeanDifferenceTest.WELCH.methodName(), level, overflow)
            : MeanDifferenceTest.WELCH.test(ct, cc, level), n));
        effects.add(new Effect(Statistic.STUDENT, Effect.CHANGE, overflow != null
            ? Difference.notEstimable(MeanDifferenceTest.STUDENT.methodName(), level, overflow)
            : MeanDifferenceTest.STUDENT.test(ct, cc, level), n));
        effects.add(new Effect(Statistic.ANCOVA, Effect.CHANGE, vsControl ? ancova.get(t.name)
            : ancovaFit.pairs().contrast(t.name, c.name), Effect.NO_N));
        if (mmrmFit != null) {
          // Another reference arm: the same model with that arm as the reference level (R: relevel).
          MmrmResult fit = vsControl ? mmrmFit : refits.computeIfAbsent(c.name, ref ->
              MmrmAnalysis.fitForAnalyze(data, ref, baseline, level, prepared.covariates(),
                  mmrmPlan, settings.lsmeansWeights()).fit());
          effects.add(new Effect(Statistic.MMRM, Effect.CHANGE, endpointContrast(fit, t.name, endpoint, level),
              Effect.NO_N));
        }
        Estimate d = overflow != null
            ? Estimate.notEstimable(level, StandardizedMeanDifference.COHENS_D.methodName(), overflow)
            : StandardizedMeanDifference.COHENS_D.compute(ct, cc, level);
        String asymptotic = SummaryAnalysis.asymptoticNote(t.name + " vs " + control, d);
        if (asymptotic != null) {
          notes.add(asymptotic);
        }
        effects.add(new Effect(Statistic.COHENS_D, Effect.CHANGE, d, n));
        effects.add(new Effect(Statistic.HEDGES_G, Effect.CHANGE, overflow != null
            ? Estimate.notEstimable(level, StandardizedMeanDifference.HEDGES_G.methodName(), overflow)
            : StandardizedMeanDifference.HEDGES_G.compute(ct, cc, level), n));
        for (BinaryEndpoint e : endpoints) {
          effects.addAll(BinaryEndpointComparison.compare(e, t.events(e), t.denominator(e), c.events(e),
              c.denominator(e), level).effects());
          if (!prepared.strata().isEmpty()) {
            effects.add(Stratification.effect(e, t, c, level));
          }
          if (!prepared.covariates().isEmpty()) {
            effects.add(BinaryAdjustment.effect(e, t, c, level, data, prepared.covariates()));
          }
        }
        comparisons.add(new Comparison(t.name, c.name, effects));
      }
      comparisons = Multiplicities.apply(comparisons, pairs, plan.adjust(), ancovaFit.pairs(), mmrmFit,
          endpoint, notes);
      if (prepared.plan().subgroupColumn() != null) {
        subgroups = SubgroupAnalysis.of(prepared, pairs);
        subgroups.missing().forEach(m -> participantExclusions.add(new ParticipantExclusion(m.arm(),
            SubgroupAnalysis.OUTCOME, SubgroupAnalysis.MISSING_SUBGROUP, m.n())));
      }
      if (dose != null) {
        doseResponse = Ancova.doseResponse(arms, dose, level, data, prepared.covariates());
      }
      for (int i = 0; i < armResults.size(); i++) {
        ArmResult a = armResults.get(i);
        armResults.set(i, a.withLsMeans(new ArmResult.LsMeans(ancovaFit.lsmeans().get(a.arm()),
            endpointLsMean(mmrmFit, a.arm(), endpoint, level, settings.lsmeansWeights()))));
      }
    }
    return new AnalysisResult(data.source(), settings, rows, armResults, comparisons, participantExclusions,
        notes, mmrmFit, visits.apply(mmrmFit), models,
        doseResponse, subgroups, List.of());
  }

  /**
   * The reason when a change endpoint - baseline overflowed to infinity (scores near +-1.8e308 under
   * {@code --scale none}), or null.
   */
  static String changeOverflow(double[] changes) {
    for (double c : changes) {
      if (!Double.isFinite(c)) {
        return SampleStatistics.beyondDouble("a change from baseline (endpoint - baseline)");
      }
    }
    return null;
  }

  /** The summary of changes, or n with NaN numbers and the reason when a change overflowed. */
  static MeanSummary changeSummary(double[] changes, double level) {
    String overflow = changeOverflow(changes);
    if (overflow == null) {
      return SampleStatistics.summarize(changes, level);
    }
    double nan = Double.NaN;
    return new MeanSummary(changes.length, nan, nan, nan, nan, nan, level, SampleStatistics.METHOD, overflow);
  }

  /**
   * The MMRM's LS mean of an arm at the endpoint: the {@code visits[]} LS mean of that visit with the
   * weights and method named; null without an MMRM.
   */
  private static ArmLsMean endpointLsMean(MmrmResult fit, String arm, String endpoint, double level,
      LsMeansWeights weights) {
    if (fit == null) {
      return null;
    }
    String method = weights.lsMeanMethod(fit.method());
    LsMean m = VisitTrajectory.lsmean(fit, arm, endpoint);
    if (m == null) {
      return ArmLsMean.notEstimable(level, weights, method, fit.reason() == null ? "no estimate at " + endpoint
          : fit.reason());
    }
    return new ArmLsMean(m.estimate(), m.se(), m.df(), m.ciLow(), m.ciHigh(), m.confLevel(), weights, method,
        Double.isNaN(m.estimate()) ? "not estimable" : null);
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
}
