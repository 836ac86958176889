package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstat.TestFiles;

/**
 * analyze's visits[] block on mapp1_like.csv against R 4.2.2: observed change per arm and visit
 * (src/test/resources/visits/observed_change.R, t.test) and the MMRM's LS means and differences per visit
 * (visits/mmrm_lsmeans.R, nlme::gls corSymm + varIdent REML, emmeans).
 */
class VisitsBlockTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode visits() throws IOException {
    CliRun run = CliRun.of("analyze", "--format", "json", TestFiles.resource("oracles/mapp1_like.csv").toString());
    assertThat(run.code()).as(run.err()).isZero();
    return MAPPER.readTree(run.out()).get("visits");
  }

  private static JsonNode arm(JsonNode visits, String visit, String arm) {
    for (JsonNode v : visits) {
      if (v.get("visit").asText().equals(visit)) {
        for (JsonNode a : v.get("arms")) {
          if (a.get("arm").asText().equals(arm)) {
            return a;
          }
        }
      }
    }
    throw new AssertionError(visit + " " + arm);
  }

  @Test
  void observedChangeMatchesR() throws IOException {
    JsonNode visits = visits();
    assertThat(visits).hasSize(3);
    assertThat(visits.get(0).get("week").asDouble()).isEqualTo(6); // the file's week column
    for (String line : Files.readAllLines(TestFiles.resource("visits/observed_change.out"))) {
      String[] f = line.split(",");
      JsonNode o = arm(visits, f[0], f[1]).get("observed_change");
      double tol = 1e-12; // closed forms: mean, SD, t quantile
      assertThat(o.get("n").asInt()).isEqualTo(Integer.parseInt(f[2]));
      for (int i = 3; i < 7; i++) {
        double want = Double.parseDouble(f[i]);
        String key = List.of("mean", "sd", "ci_low", "ci_high").get(i - 3);
        assertThat(o.get(key).asDouble()).as(line + " " + key).isCloseTo(want, within(tol * Math.abs(want)));
      }
    }
  }

  @Test
  void mmrmLsMeansAndDifferencesMatchNlmeAndEmmeans() throws IOException {
    JsonNode visits = visits();
    for (String line : Files.readAllLines(TestFiles.resource("visits/mmrm_lsmeans.out"))) {
      String[] f = line.split(",");
      JsonNode got;
      double est;
      double se;
      if (f[0].equals("lsmean")) {
        got = arm(visits, f[1], f[2]).get("mmrm_lsmean");
        est = Double.parseDouble(f[3]);
        se = Double.parseDouble(f[4]);
      } else {
        JsonNode v = null;
        for (JsonNode x : visits) {
          if (x.get("visit").asText().equals(f[1])) {
            v = x;
          }
        }
        got = v.get("comparisons").get(0).get("mmrm");
        est = Double.parseDouble(f[2]);
        se = Double.parseDouble(f[3]);
      }
      // Both fits reach the same REML optimum: estimates agree to 1e-6 relative (gls stops short of the optimum that trialstat reaches; the exact REML optimum is pinned to 1e-8 in MmrmOracleTest). nlme's SEs come from
      // its approximate (numerical) covariance of the variance parameters: 1e-4 relative. df: emmeans'
      // Satterthwaite for gls differs by design (checked against SAS in MmrmFevTest instead).
      assertThat(got.get("estimate").asDouble()).as(line).isCloseTo(est, within(1e-6 * Math.abs(est)));
      assertThat(got.get("se").asDouble()).as(line).isCloseTo(se, within(1e-4 * se));
    }
  }

  @Test
  void tidyCsvCarriesTheVisitAndTheWeek() {
    CliRun run = CliRun.of("analyze", "--format", "csv", TestFiles.resource("oracles/mapp1_like.csv").toString());
    String[] lines = run.out().split("\n");
    assertThat(lines[0]).contains("method,visit,week");
    assertThat(run.out()).contains(",observed_mean,").contains(",mmrm_lsmean,").contains(",mmrm_difference,");
    assertThat(run.out()).containsPattern(",week6,6(,|\n)");
  }
}
