package org.trialstat.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.AnalysisResult.ParticipantExclusion;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Comparison;
import org.trialstat.model.Statistic;
import org.trialstat.model.DataException;
import org.trialstat.model.Difference;
import org.trialstat.model.MissingPolicy;
import org.trialstat.model.Observation;
import org.trialstat.model.Proportion;
import org.trialstat.model.Scale;
import org.trialstat.model.TrialData;

/**
 * Endpoint definitions and exclusions of {@link TrialAnalysis} (docs/methods.md, docs/errors.md) on small
 * hand-made files. Counts were checked with R 4.2.2 by the definitions of docs/methods.md (code in each
 * test); the numeric statistics themselves are tested against R in the stats package and the oracles.
 */
class TrialAnalysisTest {

  /**
   * participant_id,arm,visit,caps_total,ptsd_dx: D1 has no endpoint row, D2 no endpoint row and an empty
   * baseline diagnosis cell; everyone else is a completer.
   */
  static final String[][] UNKNOWN_DX_DROPOUT = {
      {"D1", "Drug", "baseline", "40", "1"}, {"D2", "Drug", "baseline", "42", ""},
      {"D3", "Drug", "baseline", "45", "1"}, {"D3", "Drug", "end", "20", "0"},
      {"D4", "Drug", "baseline", "50", "1"}, {"D4", "Drug", "end", "30", "1"},
      {"P1", "Placebo", "baseline", "45", "1"}, {"P1", "Placebo", "end", "40", "1"},
      {"P2", "Placebo", "baseline", "44", "1"}, {"P2", "Placebo", "end", "30", "0"},
      {"P3", "Placebo", "baseline", "52", "1"}, {"P3", "Placebo", "end", "47", "1"}};

  static TrialData data(String[][] rows, boolean diagnosis) {
    List<Observation> obs = new ArrayList<>();
    Set<String> arms = new LinkedHashSet<>();
    Set<String> visits = new LinkedHashSet<>();
    for (int i = 0; i < rows.length; i++) {
      String[] r = rows[i];
      Boolean dx = !diagnosis || r[4].isEmpty() ? null : r[4].equals("1");
      obs.add(new Observation(r[0], r[1], r[2], Double.parseDouble(r[3]), dx, List.of(), i + 2, 4,
          diagnosis ? 5 : 0));
      arms.add(r[1]);
      visits.add(r[2]);
    }
    return new TrialData("t.csv", obs, List.copyOf(arms), List.copyOf(visits), diagnosis, List.of());
  }

  static AnalysisRequest nonresponder(AnalysisRequest.Strictness strictness) {
    AnalysisRequest d = AnalysisRequest.defaults(Scale.CAPS5);
    return new AnalysisRequest(d.scale(), d.scoreMin(), d.scoreMax(), null, null, null, d.response(),
        d.remissionMax(), MissingPolicy.NONRESPONDER, d.confLevel(), strictness, d.repeatedMeasures());
  }

  @Test
  void nonresponderLossOfDiagnosisLeavesOutAnUnknownBaselineDiagnosisAndCountsIt() {
    // R 4.2.2, by docs/methods.md (denominator: participants diagnosed at baseline; unknown left out):
    //   m <- merge(b, e, by = c("participant_id", "arm"), all.x = TRUE, suffixes = c(".b", ".e"))
    //   den <- m[m$arm == a & !is.na(m$ptsd_dx.b) & m$ptsd_dx.b == 1, ]
    //   sum(!is.na(den$caps_total.e) & den$ptsd_dx.e %in% 0); nrow(den); sum(is.na(m$ptsd_dx.b[m$arm == a]))
    // Drug: events 1, n 3, unknown 1. Exact counts.
    AnalysisResult r = TrialAnalysis.analyze(data(UNKNOWN_DX_DROPOUT, true),
        nonresponder(AnalysisRequest.Strictness.LENIENT));
    Proportion drug = r.arms().get(0).rate(BinaryEndpoint.LOSS_OF_DIAGNOSIS);
    assertThat(drug.events()).isEqualTo(1);
    assertThat(drug.n()).isEqualTo(3);
    assertThat(r.participantExclusions()).containsExactly(
        new ParticipantExclusion("Drug", "loss_of_diagnosis", TrialAnalysis.UNKNOWN_DIAGNOSIS, 1));
  }

