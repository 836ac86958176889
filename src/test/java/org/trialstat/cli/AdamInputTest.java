package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Analysis datasets through the command line: the ADaM sample in its three formats gives one result;
 * the row filters' accounting against counts taken directly from the CSV text; every bad-input case of
 * the formats as exit 2 or 3 with nothing on stdout.
 */
class AdamInputTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path ADAM = Path.of("samples", "adam");

  @TempDir
  Path tmp;

  private static JsonNode withoutFile(String json) throws IOException {
    JsonNode n = MAPPER.readTree(json);
    ((ObjectNode) n).remove("file");
    ((ObjectNode) n).remove("provenance");
    return n;
  }

  @Test
  void theThreeFormatsGiveOneResult() throws IOException {
    JsonNode csv = null;
    for (String ext : List.of("csv", "xpt", "json")) {
      CliRun r = CliRun.of("analyze", "--adam", "--param", "CAPS5TOT", "--population", "ITTFL", "--format", "json",
          ADAM.resolve("adeff." + ext).toString());
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode n = withoutFile(r.out());
      if (csv == null) {
        csv = n;
      } else {
        assertThat(n).as(ext).isEqualTo(csv);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "xpt", "json"})
  void filtersAreCountedInOrder(String ext) throws IOException {
    // Reference counts straight from the CSV text (columns PARAMCD 9, EFFFL 8, DTYPE 14; 1-based)
    List<String[]> rows = Files.readAllLines(ADAM.resolve("adeff.csv"), StandardCharsets.UTF_8).stream().skip(1)
        .map(l -> l.split(",", -1)).toList();
    long notCaps = rows.stream().filter(c -> !c[8].equals("CAPS5TOT")).count();
    long notEff = rows.stream().filter(c -> c[8].equals("CAPS5TOT") && !c[7].equals("Y")).count();
    long locf = rows.stream().filter(c -> c[8].equals("CAPS5TOT") && c[7].equals("Y") && !c[13].isEmpty()).count();
    CliRun r = CliRun.of("analyze", "--adam", "--param", "CAPS5TOT", "--population", "EFFFL", "--where", "DTYPE=\"\"",
        "--format", "json", ADAM.resolve("adeff." + ext).toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode rowsNode = MAPPER.readTree(r.out()).get("rows");
    assertThat(rowsNode.get("read").asInt()).isEqualTo(rows.size());
    assertThat(rowsNode.get("filtered").asLong()).isEqualTo(notCaps + notEff + locf);
    assertThat(rowsNode.get("filters").get(0).get("expression").asText()).isEqualTo("PARAMCD=CAPS5TOT");
    assertThat(rowsNode.get("filters").get(0).get("removed").asLong()).isEqualTo(notCaps);
    assertThat(rowsNode.get("filters").get(1).get("expression").asText()).isEqualTo("EFFFL=Y");
    assertThat(rowsNode.get("filters").get(1).get("removed").asLong()).isEqualTo(notEff);
    assertThat(rowsNode.get("filters").get(2).get("removed").asLong()).isEqualTo(locf);
    int excluded = 0;
    for (JsonNode e : rowsNode.get("excluded")) {
      excluded += e.get("count").asInt();
    }
    assertThat(rowsNode.get("used").asInt() + rowsNode.get("filtered").asInt() + excluded).isEqualTo(rows.size());
    CliRun table = CliRun.of("analyze", "--adam", "--param", "CAPS5TOT", ADAM.resolve("adeff." + ext).toString());
    assertThat(table.out()).contains("Rows: " + rows.size() + " read, ").contains(notCaps + " filtered")
        .contains("Filters (in order; a row is counted by the first it fails): PARAMCD=CAPS5TOT removed " + notCaps + ".");
  }

  @Test
  void withoutFiltersTheOutputHasNoFilterKeys() throws IOException {
    CliRun r = CliRun.of("analyze", "--format", "json", "samples/mapp1_like.csv");
    assertThat(MAPPER.readTree(r.out()).get("rows").has("filtered")).isFalse();
    assertThat(MAPPER.readTree(r.out()).get("rows").has("filters")).isFalse();
  }

  @Test
  void twoParametersWithoutParamIsTheOldError() {
    CliRun r = CliRun.of("analyze", "--adam", ADAM.resolve("adeff.xpt").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("adeff.xpt: record ").contains("variable AVISIT").contains("has a second row for visit");
  }

  @Test
  void usageErrorsExitTwo() {
    String xpt = ADAM.resolve("adeff.xpt").toString();
    expect(2, "has no column 'NOPE'; its columns: STUDYID, USUBJID", "analyze", "--adam", "--where", "NOPE=1", xpt);
    expect(2, "--where 'AVAL >>3': at character 7 ('>') expected a value", "analyze", "--adam", "--where", "AVAL >>3", xpt);
    expect(2, "column AVAL of " + xpt + " is numeric; expected a number, got 'abc'", "analyze", "--adam",
        "--where", "AVAL<abc", xpt);
    expect(2, "is not a SAS transport file", "analyze", "--member", "X", ADAM.resolve("adeff.csv").toString());
    expect(2, "--member X: " + xpt + " has no such member; its members: ADEFF", "analyze", "--member", "X", xpt);
    String two = Path.of("src", "test", "resources", "io", "xpt", "own_two_members.xpt").toString();
    expect(2, "has 2 members (OWN, SECOND); choose one with --member NAME", "analyze", "--adam", two);
  }

  @Test
  void twoFlaggedBaselineVisitsAreADataError() throws IOException {
    String csv = Files.readString(ADAM.resolve("adeff.csv")).replace(",Week 6,6,,,", ",Week 6,6,Y,,");
    Path f = tmp.resolve("flags.csv");
    Files.writeString(f, csv);
    expect(3, "rows flagged ABLFL = Y lie at 2 visits (Baseline, Week 6)", "analyze", "--adam", "--param", "CAPS5TOT",
        f.toString());
  }

  @Test
  void badTransportFilesExitThree() throws IOException {
    byte[] good = Files.readAllBytes(Path.of("src", "test", "resources", "io", "xpt", "own_v5.xpt"));
    write("truncated.xpt", Arrays.copyOf(good, good.length - 40));
    expect(3, "not a multiple of 80", "analyze", "--adam", "--scale", "none", tmp.resolve("truncated.xpt").toString());
    write("cut.xpt", Arrays.copyOf(good, 80 * 10));
    expect(3, "the transport file is truncated", "analyze", "--adam", tmp.resolve("cut.xpt").toString());
    write("text.xpt", "participant_id,arm,visit,caps_total\n".getBytes(StandardCharsets.UTF_8));
    expect(3, "text.xpt: not a SAS transport file", "analyze", tmp.resolve("text.xpt").toString());
    // own_v5's observations start after the OBS header; AVAL is at offset 31 of each 47-byte observation
    int data = indexOf(good, "HEADER RECORD*******OBS") + 80;
    byte[] nan = good.clone();
    nan[data + 31] = 0x3F;
    Arrays.fill(nan, data + 32, data + 39, (byte) 0);
    write("nan.xpt", nan);
    expect(3, "nan.xpt: record 1, variable AVAL: bytes 3F00000000000000 are not a number as SAS writes it",
        "analyze", "--adam", "--scale", "none", tmp.resolve("nan.xpt").toString());
  }

  @Test
  void badDatasetJsonAndSas7bdatExitThree() throws IOException {
    String head = "{\"columns\":[{\"name\":\"USUBJID\",\"dataType\":\"string\"},{\"name\":\"TRTP\",\"dataType\":"
        + "\"string\"},{\"name\":\"AVISIT\",\"dataType\":\"string\"},{\"name\":\"AVAL\",\"dataType\":\"double\"}]";
    write("short.json", (head + ",\"rows\":[[\"A\",\"Drug\",\"Baseline\"]]}").getBytes(StandardCharsets.UTF_8));
    expect(3, "short.json: record 1, variable AVAL: row has 3 cells but there are 4 columns", "analyze", "--adam",
        tmp.resolve("short.json").toString());
    write("type.json", (head + ",\"rows\":[[\"A\",\"Drug\",\"Baseline\",\"40\"]]}").getBytes(StandardCharsets.UTF_8));
    expect(3, "type.json: record 1, variable AVAL: cell is the string \"40\" but the column's dataType is double",
        "analyze", "--adam", tmp.resolve("type.json").toString());
    write("count.json", (head + ",\"records\":2,\"rows\":[[\"A\",\"Drug\",\"Baseline\",40]]}")
        .getBytes(StandardCharsets.UTF_8));
    expect(3, "\"records\" says 2 but the file has 1 rows", "analyze", "--adam", tmp.resolve("count.json").toString());
    write("broken.ndjson", (head + "}\n[\"A\",\"Drug\",\"Baseline\",40]\n[\"A\",\"Drug\",\n")
        .getBytes(StandardCharsets.UTF_8));
    expect(3, "broken.ndjson", "analyze", "--adam", tmp.resolve("broken.ndjson").toString());
    Path dm = Path.of("..", "shared", "adam", "dm.sas7bdat");
    Assumptions.assumeTrue(Files.exists(dm), "../shared/adam/dm.sas7bdat is absent: skipped");
    write("cut.sas7bdat", Arrays.copyOf(Files.readAllBytes(dm), 3000));
    expect(3, "cut.sas7bdat", "analyze", "--adam", tmp.resolve("cut.sas7bdat").toString());
  }

  @Test
  void pilotBdsDatasetIsAnalysed() {
    Path f = Path.of("..", "shared", "adam", "adqscibc.xpt");
    Assumptions.assumeTrue(Files.exists(f), "../shared/adam/adqscibc.xpt is absent: skipped");
    CliRun r = CliRun.of("analyze", "--adam", "--scale", "none", "--param", "CIBICVAL", "--population", "EFFFL",
        "--where", "ANL01FL=Y", "--control", "Placebo", f.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Rows: 730 read, ");
  }

  private void write(String name, byte[] bytes) throws IOException {
    Files.write(tmp.resolve(name), bytes);
  }

  private static int indexOf(byte[] b, String s) {
    byte[] p = s.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + p.length <= b.length; i++) {
      for (int k = 0; k < p.length; k++) {
        if (b[i + k] != p[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void expect(int code, String message, String... args) {
    CliRun r = CliRun.of(args);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(code);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
