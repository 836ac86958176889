package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trialstat.report.OutputFormat;

/** The summary command: every output format, the tidy columns of analyze, layouts and exit codes. */
class SummaryCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path tmp;
  String mapp1;
  String mapp2;
  String pilot;

  @BeforeEach
  void files() throws IOException {
    mapp1 = write("mapp1.csv", """
        study,arm,control,randomized,n,change_mean,change_sd,loss_of_diagnosis_events,authors,year,design
        MAPP1,MDMA,no,46,42,-24.4,11.6,28,Mitchell et al.,2021,"Randomized, controlled phase 3 clinical trial"
        MAPP1,Placebo,yes,44,37,-13.9,11.5,12,,,
        """);
    mapp2 = write("mapp2.csv", """
        study,arm,control,randomized,n,change_mean,change_ci_low,change_ci_high,change_from_model,response_events,loss_of_diagnosis_events,remission_events,authors,year
        MAPP2,MDMA,no,53,52,-23.7,-26.94,-20.44,yes,45,37,24,Mitchell et al.,2023
        MAPP2,Placebo,yes,51,42,-14.8,-18.28,-11.28,yes,29,20,9,,
        """);
    pilot = write("pilot.csv", """
        study,arm,randomized,n,response_events,loss_of_diagnosis_events,authors,year
        Mithoefer2011,MDMA,12,12,10,,Mithoefer et al.,2011
        Mithoefer2011,Placebo,8,8,2,,,
        Otalora2018-12mo,MDMA (all doses),28,25,,19,Ot'alora G et al.,2018
        """);
  }

  private String write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p.toString();
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void everyFormatWorks(OutputFormat format) {
    CliRun run = CliRun.of("summary", "--format", format.name().toLowerCase(), mapp1, mapp2, pilot);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isNotBlank().doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void jsonIsOneObjectWithStudyOnEveryElement() throws IOException {
    CliRun run = CliRun.of("summary", "--format", "json", mapp1, mapp2, pilot);
    JsonNode n = MAPPER.readTree(run.out());
    assertThat(n.isObject()).isTrue();
    assertThat(n.get("arms")).hasSize(7);
    assertThat(n.get("comparisons")).hasSize(3);
    n.get("arms").forEach(a -> assertThat(a.has("study")).isTrue());
    n.get("comparisons").forEach(c -> assertThat(c.has("study")).isTrue());
    JsonNode c1 = n.get("comparisons").get(0);
    assertThat(c1.get("study").asText()).isEqualTo("MAPP1");
    // R 4.2.2 (see SummaryAnalysisTest): d = -0.90882695653209389, tol 1e-12
    assertThat(c1.get("cohens_d").get("estimate").asDouble()).isCloseTo(-0.90882695653209389, within(1e-12));
    assertThat(c1.get("welch").has("p")).isTrue();
    assertThat(c1.get("loss_of_diagnosis").get("fisher_p").isNumber()).isTrue();
    JsonNode mdma2 = n.get("arms").get(2);
    assertThat(mdma2.get("change").get("sd_source").asText()).isEqualTo("ci");
    assertThat(mdma2.get("change").get("approximate").asBoolean()).isTrue();
    assertThat(mdma2.get("change").get("conversion").asText()).contains("SE = (upper - lower)");
    // the single group has rates and no comparison
    assertThat(n.get("studies").get(3).get("control").isNull()).isTrue();
  }

  @Test
  void tidyColumnsAreThoseOfAnalyzeWithStudyFilled() {
    String header = "file,study,arm,treatment,control,outcome,statistic,estimate,ci_low,ci_high,p,n,method,visit,week"; // visit, week appended by the figures issue
    CliRun analyze = CliRun.of("analyze", "--format", "csv",
        org.trialstat.TestFiles.resource("oracles/mapp1_like.csv").toString());
    assertThat(analyze.out().lines().findFirst().orElseThrow()).isEqualTo(header);
    CliRun run = CliRun.of("summary", "--format", "csv", mapp1, mapp2, pilot);
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo(header);
    assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l.split(",", -1)[1]).isNotEmpty());
    // R 4.2.2 smd(42, -24.4, 11.6, 37, -13.9, 11.5) = -0.90882695653209389 (SummaryAnalysisTest), to 12 decimals
    assertThat(lines).anyMatch(l -> l.contains(",MAPP1,,MDMA,Placebo,change,cohens_d,-0.908826956532"));
    CliRun tsv = CliRun.of("summary", "--format", "tsv", mapp1);
    assertThat(tsv.out().lines().findFirst().orElseThrow()).isEqualTo(header.replace(',', '\t'));
  }

  @Test
  void tableHasOneBlockPerStudyWithDenominators() {
    CliRun run = CliRun.of("summary", mapp1, mapp2, pilot);
    assertThat(run.code()).as(run.err()).isZero();
    // Numbers, rounded as printed: hand arithmetic 28/42 = 0.6667, 37/52 = 0.7115, 10/12 = 0.8333,
    // 19/25 = 0.76 (R 4.2.2 sprintf("%.17g") agrees); d -0.909 = R 4.2.2 -0.90882695653209389 and SD 11.67 =
    // R 4.2.2 11.6737760272035533 (both from SummaryAnalysisTest); -23.70 is the input mean. Exact strings.
    assertThat(run.out()).contains("trialstat summary: MAPP1", "trialstat summary: MAPP2",
        "trialstat summary: Otalora2018-12mo", "Study", "Change (SD)", "d [95% CI]", "Loss of diagnosis",
        "42 of 46 rand.", "28/42 (66.7%)", "37/52 (71.2%)", "-0.909 [", "-23.70 (11.67) [a]", "t(0.975, 51)",
        "approximate", "10/12 (83.3%)", "19/25 (76.0%)");
  }

  @Test
  void findingsLayoutPrintsTheLiteraturesTables() {
    CliRun run = CliRun.of("summary", "--layout", "findings", mapp1, mapp2, pilot);
    assertThat(run.code()).as(run.err()).isZero();
    // Percentages: hand arithmetic on the input counts, 10/12 = 83.3%, 2/8 = 25.0%, 37/52 = 71.2%,
    // 20/42 = 47.6%, 19/25 = 76.0% (the published figures of samples/published/README.md); exact strings
    assertThat(run.out()).contains("Authors", "Year", "Study type", "Findings",
        "response 83.3% (10/12) vs 25.0% (2/8)", "Author/Sponsor",
        "% no longer meeting PTSD criteria", "104 randomized (53 MDMA, 51 Placebo); 52 MDMA analysed",
        "71.2% (37/52 MDMA) vs 47.6% (20/42 Placebo)", "28 randomized; 25 MDMA (all doses) analysed",
        "76.0% (19/25 MDMA (all doses))");
    CliRun md = CliRun.of("summary", "--layout", "findings", "--format", "markdown", mapp1);
    assertThat(md.out()).contains("| Authors | Year | Study type | Findings |");
    CliRun json = CliRun.of("summary", "--layout", "findings", "--format", "json", mapp1);
    assertThat(json.code()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void inputCiLevelIsDistinctFromConfLevel() throws IOException {
    JsonNode a = MAPPER.readTree(CliRun.of("summary", "-f", "json", "--conf-level", "0.9", mapp2).out());
    JsonNode c = a.get("arms").get(0).get("change");
    // R 4.2.2: sd1 as above = 11.6737760272035533 (input CIs are 95% whatever --conf-level), tol 1e-12
    assertThat(c.get("sd").asDouble()).isCloseTo(11.6737760272035533, within(1e-12));
    assertThat(c.get("conf_level").asDouble()).isEqualTo(0.9);
    JsonNode b = MAPPER.readTree(CliRun.of("summary", "-f", "json", "--input-ci-level", "0.9", mapp2).out());
    // R 4.2.2: (-20.44 - -26.94) / (2 * qt(0.95, 51)) * sqrt(52) = 13.989311659829408, tol 1e-12
    assertThat(b.get("arms").get(0).get("change").get("sd").asDouble()).isCloseTo(13.989311659829408, within(1e-12));
    assertThat(CliRun.of("summary", "--input-ci-level", "95", mapp2).code()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void badInputIsExit3WithFileLineAndColumn() throws IOException {
    String bad = write("bad.csv", "study,arm,n,change_mean,change_sd\nS,A,10,-5,2\nS,Placebo,10,-2,two\n");
    CliRun run = CliRun.of("summary", bad);
    assertThat(run.code()).isEqualTo(ExitCode.DATA);
    assertThat(run.err()).contains(bad + ":3:5: column change_sd: expected a number, got 'two'");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownControlIsAUsageError() {
    CliRun run = CliRun.of("summary", "--control", "Sugar", mapp1);
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("Sugar", "MDMA, Placebo");
  }

  @Test
  void outputFileIsWritten() throws IOException {
    Path out = tmp.resolve("out.json");
    CliRun run = CliRun.of("summary", "-f", "json", "-o", out.toString(), mapp1);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(MAPPER.readTree(out.toFile()).get("arms")).hasSize(2);
  }
}
