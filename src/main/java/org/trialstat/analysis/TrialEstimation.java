package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.AnalysisResult.ParticipantExclusion;
import org.trialstat.model.AnalysisSettings;
import org.trialstat.model.ArmResult;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Comparison;
import org.trialstat.model.Effect;
import org.trialstat.model.Statistic;
import org.trialstat.model.DataException;
import org.trialstat.model.Difference;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.VisitContrast;
import org.trialstat.model.Proportion;
import org.trialstat.model.RowAccounting;
import org.trialstat.model.TrialData;
import org.trialstat.stats.BinaryEndpointComparison;
import org.trialstat.stats.MeanDifferenceTest;
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
    Map<String, ArmData> arms = new LinkedHashMap<>();
    var stratumOf = Stratification.stratumOf(data, prepared.strata());
    String emptyStrata = Stratification.emptyCellNote(prepared.participants(), stratumOf, prepared.strata());
    if (emptyStrata != null) {
      notes.add(emptyStrata);
    }
    for (String arm : data.arms()) {
      arms.put(arm, new ArmData(arm, data.hasDiagnosis(), stratumOf));
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

    double level = settings.confLevel();
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

    List<Comparison> comparisons = new ArrayList<>();
    MmrmResult mmrmFit = null;
    AnalysisResult.Models models = AnalysisResult.Models.NONE;
    if (control == null) {
      notes.add("Single-arm study: per-arm results only, no comparisons.");
    } else {
      ArmData c = arms.get(control);
      double[] cc = c.changes();
      Ancova.Fit ancovaFit = Ancova.fit(arms, control, level, data, prepared.covariates());
      Map<String, Difference> ancova = ancovaFit.contrasts();
      notes.addAll(ancovaFit.notes());
      ancovaFit.missing().forEach((arm, count) -> participantExclusions.add(
          new ParticipantExclusion(arm, "ancova", Ancova.MISSING_COVARIATE, count)));
      MmrmAnalysis.AnalyzeFit analyzeFit = mmrm
          ? MmrmAnalysis.fitForAnalyze(data, control, baseline, level, prepared.covariates()) : null;
      mmrmFit = analyzeFit == null ? null : analyzeFit.fit();
      models = new AnalysisResult.Models(ancovaFit.model(), analyzeFit == null ? null : analyzeFit.model());
      if (mmrmFit != null) {
        notes.add("Repeated-measures model: " + mmrmFit.method() + "; change ~ arm * visit + baseline * visit"
            + prepared.covariates().formulaTail() + " over "
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
        int n = ct.length + cc.length;
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect(Statistic.WELCH, Effect.CHANGE, MeanDifferenceTest.WELCH.test(ct, cc, level), n));
        effects.add(new Effect(Statistic.STUDENT, Effect.CHANGE, MeanDifferenceTest.STUDENT.test(ct, cc, level), n));
        effects.add(new Effect(Statistic.ANCOVA, Effect.CHANGE, ancova.get(t.name), Effect.NO_N));
        if (mmrmFit != null) {
          effects.add(new Effect(Statistic.MMRM, Effect.CHANGE, endpointContrast(mmrmFit, t.name, endpoint, level),
              Effect.NO_N));
        }
        effects.add(new Effect(Statistic.COHENS_D, Effect.CHANGE,
            StandardizedMeanDifference.COHENS_D.compute(ct, cc, level), n));
        effects.add(new Effect(Statistic.HEDGES_G, Effect.CHANGE,
            StandardizedMeanDifference.HEDGES_G.compute(ct, cc, level), n));
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
        comparisons.add(new Comparison(t.name, control, effects));
      }
    }
    return new AnalysisResult(data.source(), settings, rows, armResults, comparisons, participantExclusions,
        notes, mmrmFit, VisitTrajectory.of(data, prepared.participants(), baseline, mmrmFit, level), models);
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
