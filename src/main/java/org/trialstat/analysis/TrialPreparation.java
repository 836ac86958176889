package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialstat.model.AnalysisSettings;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.DataException;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.Numbers;
import org.trialstat.model.Observation;
import org.trialstat.model.RowAccounting;
import org.trialstat.model.TrialData;

/**
 * The first half of {@code analyze}: settings resolved against the data, participants collected, rows
 * counted ({@link PreparedTrial}); {@link TrialEstimation} computes the estimates from it.
 */
final class TrialPreparation {

  private TrialPreparation() {
  }

  /**
   * Resolves the settings against the data, collects each participant's baseline and endpoint, and counts
   * the rows.
   *
   * @throws InvalidOptionException when an option names an arm or visit the data does not have
   * @throws DataException          in strict mode, on the first row excluded for a data problem
   */
  static PreparedTrial prepare(TrialData data, AnalysisRequest request) {
    List<String> visits = data.visits();
    if (visits.isEmpty()) {
      throw new DataException(data.source(), 0, 0, "the file has no visits");
    }
    if (visits.size() == 1) {
      throw new DataException(data.source(), 0, 0, "every row is at visit '" + visits.get(0)
          + "'; expected at least two visits (a baseline and an endpoint)");
    }
    String baseline = TrialAnalysis.resolveVisit(data, request.baseline(), visits.get(0), "--baseline");
    String endpoint = TrialAnalysis.resolveVisit(data, request.endpoint(), visits.get(visits.size() - 1), "--endpoint");
    int baselineIndex = visits.indexOf(baseline);
    int endpointIndex = visits.indexOf(endpoint);
    if (baselineIndex >= endpointIndex) {
      throw new InvalidOptionException(String.format(Locale.ROOT,
          "%s: the endpoint visit must come after the baseline visit (baseline '%s', endpoint '%s'); visits in order: %s",
          data.source(), baseline, endpoint, String.join(", ", visits)));
    }
    String control = TrialAnalysis.resolveControl(data, request.control());
    double remissionMax = Double.isNaN(request.remissionMax()) ? request.scale().remissionMax()
        : request.remissionMax();
    AnalysisSettings settings = new AnalysisSettings(request.scale(), request.scoreMin(), request.scoreMax(),
        control, baseline, endpoint, request.response(), remissionMax, request.missing(), request.confLevel(),
        data.week(baseline), data.week(endpoint));

    List<String> notes = new ArrayList<>();
    Map<String, Participant> participants = collect(data, baseline, endpoint);

    // Which post-baseline visits the repeated-measures model uses: --visits, or up to the endpoint.
    List<String> chosen = request.mmrmChoice().visits();
    List<String> modelled = MmrmAnalysis.modelledVisits(data, baseline, chosen,
        visits.subList(baselineIndex + 1, endpointIndex + 1));
    if (chosen != null && (!modelled.contains(endpoint) || modelled.size() < 2)) {
      throw new InvalidOptionException(String.format(Locale.ROOT,
          "--visits: expected at least two post-baseline visits including the endpoint '%s' (the MMRM's estimate "
              + "is taken there); got %s", endpoint, String.join(",", modelled)));
    }
    boolean mmrm = request.repeatedMeasures() == AnalysisRequest.RepeatedMeasures.AUTO
        && control != null && modelled.size() >= 2;
    int[] mmrmOnly = new int[1];
    RowAccounting rows = accountRows(data, participants, baseline, endpoint, baselineIndex,
        mmrm ? modelled : null, mmrmOnly, request.strictness());
    MmrmPlan plan = mmrm ? new MmrmPlan(modelled, request.mmrmChoice().covariance(), mmrmOnly[0]) : null;

    List<BinaryEndpoint> endpoints = definedEndpoints(data, settings, notes);
    List<Participant> sorted = new ArrayList<>(participants.values());
    sorted.sort(Comparator.comparing(p -> p.id));
    return new PreparedTrial(data, settings, sorted, endpoints, rows, notes, mmrm, request.strictness(),
        request.strata(), request.covariates(), plan);
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

  /**
   * Counts the rows; the rows that only the MMRM uses (modelled visits other than baseline and endpoint)
   * are counted used and their number put in {@code mmrmOnly[0]}, so that a failed fit can move them to
   * {@code model_not_estimable}.
   *
   * @param modelled the MMRM's visits, null when it is not fitted
   */
  private static RowAccounting accountRows(TrialData data, Map<String, Participant> participants,
      String baseline, String endpoint, int baselineIndex, List<String> modelled, int[] mmrmOnly,
      AnalysisRequest.Strictness strictness) {
    RowCounter rows = new RowCounter(data.source(), strictness);
    List<String> visits = data.visits();
    for (Observation o : data.observations()) {
      boolean primary = o.visit().equals(baseline) || o.visit().equals(endpoint);
      boolean inModel = modelled != null && modelled.contains(o.visit());
      if (!primary && !inModel) {
        rows.exclude(modelled != null && visits.indexOf(o.visit()) > baselineIndex ? RowCounter.VISIT_NOT_MODELLED
            : RowCounter.VISIT_NOT_ANALYSED);
      } else if (!o.hasScore()) {
        rows.missingScore(o);
      } else if (primary) {
        rows.use();
      } else {
        Participant p = participants.get(o.participant());
        if (p.baseline != null && p.baseline.hasScore()) {
          rows.use();
          mmrmOnly[0]++;
        } else {
          rows.exclude(RowCounter.NO_BASELINE);
        }
      }
    }
    return rows.accounting(data);
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
}
