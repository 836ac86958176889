package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialstat.model.Comparison;
import org.trialstat.model.DataException;
import org.trialstat.model.EffectInput;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.MeanSummary;
import org.trialstat.model.MetaResult;
import org.trialstat.model.MetaSettings;
import org.trialstat.model.MetaSettings.Measure;
import org.trialstat.model.MetaSettings.Model;
import org.trialstat.model.Proportion;
import org.trialstat.model.StudyEffect;
import org.trialstat.model.SummaryResult;
import org.trialstat.stats.meta.EffectMeasure;
import org.trialstat.stats.meta.Peto;

/**
 * The meta-analysis of {@code trialstat meta}: turns arm-level summaries (read and converted as
 * {@code summary} does: SDs from SEs or CIs, control arms) or per-study effect files into study effects
 * ({@link EffectMeasure}, metafor's {@code escalc}), then pools them ({@link MetaRun}).
 *
 * <p>A multi-arm study gives one effect per treatment arm against the shared control, named
 * "study: treatment vs control"; its control participants then count more than once (Cochrane Handbook
 * 23.3.4), which a note says. Effect files: {@code yi}/{@code vi} are used as given; {@code estimate}
 * with {@code se} gives {@code vi = se^2}; {@code estimate} with a CI gives {@code se = (hi - lo) / (2
 * z)} with z the normal quantile of the input CI level ({@code --input-ci-level}), on the log scale for
 * {@code --measure rr|or} (where estimate and limits are ratios).
 */
public final class MetaAnalysis {

  private MetaAnalysis() {
  }

  /** A study ready for pooling: its effect, its counts (binary arm-level input) or null, labels. */
  record Candidate(StudyEffect effect, int[] counts, String subgroup, String year) {
  }

  /**
   * Meta-analysis of arm-level summaries.
   *
   * @param subgroupOf study name to subgroup label (empty without {@code --subgroup})
   */
  public static MetaResult fromSummaries(SummaryResult summary, MetaRequest request, Map<String, String> subgroupOf) {
    MetaSettings s = request.settings();
    boolean binary = request.endpoint() != null;
    if (binary != s.measure().binary()) {
      throw new InvalidOptionException(binary
          ? "--measure " + s.measure().key() + " is for the change from baseline; with --outcome "
              + request.endpoint().key() + " use --measure rr, or or rd"
          : "--measure " + s.measure().key() + " needs event counts: add --outcome response, loss_of_diagnosis or "
              + "remission");
    }
    checkModel(s, binary);
    EffectMeasure measure = EffectMeasure.of(s.measure());
    List<Candidate> candidates = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (SummaryResult.Study st : summary.studies()) {
      List<Comparison> cs = st.comparisons();
      if (cs.isEmpty()) {
        notes.add(st.study() + ": left out: a study with one arm has no comparison");
        continue;
      }
      if (cs.size() > 1) {
        notes.add(st.study() + ": " + cs.size() + " treatment arms against one control: the control arm's "
            + "participants count in each comparison (Cochrane Handbook 23.3.4)");
      }
      for (Comparison c : cs) {
        String name = cs.size() == 1 ? st.study() : st.study() + ": " + c.treatment() + " vs " + c.control();
        SummaryResult.Arm t = arm(st, c.treatment());
        SummaryResult.Arm k = arm(st, c.control());
        String group = subgroupOf.get(st.study());
        if (binary) {
          Proportion pt = t.rate(request.endpoint());
          Proportion pc = k.rate(request.endpoint());
          if (pt == null || pc == null) {
            candidates.add(new Candidate(StudyEffect.notEstimable(name, measure.methodName(),
                request.endpoint().label() + " not reported for " + (pt == null ? t.arm() : k.arm())), null, group,
                st.year()));
          } else {
            StudyEffect e = s.model() == Model.PETO ? Peto.effect(name, pt.events(), pt.n(), pc.events(), pc.n())
                : measure.fromCounts(name, pt.events(), pt.n(), pc.events(), pc.n());
            candidates.add(new Candidate(e, new int[] {pt.events(), pt.n(), pc.events(), pc.n()}, group, st.year()));
          }
        } else {
          MeanSummary mt = t.change();
          MeanSummary mc = k.change();
          StudyEffect e = mt == null || mc == null
              ? StudyEffect.notEstimable(name, measure.methodName(), "change not reported for "
                  + (mt == null ? t.arm() : k.arm()))
              : measure.fromMeans(name, mt.n(), mt.mean(), mt.sd(), mc.n(), mc.mean(), mc.sd());
          candidates.add(new Candidate(e, null, group, st.year()));
        }
      }
      for (SummaryResult.Arm a : st.arms()) {
        if (!binary && a.conversion() != null) {
          notes.add(st.study() + ", " + a.arm() + ": " + a.conversion());
        }
      }
    }
    String outcome = binary ? request.endpoint().key() : "change";
    return MetaRun.run(summary.files(), request, outcome, candidates, notes);
  }

