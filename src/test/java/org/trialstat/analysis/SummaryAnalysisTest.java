package org.trialstat.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.trialstat.io.SummaryCsvReader;
import org.trialstat.model.Comparison;
import org.trialstat.model.Effect;
import org.trialstat.model.Estimate;
import org.trialstat.model.Statistic;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.DataException;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.Proportion;
import org.trialstat.model.SummaryResult;

/**
 * The summary analysis on the published MAPP1, MAPP2, Mithoefer 2011 and Ot'alora 2018 numbers
 * (shared/published/trials.md). Reference values: R 4.2.2, code in the comments:
 * <pre>
 * w &lt;- function(x, n) c(x/n, prop.test(x, n, correct = FALSE)$conf.int)
 * newc &lt;- function(x1, n1, x2, n2) { a &lt;- w(x1, n1); b &lt;- w(x2, n2); d &lt;- a[1] - b[1]
 *   c(d, d - sqrt((a[1] - a[2])^2 + (b[3] - b[1])^2), d + sqrt((a[3] - a[1])^2 + (b[1] - b[2])^2)) }
 * fp &lt;- function(x1, n1, x2, n2) fisher.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2))$p.value
 * smd &lt;- function(n1, m1, s1, n2, m2, s2) { df &lt;- n1 + n2 - 2; sp &lt;- sqrt(((n1-1)*s1^2 + (n2-1)*s2^2)/df)
 *   d &lt;- (m1 - m2)/sp; h &lt;- sqrt(1/n1 + 1/n2); f &lt;- function(ncp, pr) pt(d/h, df, ncp) - pr
 *   c(d, uniroot(f, c(-50, 50), pr = 0.975, tol = 1e-14)$root * h, uniroot(f, c(-50, 50), pr = 0.025, tol = 1e-14)$root * h) }
 * welch &lt;- function(n1, m1, s1, n2, m2, s2) { v1 &lt;- s1^2/n1; v2 &lt;- s2^2/n2; se &lt;- sqrt(v1 + v2)
 *   df &lt;- (v1 + v2)^2/(v1^2/(n1-1) + v2^2/(n2-1)); t &lt;- (m1 - m2)/se; c(m1 - m2, 2*pt(-abs(t), df)) }
 * </pre>
 * (smd's d and CI equal effectsize 0.8.3's cohens_d on raw data; welch equals t.test.)
 */
class SummaryAnalysisTest {

  static final String MAPP1 = """
      study,arm,control,randomized,n,change_mean,change_sd,loss_of_diagnosis_events
      MAPP1,MDMA,no,46,42,-24.4,11.6,28
      MAPP1,Placebo,yes,44,37,-13.9,11.5,12
      """;
  static final String MAPP2 = """
      study,arm,control,n,change_mean,change_ci_low,change_ci_high,change_from_model,response_events,loss_of_diagnosis_events,remission_events
      MAPP2,MDMA,no,52,-23.7,-26.94,-20.44,yes,45,37,24
      MAPP2,Placebo,yes,42,-14.8,-18.28,-11.28,yes,29,20,9
      """;
  static final String PILOT = """
      study,arm,n,response_events
      Mithoefer2011,MDMA,12,10
      Mithoefer2011,Placebo,8,2
      Otalora2018-12mo,MDMA (all doses),25,
      """;

  static SummaryResult run(String csv) {
    return SummaryAnalysis.analyze(List.of(SummaryCsvReader.parse(csv, "test.csv")), new SummaryRequest(null, 0.95, 0.95));
  }

