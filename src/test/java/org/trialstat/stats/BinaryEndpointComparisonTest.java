package org.trialstat.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstat.model.BinaryComparison;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Estimate;
import org.trialstat.model.Proportion;

/**
 * Every binary-endpoint value of the project's R oracles, reproduced through
 * {@link BinaryEndpointComparison#compare}.
 *
 * <p>Source: src/test/resources/oracles/*.expected.json, copied unchanged from shared/oracles (R 4.2.2:
 * {@code prop.test(x, n, correct = FALSE)$conf.int}, Newcombe method 10 from those Wilson limits,
 * Katz RR / Woolf OR with 0.5 added to every cell when a cell is 0, 1 / RD, {@code fisher.test}; see
 * shared/oracles/README.md). The files state tol 1e-6; the values are printed to 15 significant
 * digits and our formulas are R's, so this test uses the tighter relative tol {@link #REL_TOL}, with
 * absolute floor {@link #ABS_FLOOR} for values that are 0 up to rounding (R prints the Wilson lower
 * limit of 0/9 as -1.9e-17).
 */
class BinaryEndpointComparisonTest {

  /** Relative tolerance against the 15-digit R values. */
  static final double REL_TOL = 1e-12;
  /** Absolute floor of the tolerance. */
  static final double ABS_FLOOR = 1e-14;

  private static final String[] ORACLES = {
      "dose_response_caps4.expected.json", "mapp1_like.expected.json", "small_pilot_caps4.expected.json"};
  private static final Pattern ARM = Pattern.compile("arms\\[arm=(.+)]\\.(\\w+)\\.(\\w+)");
  private static final Pattern CMP =
      Pattern.compile("comparisons\\[treatment=(.+),control=(.+)]\\.(\\w+)\\.(\\w+(?:\\.\\w+)?)");

  /** One endpoint of one comparison of one oracle file, with every expected value by name. */
  record Case(String file, String treatment, String control, BinaryEndpoint endpoint,
      Map<String, Double> treatmentArm, Map<String, Double> controlArm, Map<String, Double> expected) {
    @Override
    public String toString() {
      return file.replace(".expected.json", "") + ": " + treatment + " vs " + control + ", " + endpoint.key();
    }
  }

  static Stream<Case> oracleCases() {
    final List<Case> cases = new ArrayList<>();
    for (String file : ORACLES) {
      final JsonNode root = read("/oracles/" + file);
      final Map<String, Map<String, Double>> arms = new LinkedHashMap<>(); // "arm|endpoint" -> field -> value
      final Map<String, Map<String, Double>> cmps = new LinkedHashMap<>(); // "t|c|endpoint" -> stat -> value
      for (JsonNode e : root.get("expect")) {
        final String path = e.get("path").asText();
        final double value = e.get("value").asDouble();
        Matcher m = ARM.matcher(path);
        if (m.matches() && endpointOf(m.group(2)) != null) {
          arms.computeIfAbsent(m.group(1) + "|" + m.group(2), k -> new LinkedHashMap<>()).put(m.group(3), value);
          continue;
        }
        m = CMP.matcher(path);
        if (m.matches() && endpointOf(m.group(3)) != null) {
          cmps.computeIfAbsent(m.group(1) + "|" + m.group(2) + "|" + m.group(3), k -> new LinkedHashMap<>())
              .put(m.group(4), value);
        }
      }
      cmps.forEach((key, expected) -> {
        final String[] k = key.split("\\|");
        cases.add(new Case(file, k[0], k[1], endpointOf(k[2]), arms.get(k[0] + "|" + k[2]),
            arms.get(k[1] + "|" + k[2]), expected));
      });
    }
    return cases.stream();
  }

