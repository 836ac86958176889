package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.trialstat.analysis.ClaimCheck;
import org.trialstat.model.Claim;
import org.trialstat.model.ClaimResult;
import org.trialstat.model.DataException;

/**
 * Fuzz test of {@link ClaimsCsvReader} and the acceptance rule of each claim ({@link ClaimCheck}), the
 * parts of {@code verify} that read a claims file from a pull request (issue 16: the fuzz targets cover
 * the claims reader): any text gives either a {@link DataException} with a one-line message naming the
 * claims file, or claims whose rule, applied to a few computed values (ordinary, zero, huge, tiny,
 * not estimable), gives PASS or FAIL with a message. Never another exception. Regression mode under
 * {@code mvn test} (seed corpus in
 * {@code src/test/resources/org/trialstat/io/ClaimsCsvReaderFuzzTestInputs/readAnyText/}); fuzz for real
 * with {@code JAZZER_FUZZ=1 mvn test -Dtest=ClaimsCsvReaderFuzzTest}.
 */
class ClaimsCsvReaderFuzzTest {

  private static final double[] COMPUTED = {0.909371, -0.91, 0, 1e300, -4.9e-324, Double.NaN};

  @FuzzTest(maxDuration = "1m")
  void readAnyText(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    List<Claim> claims;
    try {
      claims = ClaimsCsvReader.parse(text, "claims.csv");
    } catch (DataException e) {
      assertOneLine(e);
      return;
    }
    for (Claim c : claims) {
      assertThat(c.claimsFile()).isEqualTo("claims.csv");
      assertThat(c.line()).isPositive();
      ClaimCheck check;
      try {
        check = ClaimCheck.of(c);
      } catch (DataException e) {
        assertOneLine(e);
        continue;
      }
      for (double x : COMPUTED) {
        ClaimResult r = check.check(c, x);
        assertThat(r.status()).isIn(ClaimResult.Status.PASS, ClaimResult.Status.FAIL);
        assertThat(r.message()).isNotBlank();
      }
    }
  }

  private static void assertOneLine(DataException e) {
    assertThat(e.describe()).isNotBlank().doesNotContain("\n").doesNotContain("\r");
    assertThat(e.file()).isEqualTo("claims.csv");
  }
}
