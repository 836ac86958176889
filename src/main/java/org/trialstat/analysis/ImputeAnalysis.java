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
import org.trialstat.stats.impute.CondMeanJackknife;
import org.trialstat.stats.impute.Strategy;
import org.trialstat.stats.impute.Subject;

/**
 * The analysis of {@code trialstat impute}: the change from baseline at every later visit, one
 * {@link Subject} per participant with a baseline value, the intercurrent event from {@code --ice} or
 * else monotone dropout, then {@link CondMeanJackknife}.
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
    String control = TrialAnalysis.requireControl(data, request.control(), "imputation");
    List<String> visits = data.visits();
    int b = visits.indexOf(request.baseline());
    if (b < 0 || b == visits.size() - 1) {
      throw new InvalidOptionException(String.format(Locale.ROOT, "--baseline: '%s' is not a visit of %s "
          + "followed by a later visit; visits present: %s", request.baseline(), data.source(),
          String.join(", ", visits)));
    }
    List<String> modelled = visits.subList(b + 1, visits.size());
    Strategy fallback = strategy(request.strategy(), "--strategy");
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
        s = strategy(given[1], "--ice: participant " + id);
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
    List<ImputedEstimate> est = CondMeanJackknife.run(subjects, modelled, data.arms(), control, request.confLevel(),
        request.informationAnchored(), request.deltas(), deltaArms);
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
    return new ImputeResult(data.source(), control, request.baseline(), modelled, est.get(0).method(), counts, refs,
        request.confLevel(), est, tipping(est, request.deltas(), 1 - request.confLevel()), rows.accounting(data));
  }

  private static double[] nan(int n) {
    double[] y = new double[n];
    java.util.Arrays.fill(y, Double.NaN);
    return y;
  }

  private static Strategy strategy(String name, String where) {
    try {
      return Strategy.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionException(where + ": '" + name + "' is not a strategy; expected MAR, JR, CR, CIR or LMCF");
    }
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
