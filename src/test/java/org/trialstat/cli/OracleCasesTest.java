package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstat.TestFiles;
import org.trialstat.report.JsonPath;

/**
 * Every value of the R reference cases (src/test/resources/oracles/*.expected.json, copied from
 * shared/oracles; R 4.2.2, effectsize 0.8.3, nlme 3.1-162, see oracles/README.md) is reproduced by
 * {@code trialstat analyze --format json ARGS FILE}, within the case's relative tolerance. The option
 * variants under oracles/extra were computed in R by make_extra.R there, not by trialstat. Tolerance:
 * |got - value| &lt;= max(tol * |value|, 1e-10).
 */
class OracleCasesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] CASES = {"mapp1_like", "small_pilot_caps4", "dose_response_caps4",
      // option variants, computed in R by oracles/extra/make_extra.R (R 4.2.2, effectsize 0.8.3)
      "extra/mapp1_like_nonresponder", "extra/mapp1_like_level90", "extra/mapp1_like_pct50_week12"};

  static Stream<Arguments> expectations() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String name : CASES) {
      JsonNode c = MAPPER.readTree(TestFiles.resource("oracles/" + name + ".expected.json").toFile());
      List<String> args = new ArrayList<>();
      args.add("analyze");
      args.add("--format");
      args.add("json");
      c.get("args").forEach(a -> args.add(a.asText()));
      java.nio.file.Path json = TestFiles.resource("oracles/" + name + ".expected.json");
      args.add(json.getParent().resolve(c.get("file").asText()).normalize().toString());
      for (JsonNode e : c.get("expect")) {
        out.add(Arguments.of(name, e.get("path").asText(), e.get("value").asDouble(), e.get("tol").asDouble(),
            args));
      }
    }
    return out.stream();
  }

  private static final java.util.Map<List<String>, Object> OUTPUTS = new java.util.concurrent.ConcurrentHashMap<>();

  private static Object output(List<String> args) {
    return OUTPUTS.computeIfAbsent(args, a -> {
      CliRun run = CliRun.of(a.toArray(String[]::new));
      assertThat(run.code()).as(run.err()).isZero();
      try {
        return MAPPER.readValue(run.out(), Object.class);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  @ParameterizedTest(name = "{0}: {1} = {2} (tol {3})")
  @MethodSource("expectations")
  void reproducesR(String caseName, String path, double value, double tol, List<String> args) {
    double got = JsonPath.number(output(args), path);
    assertThat(Math.abs(got - value)).as("%s %s: got %s, R %s", caseName, path, got, value)
        .isLessThanOrEqualTo(Math.max(tol * Math.abs(value), 1e-10));
  }

}
