package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstat.model.AnalysisSettings;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.DataException;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.Numbers;
import org.trialstat.model.Observation;
import org.trialstat.model.ObservationTable;
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
        data.week(baseline), data.week(endpoint), request.lsmeansWeights(), request.quantileType(),
        request.plan().adjust());

    List<String> notes = new ArrayList<>(defaultVisitNotes(data, request, baseline, endpoint));
    List<Participant> participants = collect(data, baseline, endpoint);

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
    Participant.sortById(participants); // accountRows does not depend on their order
    return new PreparedTrial(data, settings, participants, endpoints, rows, notes, mmrm, request.strictness(),
        request.strata(), request.covariates(), request.plan(), plan);
  }

  /** The participants in order of their first row (a participant's code is unique to its id). */
  private static List<Participant> collect(TrialData data, String baseline, String endpoint) {
    ObservationTable t = data.table();
    Participant[] byCode = new Participant[t.participantCount()];
    List<Participant> participants = new ArrayList<>();
    byte[] role = new byte[t.visitCount()]; // per visit code: 1 baseline, 2 endpoint, 0 other
    for (int c = 0; c < role.length; c++) {
      String v = t.visitName(c);
      role[c] = (byte) (v.equals(baseline) ? 1 : v.equals(endpoint) ? 2 : 0);
    }
    for (int i = 0; i < t.size(); i++) {
      int code = t.participantCode(i);
      Participant p = byCode[code];
      if (p == null) {
        p = new Participant(code, t.participant(i), t.arm(i), t);
        byCode[code] = p;
        participants.add(p);
      }
      byte r = role[t.visitCode(i)];
      if (r == 1) {
        p.baselineRow = i;
      } else if (r == 2) {
        p.endpointRow = i;
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
  private static RowAccounting accountRows(TrialData data, List<Participant> participants,
      String baseline, String endpoint, int baselineIndex, List<String> modelled, int[] mmrmOnly,
      AnalysisRequest.Strictness strictness) {
    RowCounter rows = new RowCounter(data.source(), strictness);
    List<String> visits = data.visits();
    ObservationTable t = data.table();
    byte[] kind = new byte[t.visitCount()]; // per visit code: 0 not analysed, 1 baseline/endpoint, 2 modelled
    boolean[] laterVisit = new boolean[t.visitCount()]; // after the baseline, but not modelled
    for (int c = 0; c < kind.length; c++) {
      String v = t.visitName(c);
      kind[c] = (byte) (v.equals(baseline) || v.equals(endpoint) ? 1
          : modelled != null && modelled.contains(v) ? 2 : 0);
      laterVisit[c] = modelled != null && visits.indexOf(v) > baselineIndex;
    }
    boolean[] baselineScored = new boolean[t.participantCount()];
    for (Participant p : participants) {
      if (p.hasBaselineScore()) {
        baselineScored[t.participantCode(p.baselineRow)] = true;
      }
    }
    for (int i = 0; i < t.size(); i++) {
      int v = t.visitCode(i);
      byte k = kind[v];
      if (k == 0) {
        rows.exclude(laterVisit[v] ? RowCounter.VISIT_NOT_MODELLED : RowCounter.VISIT_NOT_ANALYSED);
      } else if (!t.hasScore(i)) {
        rows.missingScore(t.get(i));
      } else if (k == 1) {
        rows.use();
      } else if (baselineScored[t.participantCode(i)]) {
        rows.use();
        mmrmOnly[0]++;
      } else {
        rows.exclude(RowCounter.NO_BASELINE);
      }
    }
    return rows.accounting(data);
  }

  /**
   * Notes on a default visit that may not be the one meant (issue 16): the earliest visit taken as the
   * baseline has a negative week (a screening visit before week 0), or the latest visit taken as the
   * endpoint has no week value while other visits have one (visits without a week sort after those with
   * one, so a follow-up or unscheduled visit becomes the endpoint). Nothing for a visit the user named.
   */
  static List<String> defaultVisitNotes(TrialData data, AnalysisRequest request, String baseline, String endpoint) {
    List<String> notes = new ArrayList<>();
    double baseWeek = data.week(baseline);
    if (request.baseline() == null && baseWeek < 0) {
      notes.add("Default baseline: visit '" + baseline + "' is the earliest visit, at week "
          + Numbers.shortest(baseWeek) + " (before week 0, as a screening visit); if it is not the baseline, name "
          + "the baseline with --baseline.");
    }
    boolean anyWeek = data.visitWeeks().stream().anyMatch(w -> !Double.isNaN(w));
    if (request.endpoint() == null && anyWeek && Double.isNaN(data.week(endpoint))) {
      notes.add("Default endpoint: visit '" + endpoint + "' is taken as the latest visit because it has no week "
          + "value (visits without a week come after those with one); if it is not the endpoint, name the "
          + "endpoint with --endpoint.");
    }
    return notes;
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