  @Test
  void mapp1CohensDFromItsSummary() {
    Comparison c = run(MAPP1).studies().get(0).comparisons().get(0);
    // R 4.2.2: smd(42, -24.4, 11.6, 37, -13.9, 11.5) = -0.90882695653209389, -1.37071565580207144,
    // -0.44158191437748684; published |d| = 0.91 (Mitchell 2021), trials.md hand check 0.909.
    // tol 1e-12 absolute for d (closed form), 1e-9 absolute for the limits (uniroot, tol 1e-14)
    assertThat(c.estimate(Statistic.COHENS_D, Effect.CHANGE).estimate()).isCloseTo(-0.90882695653209389, within(1e-12));
    assertThat(c.estimate(Statistic.COHENS_D, Effect.CHANGE).ciLow()).isCloseTo(-1.37071565580207144, within(1e-9));
    assertThat(c.estimate(Statistic.COHENS_D, Effect.CHANGE).ciHigh()).isCloseTo(-0.44158191437748684, within(1e-9));
    // R 4.2.2: smd(...) * J(77), J = exp(lgamma(77/2) - log(sqrt(77/2)) - lgamma(76/2)): -0.89994107560804071, tol 1e-12
    assertThat(c.estimate(Statistic.HEDGES_G, Effect.CHANGE).estimate()).isCloseTo(-0.89994107560804071, within(1e-12));
    // R 4.2.2: welch(42, -24.4, 11.6, 37, -13.9, 11.5), with df <- (v1 + v2)^2 / (v1^2/(n1-1) + v2^2/(n2-1))
    // printed by sprintf("%.17g"): estimate -10.5 (tol 1e-12 absolute), p 1.2995338645964294e-04 (tol 1e-13
    // absolute, i.e. 1e-9 relative), df 75.909609759959991 (tol 1e-9 absolute)
    assertThat(c.difference(Statistic.WELCH).estimate()).isCloseTo(-10.5, within(1e-12));
    assertThat(c.difference(Statistic.WELCH).p()).isCloseTo(1.2995338645964294e-04, within(1e-13));
    assertThat(c.difference(Statistic.WELCH).df()).isCloseTo(75.909609759959991, within(1e-9));
  }

  @Test
  void mapp2FromItsConfidenceIntervals() {
    SummaryResult.Study s = run(MAPP2).studies().get(0);
    SummaryResult.Arm mdma = s.arms().get(0);
    SummaryResult.Arm placebo = s.arms().get(1);
    // R 4.2.2: (-20.44 - -26.94) / (2 * qt(0.975, 51)) * sqrt(52) = 11.6737760272035533 (trials.md: 11.67), tol 1e-12
    assertThat(mdma.change().sd()).isCloseTo(11.6737760272035533, within(1e-12));
    // R 4.2.2: (-11.28 - -18.28) / (2 * qt(0.975, 41)) * sqrt(42) = 11.2315584464078420 (trials.md: 11.23), tol 1e-12
    assertThat(placebo.change().sd()).isCloseTo(11.2315584464078420, within(1e-12));
    assertThat(mdma.sdSource()).isEqualTo(SummaryResult.SdSource.CI);
    assertThat(mdma.approximate()).isTrue();
    assertThat(mdma.conversion()).contains("t(0.975, 51)", "approximate", "model");
    Comparison c = s.comparisons().get(0);
    // R 4.2.2: smd(52, -23.7, sd1, 42, -14.8, sd2) = -0.77534200745159054 [-1.19510636837929196, -0.35165205806684263]
    // (trials.md: 0.775 in magnitude; published model-based d = 0.7); tol 1e-12 absolute for d, 1e-9 for the limits
    assertThat(c.estimate(Statistic.COHENS_D, Effect.CHANGE).estimate()).isCloseTo(-0.77534200745159054, within(1e-12));
    assertThat(c.estimate(Statistic.COHENS_D, Effect.CHANGE).ciLow()).isCloseTo(-1.19510636837929196, within(1e-9));
    assertThat(c.estimate(Statistic.COHENS_D, Effect.CHANGE).ciHigh()).isCloseTo(-0.35165205806684263, within(1e-9));
    // R 4.2.2: welch(52, -23.7, sd1, 42, -14.8, sd2)[2] = 3.1079778153035614e-04, tol 1e-12 absolute
    assertThat(c.difference(Statistic.WELCH).p()).isCloseTo(3.1079778153035614e-04, within(1e-12));
    assertThat(s.warnings()).isEmpty();
  }