  /**
   * Meta-analysis of per-study effect files.
   *
   * @param inputCiLevel the level of published CIs in the files
   */
  public static MetaResult fromEffects(List<EffectInput> inputs, MetaRequest request, double inputCiLevel) {
    MetaSettings s = request.settings();
    if (request.endpoint() != null) {
      throw new InvalidOptionException("--outcome chooses an endpoint of arm-level files; an effect file has one "
          + "effect per study");
    }
    checkModel(s, false);
    double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - inputCiLevel) / 2);
    List<Candidate> candidates = new ArrayList<>();
    List<String> files = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (EffectInput in : inputs) {
      files.add(in.source());
      for (EffectInput.Row r : in.rows()) {
        if (!names.add(r.study())) {
          throw new DataException(in.source(), r.line(), 0, "study '" + r.study()
              + "' appears in two files: give each study a unique name");
        }
        candidates.add(new Candidate(effect(r, s.measure(), z, inputCiLevel), null, r.subgroup(), r.year()));
      }
    }
    return MetaRun.run(files, request, "effect", candidates, notes);
  }

  private static StudyEffect effect(EffectInput.Row r, Measure measure, double z, double level) {
    String name = r.study();
    if (!Double.isNaN(r.yi()) && !Double.isNaN(r.vi())) {
      return checked(StudyEffect.of(name, r.yi(), r.vi(), "yi and vi as given"));
    }
    boolean log = measure.ratio();
    if (log && !(r.estimate() > 0)) {
      return StudyEffect.notEstimable(name, "estimate as given", "a ratio estimate must be > 0 (--measure "
          + measure.key() + ")");
    }
    double y = log ? Math.log(r.estimate()) : r.estimate();
    if (!Double.isNaN(r.se())) {
      return checked(StudyEffect.of(name, y, r.se() * r.se(), log ? "log of the estimate, vi = se^2 (se of the log)"
          : "estimate, vi = se^2"));
    }
    if (log && !(r.ciLow() > 0)) {
      return StudyEffect.notEstimable(name, "estimate and CI as given", "the CI limits of a ratio must be > 0");
    }
    double lo = log ? Math.log(r.ciLow()) : r.ciLow();
    double hi = log ? Math.log(r.ciHigh()) : r.ciHigh();
    double se = (hi - lo) / (2 * z);
    return checked(StudyEffect.of(name, y, se * se, String.format(Locale.ROOT,
        "%s, se = (ci_high - ci_low) / (2 x %.6f) from the %s%% CI", log ? "log scale" : "as given", z,
        MetaRun.g(100 * level))));
  }

  private static StudyEffect checked(StudyEffect e) {
    return e.vi() > 0 ? e : StudyEffect.notEstimable(e.study(), e.method(), "sampling variance is 0");
  }

  private static void checkModel(MetaSettings s, boolean counts) {
    if ((s.model() == Model.MH || s.model() == Model.PETO) && !counts) {
      throw new InvalidOptionException("--model " + s.model().key() + " pools event counts: use arm-level files "
          + "with --outcome response, loss_of_diagnosis or remission");
    }
    if (s.model() == Model.PETO && s.measure() != Measure.OR) {
      throw new InvalidOptionException("--model peto pools odds ratios: use --measure or");
    }
    if (s.adjustment() != MetaSettings.Adjustment.NONE && s.model() != Model.RANDOM) {
      throw new InvalidOptionException("--hksj adjusts a random-effects model: use it with --model random");
    }
    if (s.prediction() == MetaSettings.Prediction.RILEY && s.model() != Model.RANDOM) {
      throw new InvalidOptionException("--pi riley is a prediction interval of a random-effects model: use it with "
          + "--model random");
    }
  }

  private static SummaryResult.Arm arm(SummaryResult.Study st, String name) {
    return st.arms().stream().filter(a -> a.arm().equals(name)).findFirst().orElseThrow();
  }
}
