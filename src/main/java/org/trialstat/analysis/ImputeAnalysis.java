package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.trialstat.model.DataException;
import org.trialstat.model.ImputeResult;
import org.trialstat.model.ImputedEstimate;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.Observation;
import org.trialstat.model.TrialData;
import org.trialstat.model.ImputeMethod;
import org.trialstat.stats.impute.ApproxBayes;
import org.trialstat.stats.impute.CondMeanBootstrap;
import org.trialstat.stats.impute.CondMeanJackknife;
import org.trialstat.stats.impute.Strategy;
import org.trialstat.stats.impute.Subject;

/**
 * The analysis of {@code trialstat impute}: the change from baseline at every later visit, one
 * {@link Subject} per participant with a baseline value, the intercurrent event from {@code --ice} or
 * else monotone dropout, then the method of {@code --method}: {@link CondMeanJackknife},
 * {@link CondMeanBootstrap} or {@link ApproxBayes}.
 */
public final class ImputeAnalysis {

  private ImputeAnalysis() {
  }

  /**
   * Runs it.
   *
   * @throws InvalidOptionException for an unknown arm, visit or strategy in the options
   * @throws DataException          when the data cannot support the model
   */
  public static ImputeResult analyze(TrialData data, ImputeRequest request) {
    check(request);
    String control = TrialAnalysis.requireControl(data, request.control(), "imputation");
    List<String> visits = data.visits();
    int b = visits.indexOf(request.baseline());
    if (b < 0 || b == visits.size() - 1) {
      throw new InvalidOptionException(String.format(Locale.ROOT, "--baseline: '%s' is not a visit of %s "
          + "followed by a later visit; visits present: %s", request.baseline(), data.source(),
          String.join(", ", visits)));
    }
    List<String> modelled = visits.subList(b + 1, visits.size());
    Strategy fallback = Strategy.valueOf(request.strategy().name());
    Map<String, String> refs = new LinkedHashMap<>();
    for (String arm : data.arms()) {
      refs.put(arm, request.references().getOrDefault(arm, control));
    }
    for (Map.Entry<String, String> e : request.references().entrySet()) {
      if (!data.arms().contains(e.getKey()) || !data.arms().contains(e.getValue())) {
        throw new InvalidOptionException("--reference " + e.getKey() + "=" + e.getValue() + ": arms of "
            + data.source() + " are " + String.join(", ", data.arms()));
      }
    }
    Map<String, Double> base = new HashMap<>();
    Map<String, String> armOf = new TreeMap<>();
    Map<String, double[]> scores = new HashMap<>();
    RowCounter rows = new RowCounter(data.source(), request.strictness());
    for (Observation o : data.observations()) {
      if (!o.hasScore()) {
        rows.missingScore(o);
        continue;
      }
      armOf.put(o.participant(), o.arm());
      if (o.visit().equals(request.baseline())) {
        base.put(o.participant(), o.score());
      }
    }
    for (Observation o : data.observations()) {
      int v = modelled.indexOf(o.visit());
      if (o.hasScore() && v >= 0) {
        scores.computeIfAbsent(o.participant(), k -> nan(modelled.size()))[v] = o.score();
      }
    }
    List<Subject> subjects = new ArrayList<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (Map.Entry<String, String> e : armOf.entrySet()) {
      String id = e.getKey();
      Double bv = base.get(id);
      if (bv == null) {
        continue;
      }
      double[] y = scores.getOrDefault(id, nan(modelled.size()));
      for (int v = 0; v < y.length; v++) {
        y[v] -= bv;
      }
      int ice = Subject.dropout(y);
      Strategy s = fallback;
      String[] given = request.ice().get(id);
      if (given != null) {
        ice = modelled.indexOf(given[0]);
        if (ice < 0) {
          throw new InvalidOptionException("--ice: participant " + id + ": visit '" + given[0]
              + "' is not a post-baseline visit of " + data.source() + " (" + String.join(", ", modelled) + ")");
        }
        s = Strategy.valueOf(ImputeRequest.strategy(given[1], "--ice: participant " + id).name());
      }
      if (ice < y.length) {
        counts.merge(s.name(), 1, Integer::sum);
      }
      subjects.add(new Subject(id, e.getValue(), refs.get(e.getValue()), bv, y, ice, s));
    }
    Set<String> deltaArms = new HashSet<>(request.deltaArms());
    if (deltaArms.isEmpty()) {
      deltaArms.addAll(data.arms());
      deltaArms.remove(control);
    }
    List<ImputedEstimate> est = estimate(subjects, modelled, data.arms(), control, request, deltaArms);
    for (ImputedEstimate e : est) {
      if (e.reason() != null) {
        throw new DataException(data.source(), 0, 0, "the imputation model cannot be fitted: " + e.reason());
      }
    }
    for (Observation o : data.observations()) {
      if (o.hasScore()) {
        if (base.containsKey(o.participant())) {
          rows.use();
        } else {
          rows.exclude(RowCounter.NO_BASELINE);
        }
      }
    }
    ImputeResult.Draws draws = request.method().random() ? new ImputeResult.Draws(request.draws(), request.seed(),
        request.method() == ImputeMethod.CONDMEAN_BOOTSTRAP ? request.interval() : null) : null;
    return new ImputeResult(data.source(), control, request.baseline(), modelled, est.get(0).method(), counts, refs,
        request.confLevel(), est, tipping(est, request.deltas(), 1 - request.confLevel()), rows.accounting(data),
        draws);
  }