  @Test
  void oraclesHoldEveryComparisonOfEveryEndpoint() {
    // 2 comparisons x 3 endpoints (dose_response) + 3 (mapp1_like) + 3 (small_pilot)
    assertThat(oracleCases()).hasSize(12);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oracleCases")
  void reproducesOracle(Case c) {
    final int eT = c.treatmentArm().get("events").intValue();
    final int nT = c.treatmentArm().get("n").intValue();
    final int eC = c.controlArm().get("events").intValue();
    final int nC = c.controlArm().get("n").intValue();

    final BinaryComparison r = BinaryEndpointComparison.compare(c.endpoint(), eT, nT, eC, nC, 0.95);

    assertThat(r.endpoint()).isEqualTo(c.endpoint());
    checkRate(r.treatment(), c.treatmentArm());
    checkRate(r.control(), c.controlArm());
    final Map<String, Double> x = c.expected();
    checkEstimate(r.riskDifference(), x, "risk_difference");
    checkEstimate(r.riskRatio(), x, "risk_ratio");
    checkEstimate(r.oddsRatio(), x, "odds_ratio");
    checkEstimate(r.nnt(), x, "nnt");
    assertClose(r.fisherP(), x.get("fisher_p"), "fisher_p");

    assertThat(r.riskDifference().method()).isEqualTo("Newcombe hybrid score (method 10)");
    assertThat(r.riskRatio().method()).isEqualTo("Risk ratio, log (Katz) CI" + corrected(r.riskRatio()));
    assertThat(r.oddsRatio().method()).isEqualTo("Odds ratio, Woolf logit CI" + corrected(r.oddsRatio()));
    assertThat(r.nnt().method()).isEqualTo("1 / risk difference (Altman 1998)");
    assertThat(r.treatment().method()).isEqualTo("Wilson score");

    // The oracles list no NNT interval; when the oracle RD interval excludes 0 the NNT interval is its
    // inversion (Altman 1998), otherwise there is none.
    if (x.containsKey("nnt.estimate")) {
      final double lo = x.get("risk_difference.ci_low");
      final double hi = x.get("risk_difference.ci_high");
      if (lo > 0 || hi < 0) {
        assertClose(r.nnt().ciLow(), 1 / hi, "nnt.ci_low = 1 / RD upper");
        assertClose(r.nnt().ciHigh(), 1 / lo, "nnt.ci_high = 1 / RD lower");
      } else {
        assertThat(r.nnt().ciLow()).isNaN();
        assertThat(r.nnt().ciHigh()).isNaN();
        assertThat(r.nnt().reason()).startsWith("RD CI includes 0: NNTB ").contains(" to infinity to NNTH ");
      }
    }
  }

  /** The oracle's zero-cell cases carry the correction note; the all-zero case carries a reason. */
  @Test
  void zeroCellNotesAndReasons() {
    // dose_response_caps4 remission, 100 mg 0/9 vs 40 mg 1/6 (oracle values checked above)
    final BinaryComparison z = BinaryEndpointComparison.compare(BinaryEndpoint.REMISSION, 0, 9, 1, 6, 0.95);
    assertThat(z.riskRatio().reason()).isEqualTo("0.5 added to every cell (zero cell)");
    assertThat(z.oddsRatio().reason()).isEqualTo("0.5 added to every cell (zero cell)");
    assertThat(z.riskDifference().reason()).isNull();

    // small_pilot_caps4 remission, 0/12 vs 0/8: the oracle lists RD and Fisher p only
    final BinaryComparison none = BinaryEndpointComparison.compare(BinaryEndpoint.REMISSION, 0, 12, 0, 8, 0.95);
    assertThat(none.riskRatio().reason()).isEqualTo("no events in either arm");
    assertThat(none.oddsRatio().reason()).isEqualTo("no events in either arm");
    assertThat(none.nnt().reason()).isEqualTo("risk difference is 0");
    assertThat(none.riskDifference().estimable()).isTrue();
  }

  @Test
  void emptyArmGivesReasonsNotExceptions() {
    final BinaryComparison r = BinaryEndpointComparison.compare(BinaryEndpoint.RESPONSE, 3, 10, 0, 0, 0.95);
    assertThat(r.control().rate()).isNaN();
    assertThat(r.control().reason()).isEqualTo("no participants (n = 0)");
    assertThat(r.treatment().rate()).isEqualTo(0.3);
    assertThat(r.riskDifference().reason()).isEqualTo("no participants in the control arm");
    assertThat(r.riskRatio().reason()).isEqualTo("no participants in the control arm");
    assertThat(r.oddsRatio().reason()).isEqualTo("no participants in the control arm");
    assertThat(r.nnt().reason()).isEqualTo("no participants in the control arm");
    assertThat(r.fisherP()).isNaN();
  }

  @Test
  void programmingErrorsThrow() {
    assertThatThrownBy(() -> BinaryEndpointComparison.compare(null, 1, 2, 1, 2, 0.95))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> BinaryEndpointComparison.compare(BinaryEndpoint.RESPONSE, 3, 2, 1, 2, 0.95))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BinaryEndpointComparison.compare(BinaryEndpoint.RESPONSE, 1, 2, 1, 2, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void checkRate(Proportion p, Map<String, Double> arm) {
    assertThat(p.events()).isEqualTo(arm.get("events").intValue());
    assertThat(p.n()).isEqualTo(arm.get("n").intValue());
    assertClose(p.rate(), arm.get("rate"), "rate");
    assertClose(p.ciLow(), arm.get("ci_low"), "rate ci_low");
    assertClose(p.ciHigh(), arm.get("ci_high"), "rate ci_high");
    assertThat(p.reason()).isNull();
  }

  /** Checks the fields the oracle lists; a statistic it does not list at all must be not estimable. */
  private static void checkEstimate(Estimate e, Map<String, Double> expected, String stat) {
    if (!expected.containsKey(stat + ".estimate")) {
      assertThat(e.estimable()).as(stat + " is not listed, so it must not be estimable").isFalse();
      assertThat(e.reason()).as(stat + " reason").isNotBlank();
      return;
    }
    assertClose(e.estimate(), expected.get(stat + ".estimate"), stat + ".estimate");
    if (expected.containsKey(stat + ".ci_low")) {
      assertClose(e.ciLow(), expected.get(stat + ".ci_low"), stat + ".ci_low");
      assertClose(e.ciHigh(), expected.get(stat + ".ci_high"), stat + ".ci_high");
    }
    assertThat(e.confLevel()).isEqualTo(0.95);
  }

  static void assertClose(double actual, double expected, String what) {
    assertThat(actual).as(what).isCloseTo(expected,
        org.assertj.core.data.Offset.offset(Math.max(REL_TOL * Math.abs(expected), ABS_FLOOR)));
  }

  private static BinaryEndpoint endpointOf(String key) {
    for (BinaryEndpoint b : BinaryEndpoint.values()) {
      if (b.key().equals(key)) {
        return b;
      }
    }
    return null;
  }

  private static JsonNode read(String resource) {
    try (InputStream in = BinaryEndpointComparisonTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The method's suffix after the zero-cell correction (issue 16 item 25). */
  private static String corrected(org.trialstat.model.Estimate e) {
    return RatioMeasure.ZERO_CELL_NOTE.equals(e.reason()) ? ", " + RatioMeasure.ZERO_CELL_NOTE : "";
  }
}