  @Test
  void strictMakesAnUnknownBaselineDiagnosisOfANonCompleterAnError() {
    // docs/errors.md, --strict: "an unknown diagnosis that an endpoint needs" is an error (exit 3, with the
    // line), for a completer and, under --missing nonresponder, for a participant without an endpoint.
    assertThatThrownBy(() -> TrialAnalysis.analyze(data(UNKNOWN_DX_DROPOUT, true),
        nonresponder(AnalysisRequest.Strictness.STRICT)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("participant D2 has no diagnosis value at visit baseline")
        .satisfies(e -> assertThat(((DataException) e).line()).isEqualTo(3))
        .satisfies(e -> assertThat(((DataException) e).column()).isEqualTo(5));
  }

  @Test
  void ancovaOfAnArmWithoutCompletersSaysSo() {
    // R 4.2.2: lm(change ~ relevel(factor(arm), "Placebo") + baseline) on the completers: arm Drug has no
    // rows (R drops the level: no coefficient); armLow = -12.049999999999999, SE 7.595411626618918,
    // CI -36.221989668242294 12.121989668242295; tol 1e-9
    String[][] rows = {
        {"D1", "Drug", "baseline", "40", ""}, {"D2", "Drug", "baseline", "42", ""},
        {"L1", "Low", "baseline", "40", ""}, {"L1", "Low", "end", "30", ""},
        {"L2", "Low", "baseline", "41", ""}, {"L2", "Low", "end", "25", ""},
        {"L3", "Low", "baseline", "47", ""}, {"L3", "Low", "end", "20", ""},
        {"P1", "Placebo", "baseline", "45", ""}, {"P1", "Placebo", "end", "40", ""},
        {"P2", "Placebo", "baseline", "44", ""}, {"P2", "Placebo", "end", "30", ""},
        {"P3", "Placebo", "baseline", "52", ""}, {"P3", "Placebo", "end", "47", ""}};
    AnalysisResult r = TrialAnalysis.analyze(data(rows, false), AnalysisRequest.defaults(Scale.CAPS5));
    Comparison drug = r.comparisons().get(0);
    assertThat(drug.treatment()).isEqualTo("Drug");
    assertThat(drug.difference(Statistic.ANCOVA).estimable()).isFalse();
    assertThat(drug.difference(Statistic.ANCOVA).reason()).isEqualTo("no completers in arm Drug");
    Difference low = r.comparisons().get(1).difference(Statistic.ANCOVA);
    assertThat(low.estimate()).isCloseTo(-12.049999999999999, within(1e-9));
    assertThat(low.se()).isCloseTo(7.595411626618918, within(1e-9));
    assertThat(low.ciLow()).isCloseTo(-36.221989668242294, within(1e-9));
    assertThat(low.ciHigh()).isCloseTo(12.121989668242295, within(1e-9));
  }

  @Test
  void ancovaWithoutControlCompletersSaysSo() {
    // R 4.2.2: lm(change ~ arm + baseline) with no Placebo completers has no Drug - Placebo contrast.
    String[][] rows = {
        {"D1", "Drug", "baseline", "40", ""}, {"D1", "Drug", "end", "30", ""},
        {"D2", "Drug", "baseline", "41", ""}, {"D2", "Drug", "end", "25", ""},
        {"D3", "Drug", "baseline", "47", ""}, {"D3", "Drug", "end", "20", ""},
        {"P1", "Placebo", "baseline", "45", ""}, {"P2", "Placebo", "baseline", "44", ""}};
    AnalysisResult r = TrialAnalysis.analyze(data(rows, false), AnalysisRequest.defaults(Scale.CAPS5));
    assertThat(r.comparisons().get(0).difference(Statistic.ANCOVA).reason()).isEqualTo("no completers in the control arm Placebo");
  }

  /**
   * Decimal scores at the responder boundary. Reference: exact decimal arithmetic of the definitions in
   * docs/methods.md: 40.3 - 30.3 = 10 (a 10-point drop: responder) and 100 x (40.4 - 20.2) = 50 x 40.4 (a 50%
   * drop: responder); 40.3 - 30.4 = 9.9 is not. In binary floating point the first two differences come
   * out just below the threshold (R 4.2.2: 40.3 - 30.3 >= 10 is FALSE), which trialstat must not follow.
   */
  @Test
  void decimalScoresAtTheResponderBoundary() {
    String[][] rows = {
        {"A", "Drug", "baseline", "40.3", "1"}, {"A", "Drug", "end", "30.3", "1"},
        {"B", "Drug", "baseline", "40.3", "1"}, {"B", "Drug", "end", "30.4", "1"},
        {"C", "Drug", "baseline", "40.4", "1"}, {"C", "Drug", "end", "20.2", "1"}};
    AnalysisRequest drop = AnalysisRequest.defaults(Scale.CAPS5);
    Proportion byPoints = TrialAnalysis.analyze(data(rows, true), drop).arms().get(0).rate(BinaryEndpoint.RESPONSE);
    assertThat(byPoints.events()).isEqualTo(2); // A (drop 10) and C (drop 20.2); not B (9.9)
    AnalysisRequest pct = new AnalysisRequest(Scale.CAPS5, 0, 80, null, null, null,
        new org.trialstat.model.ResponseRule(org.trialstat.model.ResponseRule.Kind.PERCENT, 50), Double.NaN,
        MissingPolicy.COMPLETERS, 0.95, AnalysisRequest.Strictness.LENIENT, AnalysisRequest.RepeatedMeasures.OFF);
    Proportion byPercent = TrialAnalysis.analyze(data(rows, true), pct).arms().get(0).rate(BinaryEndpoint.RESPONSE);
    assertThat(byPercent.events()).isEqualTo(1); // C: exactly 50%; A 24.8%, B 24.6%
  }

  /**
   * --missing nonresponder judges what is observed: remission needs only the endpoint, so E2 (no baseline
   * row, endpoint 8 without diagnosis) remits; E3 (no endpoint) counts as no event. Loss of diagnosis:
   * denominator = the 3 diagnosed at baseline (E2 has no baseline row), events = E1. Reference, R 4.2.2:
   * d <- data.frame(id = c("E1","E1","E2","E3","E4","E4"), visit = c("baseline","end","end","baseline",
   * "baseline","end"), score = c(40,10,8,45,44,30), dx = c(1,0,0,1,1,1)); remission per id =
   * (endpoint row exists & score <= 11 & dx == 0): 2 of 4; loss of diagnosis among baseline dx == 1: 1 of 3.
   */
  @Test
  void nonresponderDenominatorsUseWhatIsObserved() {
    String[][] rows = {
        {"E1", "Drug", "baseline", "40", "1"}, {"E1", "Drug", "end", "10", "0"},
        {"E2", "Drug", "end", "8", "0"},
        {"E3", "Drug", "baseline", "45", "1"},
        {"E4", "Drug", "baseline", "44", "1"}, {"E4", "Drug", "end", "30", "1"}};
    AnalysisRequest req = new AnalysisRequest(Scale.CAPS5, 0, 80, null, null, null,
        new org.trialstat.model.ResponseRule(org.trialstat.model.ResponseRule.Kind.DROP, 10), Double.NaN,
        MissingPolicy.NONRESPONDER, 0.95, AnalysisRequest.Strictness.LENIENT, AnalysisRequest.RepeatedMeasures.OFF);
    var arm = TrialAnalysis.analyze(data(rows, true), req).arms().get(0);
    assertThat(arm.rate(BinaryEndpoint.REMISSION).events()).isEqualTo(2);
    assertThat(arm.rate(BinaryEndpoint.REMISSION).n()).isEqualTo(4);
    assertThat(arm.rate(BinaryEndpoint.LOSS_OF_DIAGNOSIS).events()).isEqualTo(1);
    assertThat(arm.rate(BinaryEndpoint.LOSS_OF_DIAGNOSIS).n()).isEqualTo(3);
  }
}