  /** The option combinations no method accepts: usage errors before any data is read. */
  static void check(ImputeRequest r) {
    if (r.method() == ImputeMethod.BAYES) {
      throw new InvalidOptionException(BAYES_REFUSED);
    }
    if (r.informationAnchored() && r.method() != ImputeMethod.CONDMEAN_JACKKNIFE) {
      throw new InvalidOptionException("--information-anchored applies to --method condmean-jackknife only"
          + (r.method() == ImputeMethod.APPROX_BAYES ? " (Rubin's variance of approx-bayes is information-anchored "
          + "already)" : ""));
    }
    if (r.binary() && r.method() != ImputeMethod.APPROX_BAYES) {
      throw new InvalidOptionException("--response-drop, --response-pct and --remission-max need --method "
          + "approx-bayes: conditional mean imputation does not give valid binary imputations (a conditional "
          + "mean is not a draw of the score, so thresholding it misclassifies participants)");
    }
    if (r.method().random() && r.draws() < 2) {
      throw new InvalidOptionException("--draws " + r.draws() + ": expected at least 2 for --method "
          + r.method().optionName());
    }
  }

  private static List<ImputedEstimate> estimate(List<Subject> subjects, List<String> visits, List<String> arms,
      String control, ImputeRequest r, Set<String> deltaArms) {
    return switch (r.method()) {
      case CONDMEAN_JACKKNIFE -> CondMeanJackknife.run(subjects, visits, arms, control, r.confLevel(),
          r.informationAnchored(), r.deltas(), deltaArms);
      case CONDMEAN_BOOTSTRAP -> CondMeanBootstrap.run(subjects, visits, arms, control, r.confLevel(), r.draws(),
          r.seed(), r.interval(), r.deltas(), deltaArms);
      case APPROX_BAYES -> ApproxBayes.run(subjects, visits, arms, control, r.confLevel(), r.draws(), r.seed(),
          r.deltas(), deltaArms, r.response(), r.remissionMax());
      case BAYES -> throw new InvalidOptionException(BAYES_REFUSED);
    };
  }

  /** Why {@code --method bayes} is refused (docs/methods.md, "Bayesian multiple imputation"). */
  public static final String BAYES_REFUSED = "--method bayes (rbmi's method_bayes, MCMC with Stan) is not "
      + "implemented: trialstat has no validated Gibbs sampler for the MMRM; use approx-bayes (bootstrapped REML "
      + "fits, which rbmi's stat_specs calls asymptotically equivalent) or condmean-jackknife";

  private static double[] nan(int n) {
    double[] y = new double[n];
    java.util.Arrays.fill(y, Double.NaN);
    return y;
  }

  /** Per treatment arm and visit, the first delta at which p reaches alpha (only with several deltas). */
  private static List<ImputeResult.TippingPoint> tipping(List<ImputedEstimate> est, double[] deltas, double alpha) {
    List<ImputeResult.TippingPoint> out = new ArrayList<>();
    if (deltas.length < 2) {
      return out;
    }
    Map<String, Double> first = new LinkedHashMap<>();
    for (ImputedEstimate e : est) {
      if (e.kind().equals("difference")) {
        String key = e.arm() + "\u0000" + e.visit();
        first.putIfAbsent(key, Double.NaN);
        if (Double.isNaN(first.get(key)) && e.p() >= alpha) {
          first.put(key, e.delta());
        }
      }
    }
    for (Map.Entry<String, Double> e : first.entrySet()) {
      String[] k = e.getKey().split("\u0000");
      out.add(new ImputeResult.TippingPoint(k[0], k[1], e.getValue()));
    }
    return out;
  }
}