  static Stream<Arguments> binaryReferences() {
    // x1, n1, x2, n2, endpoint, then R 4.2.2 w(x1, n1)[2:3], w(x2, n2)[2:3], newc(...), fp(...)
    return Stream.of(
        Arguments.of(MAPP1, BinaryEndpoint.LOSS_OF_DIAGNOSIS, new double[] {0.51552507376833789, 0.78987532927642712,
            0.19633266528144186, 0.48536332758027795, 0.34234234234234229, 0.12148641266528976, 0.51999998874866860,
            0.0033454178373728441}),
        Arguments.of(MAPP2, BinaryEndpoint.RESPONSE, new double[] {0.74726679834806209, 0.93323118294603857,
            0.53974006063910918, 0.80928897141205114, 0.1749084249084249532, 0.0073724717067509271,
            0.3402097787084715774, 0.046255524873807422}),
        Arguments.of(MAPP2, BinaryEndpoint.LOSS_OF_DIAGNOSIS, new double[] {0.57727211963315739, 0.81670039585290088,
            0.33359601230705460, 0.62277535868655010, 0.235347985347985400, 0.036565243780665613,
            0.412526464737991594, 0.033074768861113484}),
        Arguments.of(MAPP2, BinaryEndpoint.REMISSION, new double[] {0.33340474681756821, 0.59496388673042122,
            0.11705799876003029, 0.35939845316322899, 0.247252747252747290, 0.053665671669925752,
            0.412345365967208721, 0.016759902793251177}),
        Arguments.of(PILOT, BinaryEndpoint.RESPONSE, new double[] {0.55196913774702661, 0.95303485781614627,
            0.071479212752109028, 0.590724569689831003, 0.58333333333333337, 0.14145207898070755,
            0.79827082760344947, 0.019369691196316575}));
  }

  private static Proportion rateOf(SummaryResult.Study s, String arm, BinaryEndpoint e) {
    return s.arms().stream().filter(a -> a.arm().equals(arm)).findFirst().orElseThrow().rate(e);
  }

  @ParameterizedTest
  @MethodSource("binaryReferences")
  void wilsonNewcombeFisherMatchR(String csv, BinaryEndpoint e, double[] r) {
    SummaryResult.Study study = run(csv).studies().get(0);
    Comparison c = study.comparisons().get(0);
    Estimate rd = c.estimate(Statistic.RISK_DIFFERENCE, e.key());
    Proportion treatment = rateOf(study, c.treatment(), e);
    Proportion control = rateOf(study, c.control(), e);
    double tol = 1e-12; // R 4.2.2 values above; Wilson, Newcombe and Fisher are closed forms / exact sums
    assertThat(treatment.ciLow()).isCloseTo(r[0], within(tol));
    assertThat(treatment.ciHigh()).isCloseTo(r[1], within(tol));
    assertThat(control.ciLow()).isCloseTo(r[2], within(tol));
    assertThat(control.ciHigh()).isCloseTo(r[3], within(tol));
    assertThat(rd.estimate()).isCloseTo(r[4], within(tol));
    assertThat(rd.ciLow()).isCloseTo(r[5], within(tol));
    assertThat(rd.ciHigh()).isCloseTo(r[6], within(tol));
    assertThat(c.value(Statistic.FISHER_P, e.key()).p()).isCloseTo(r[7], within(1e-12));
  }

  @Test
  void singleGroupHasRatesAndNoComparison() {
    SummaryResult r = run("study,arm,randomized,n,loss_of_diagnosis_events\nOtalora2018-12mo,MDMA,28,25,19\n");
    SummaryResult.Study s = r.studies().get(0);
    assertThat(s.comparisons()).isEmpty();
    assertThat(s.control()).isNull();
    Proportion p = s.arms().get(0).rate(BinaryEndpoint.LOSS_OF_DIAGNOSIS);
    // R 4.2.2: prop.test(19, 25, correct = FALSE)$conf.int = 0.56570316644570928 0.88503686306598550, tol 1e-12
    assertThat(p.rate()).isEqualTo(0.76);
    assertThat(p.ciLow()).isCloseTo(0.56570316644570928, within(1e-12));
    assertThat(p.ciHigh()).isCloseTo(0.88503686306598550, within(1e-12));
    assertThat(s.notes()).anyMatch(n -> n.contains("Single group"));
  }

