package org.trialstat.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.Claim;
import org.trialstat.model.ClaimResult;
import org.trialstat.model.DataException;

/**
 * The acceptance rule of published claims. Expected ranges follow from the definition "half a unit in
 * the last published digit" (issue 4): "0.91" accepts [0.905, 0.915), "71.2%" accepts [0.7115, 0.7125).
 */
class ClaimCheckTest {

  static Claim claim(String expected, String compare, String tolerance) {
    return new Claim("claims.csv", 7, "f.csv", "summary", "x", expected, compare, tolerance, null, 2, 3, 4, 5, 6);
  }

  static ClaimResult.Status check(String expected, String compare, String tolerance, double computed) {
    Claim c = claim(expected, compare, tolerance);
    return ClaimCheck.of(c).check(c, computed).status();
  }

  @ParameterizedTest(name = "{0} {1} {2}: {3} -> {4}")
  @CsvSource(nullValues = "null", value = {
      "0.91,     abs,   null, -0.909371, PASS",
      "0.91,     abs,   null, -0.905,    PASS",
      "0.91,     abs,   null, -0.915,    FAIL",
      "0.91,     abs,   null, -0.9049,   FAIL",
      "0.91,     value, null, -0.909,    FAIL",
      "0.91,     null,  null, 0.9149999, PASS",
      "-0.91,    value, null, -0.905,    PASS",
      "-0.91,    value, null, -0.915,    FAIL",
      "-0.91,    value, null, -0.9149,   PASS",
      "71.2%,    value, null, 0.7115,    PASS",
      "71.2%,    value, null, 0.711538,  PASS",
      "71.2%,    value, null, 0.7125,    FAIL",
      "71.2%,    value, null, 0.71149,   FAIL",
      "67%,      value, null, 0.666667,  PASS",
      "83,       value, null, 83.4,      PASS",
      "83,       value, null, 83.5,      FAIL",
      "< 0.001,  value, null, 0.00031,   PASS",
      "< 0.001,  value, null, 0.001,     FAIL",
      "<= 0.001, value, null, 0.001,     PASS",
      "P < 0.0001, value, null, 0.00013, FAIL",
      "> 0.05,   value, null, 0.5,       PASS",
      "p = 0.03, value, null, 0.0349,    PASS",
      "0.7,      abs,   0.1,  -0.775,    PASS",
      "0.7,      abs,   0.05, -0.775,    FAIL",
      "71.2%,    value, 0.5%, 0.716,     PASS",
      "71.2%,    value, 0.5%, 0.718,     FAIL",
      "1.2e-4,   value, null, 0.000124,  PASS",
      "0.91,     abs,   null, NaN,       FAIL",
  })
  void acceptance(String expected, String compare, String tolerance, double computed, ClaimResult.Status status) {
    assertThat(check(expected, compare, tolerance, computed)).isEqualTo(status);
  }

  @Test
  void acceptedRangeIsShown() {
    assertThat(ClaimCheck.of(claim("0.91", "abs", null)).accepted()).isEqualTo("[0.905, 0.915)");
    assertThat(ClaimCheck.of(claim("71.2%", null, null)).accepted()).isEqualTo("[0.7115, 0.7125)");
    assertThat(ClaimCheck.of(claim("< 0.001", null, null)).accepted()).isEqualTo("< 0.001");
    Claim c = claim("0.91", "abs", null);
    assertThat(ClaimCheck.of(c).check(c, -0.909371).message()).isEqualTo("|-0.909371| = 0.909371 in [0.905, 0.915)");
  }

  @ParameterizedTest(name = "{0} / {1} / {2}")
  @CsvSource(nullValues = "null", value = {
      "about 0.9, null,    null, 4, expected",
      "'0,91',    null,    null, 4, expected",
      "0.91,      signed,  null, 5, compare",
      "-0.91,     abs,     null, 4, negative",
      "< 0.001,   null,    0.1,  6, bound",
      "0.91,      null,    -1,   6, tolerance",
  })
  void malformedClaimsAreInputErrors(String expected, String compare, String tolerance, int column, String msg) {
    assertThatThrownBy(() -> ClaimCheck.of(claim(expected, compare, tolerance)))
        .isInstanceOfSatisfying(DataException.class, e -> {
          assertThat(e.line()).isEqualTo(7);
          assertThat(e.column()).isEqualTo(column);
          assertThat(e.getMessage()).contains(msg);
        });
  }
}