  @Test
  void sesTakenAsSdsAreWarnedAbout() {
    SummaryResult.Study s = run("""
        study,arm,n,change_mean,change_sd
        MAPP2,MDMA,52,-23.7,1.66
        MAPP2,Placebo,42,-14.8,1.79
        """).studies().get(0);
    // R 4.2.2: smd(52, -23.7, 1.66, 42, -14.8, 1.79)[1] = -5.1769785030588693 (trials.md: d = 5.2), tol 1e-9
    assertThat(s.comparisons().get(0).estimate(Statistic.COHENS_D, Effect.CHANGE).estimate()).isCloseTo(-5.1769785030588693, within(1e-9));
    assertThat(s.warnings()).anyMatch(w -> w.contains("Cohen's d = -5.18") && w.contains("SE"));
    assertThat(s.warnings()).anyMatch(w -> w.startsWith("MDMA: |mean change| / SD"));
  }

  @Test
  void standardErrorColumnIsConverted() {
    SummaryResult.Arm a = run("study,arm,n,change_mean,change_se\nS,A,16,-10,2\nS,Placebo,16,-5,2\n")
        .studies().get(0).arms().get(0);
    // SD = SE * sqrt(n) = 2 * 4 = 8 (Cochrane Handbook 6.5.2.2), exact
    assertThat(a.change().sd()).isEqualTo(8);
    assertThat(a.sdSource()).isEqualTo(SummaryResult.SdSource.SE);
  }

  @Test
  void notReportedNumbersAreLeftOutAndSaid() {
    SummaryResult.Study s = run("""
        study,arm,n,change_mean,change_sd,remission_events
        S,Drug,20,-10,,5
        S,Placebo,20,,,
        """).studies().get(0);
    Comparison c = s.comparisons().get(0);
    assertThat(c.difference(Statistic.WELCH).estimable()).isFalse();
    assertThat(c.difference(Statistic.WELCH).reason()).contains("change not reported for Placebo");
    assertThat(c.binaryOutcomes()).isEmpty();
    assertThat(s.notes()).anyMatch(n -> n.contains("Remission reported for Drug only"))
        .anyMatch(n -> n.contains("Placebo: change from baseline not reported"))
        .anyMatch(n -> n.contains("Drug: no SD, SE or CI"));
  }

  @Test
  void controlComesFromTheOptionTheColumnOrTheName() {
    String csv = "study,arm,n,response_events\nS,Low,10,2\nS,High,10,6\n";
    assertThatThrownBy(() -> run(csv)).isInstanceOf(InvalidOptionException.class).hasMessageContaining("Low, High"); // a usage error (exit 2), as in analyze (issue 8)
    SummaryResult r = SummaryAnalysis.analyze(List.of(SummaryCsvReader.parse(csv, "t.csv")),
        new SummaryRequest("Low", 0.95, 0.95));
    assertThat(r.studies().get(0).comparisons().get(0).treatment()).isEqualTo("High");
    assertThatThrownBy(() -> SummaryAnalysis.analyze(List.of(SummaryCsvReader.parse(csv, "t.csv")),
        new SummaryRequest("Sugar", 0.95, 0.95))).isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("Sugar").hasMessageContaining("Low, High");
    assertThat(run(PILOT).studies().get(0).control()).isEqualTo("Placebo");
  }

  @Test
  void aStudyInTwoFilesIsAnError() {
    assertThatThrownBy(() -> SummaryAnalysis.analyze(List.of(SummaryCsvReader.parse(MAPP1, "a.csv"),
        SummaryCsvReader.parse(MAPP1, "b.csv")), new SummaryRequest(null, 0.95, 0.95)))
        .isInstanceOf(DataException.class).hasMessageContaining("also appears in a.csv");
  }
}
