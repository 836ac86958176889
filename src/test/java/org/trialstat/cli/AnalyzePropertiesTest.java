package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Metamorphic properties of {@code trialstat analyze} on small random trials (two arms, two to four
 * visits with a week column, some missing scores and diagnoses, arms of one participant now and then):
 * <ul>
 *   <li>shuffling the rows, renaming the arms (consistently, keeping their order of first appearance
 *       and the control), reordering the columns and adding unrelated columns leave the JSON output
 *       byte-identical (up to the renamed strings; a shuffle may change the order of the {@code arms}
 *       array, which lists arms in order of first appearance, so per-arm objects are compared by name);
 *   <li>swapping treatment and control negates every difference (t tests, ANCOVA, d, g, risk
 *       difference, NNT; CI limits swap and negate; SE, df and p stay) and inverts the ratios (RR, OR;
 *       limits swap), to 1e-12 relative (absolute below 1), the noncentral-t CI limits of d and g too.
 * </ul>
 */
class AnalyzePropertiesTest {
  /**
   * Fixed seed: CI runs the same cases every time (a new random failure must not turn an unrelated build
   * red). To explore new cases, run with another seed or remove it; on 2026-11-22 eight unseeded runs
   * (about 550 generated trials each) passed after the fixes they had prompted.
   */
  private static final String SEED = "20261122";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> HEADER = List.of("participant_id", "arm", "visit", "week", "caps_total",
      "ptsd_dx");

  private Path dir;

  @BeforeProperty
  void makeDir() throws IOException {
    dir = Files.createTempDirectory("trialstat-props");
  }

  @AfterProperty
  void removeDir() throws IOException {
    // Best effort: jqwik's shrinker may still be running a try in another thread after a failure, and
    // a leftover temporary file must not hide that failure behind a cleanup error.
    try (var s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      dir.toFile().deleteOnExit();
    }
  }

  /** A generated trial: data rows (cells in HEADER order), in file order. */
  record Trial(List<List<String>> rows) {
    Trial renamed(String from, String to) {
      List<List<String>> out = new ArrayList<>();
      for (List<String> r : rows) {
        List<String> c = new ArrayList<>(r);
        if (c.get(1).equals(from)) {
          c.set(1, to);
        }
        out.add(c);
      }
      return new Trial(out);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (List<String> r : rows) {
        sb.append(String.join(",", r)).append('\n');
      }
      return sb.toString();
    }
  }

  private static final String[] WEEKS = {"0", "4", "8", "12"};

  /** One participant's rows. */
  private static Arbitrary<List<List<String>>> participant(String arm, int visits) {
    Arbitrary<String> score = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 160).map(x -> x % 2 == 0
            ? Integer.toString(x / 2) : (x / 2) + ".5")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("", "NA")));
    Arbitrary<String> dx = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.of("1", "0")),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
    Arbitrary<Boolean> present = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(9, Arbitraries.just(true)), net.jqwik.api.Tuple.of(1, Arbitraries.just(false)));
    Arbitrary<List<String>> visit = Combinators.combine(score, dx, present).as((s, d, p) -> p
        ? List.of(s, d) : List.<String>of());
    return visit.list().ofSize(visits).map(cells -> {
      List<List<String>> rows = new ArrayList<>();
      for (int v = 0; v < cells.size(); v++) {
        if (!cells.get(v).isEmpty()) {
          rows.add(new ArrayList<>(List.of("", arm, "v" + v, WEEKS[v], cells.get(v).get(0), cells.get(v).get(1))));
        }
      }
      return rows;
    });
  }

  @Provide
  Arbitrary<Trial> trials() {
    return Arbitraries.integers().between(2, 4).flatMap(visits ->
        Combinators.combine(
            participant("Drug", visits).list().ofMinSize(1).ofMaxSize(7),
            participant("Placebo", visits).list().ofMinSize(1).ofMaxSize(7),
            Arbitraries.longs()).as((drug, placebo, seed) -> {
              // Interleave the participants; ids in a shuffled order so that id order != file order.
              List<List<List<String>>> all = new ArrayList<>();
              all.addAll(drug);
              all.addAll(placebo);
              Random random = new Random(seed);
              Collections.shuffle(all, random);
              // Drug must appear first so that arm order is fixed: move the first Drug participant up.
              for (int i = 0; i < all.size(); i++) {
                if (!all.get(i).isEmpty() && all.get(i).get(0).get(1).equals("Drug")) {
                  all.add(0, all.remove(i));
                  break;
                }
              }
              List<Integer> ids = new ArrayList<>();
              for (int i = 0; i < all.size(); i++) {
                ids.add(i + 1);
              }
              Collections.shuffle(ids, random);
              List<List<String>> rows = new ArrayList<>();
              for (int i = 0; i < all.size(); i++) {
                for (List<String> r : all.get(i)) {
                  r.set(0, String.format(java.util.Locale.ROOT, "P%03d", ids.get(i)));
                  rows.add(r);
                }
              }
              return new Trial(rows);
            }))
        .filter(AnalyzePropertiesTest::analysable);
  }

  /** Both arms present, and a participant with a baseline (v0) and an endpoint row. */
  private static boolean analysable(Trial t) {
    boolean drug = false;
    boolean placebo = false;
    boolean v0 = false;
    String last = "v0";
    for (List<String> r : t.rows()) {
      drug |= r.get(1).equals("Drug");
      placebo |= r.get(1).equals("Placebo");
      v0 |= r.get(2).equals("v0");
      last = r.get(2).compareTo(last) > 0 ? r.get(2) : last;
    }
    return drug && placebo && v0 && !last.equals("v0");
  }

  private String run(List<String> header, List<List<String>> rows, String... options) {
    StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
    for (List<String> r : rows) {
      for (int i = 0; i < r.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        String c = r.get(i);
        sb.append(c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
      }
      sb.append('\n');
    }
    Path f = dir.resolve("trial.csv");
    try {
      Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> args = new ArrayList<>(List.of("analyze", "--format", "json"));
    args.addAll(List.of(options));
    args.add(f.toString());
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.code()).as(run.err() + "\n" + sb).isZero();
    assertThat(run.out()).doesNotContain("NaN", "Infinity");
    return run.results(); // provenance names the input's checksum, which shuffling changes
  }

  /**
   * The JSON text with the per-arm arrays ({@code arms}, {@code participants_excluded}, which follow
   * the order of first appearance of the arms) stably sorted by arm name.
   */
  private static String armsByName(String json) {
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(json);
      for (String key : List.of("arms", "participants_excluded")) {
        sortByArm(root, key);
      }
      if (root.has("visits")) {
        root.get("visits").forEach(v -> sortByArm((ObjectNode) v, "arms"));
      }
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sortByArm(ObjectNode node, String key) {
    List<JsonNode> arms = new ArrayList<>();
    node.get(key).forEach(arms::add);
    arms.sort(Comparator.comparing(a -> a.get("arm").asText()));
    ArrayNode sorted = MAPPER.createArrayNode();
    arms.forEach(sorted::add);
    node.set(key, sorted);
  }

  @Property(tries = 150, seed = SEED)
  void shufflingRowsChangesNothing(@ForAll("trials") Trial trial, @ForAll long seed) {
    String expected = run(HEADER, trial.rows());
    List<List<String>> shuffled = new ArrayList<>(trial.rows());
    Collections.shuffle(shuffled, new Random(seed));
    String got = run(HEADER, shuffled);
    String firstArm = shuffled.get(0).get(1);
    if (firstArm.equals("Drug")) {
      assertThat(got).isEqualTo(expected); // same arm order: the whole output is byte-identical
    } else {
      assertThat(armsByName(got)).isEqualTo(armsByName(expected));
    }
  }

  @Property(tries = 100, seed = SEED)
  void renamingArmsChangesOnlyTheNames(@ForAll("trials") Trial trial) {
    String expected = run(HEADER, trial.rows(), "--control", "Placebo");
    String t = "Ω treatment, \"new\"";
    String c = "=sham Ω";
    Trial renamed = trial.renamed("Drug", t).renamed("Placebo", c);
    String got = run(HEADER, renamed.rows(), "--control", c);
    // Names also appear inside messages (reasons, notes): map them back wherever they occur.
    String back = got.replace(jsonInner(t), "Drug").replace(jsonInner(c), "Placebo");
    assertThat(back).isEqualTo(expected);
  }

  private static String jsonInner(String s) {
    String quoted = jsonString(s);
    return quoted.substring(1, quoted.length() - 1);
  }

  private static String jsonString(String s) {
    try {
      return MAPPER.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Property(tries = 100, seed = SEED)
  void reorderingAndAddingColumnsChangesNothing(@ForAll("trials") Trial trial, @ForAll long seed) {
    String expected = run(HEADER, trial.rows());
    Random random = new Random(seed);
    List<String> header = new ArrayList<>(HEADER);
    header.addAll(List.of("site", "comment", "rater", "caps_total_item1"));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    String[] comments = {"", "NA", "ok, done", "said \"fine\"", "=1+1", "-", "x;y", "  spaced  "};
    List<String> newHeader = new ArrayList<>();
    for (int i : order) {
      newHeader.add(header.get(i));
    }
    List<List<String>> rows = new ArrayList<>();
    for (List<String> r : trial.rows()) {
      List<String> full = new ArrayList<>(r);
      full.add("site" + random.nextInt(3));
      full.add(comments[random.nextInt(comments.length)]);
      full.add(random.nextBoolean() ? "" : "R" + random.nextInt(9));
      full.add(Integer.toString(random.nextInt(200) - 50)); // out of range, but not the score column
      List<String> reordered = new ArrayList<>();
      for (int i : order) {
        reordered.add(full.get(i));
      }
      rows.add(reordered);
    }
    assertThat(run(newHeader, rows)).isEqualTo(expected);
  }

  @Property(tries = 150, seed = SEED)
  void swappingTreatmentAndControlNegatesDifferencesAndInvertsRatios(@ForAll("trials") Trial trial)
      throws IOException {
    JsonNode ab = MAPPER.readTree(run(HEADER, trial.rows(), "--control", "Placebo"));
    JsonNode ba = MAPPER.readTree(run(HEADER, trial.rows(), "--control", "Drug"));
    // LS means do not depend on the reference arm, but are fitted afresh: equal up to rounding (ANCOVA, QR)
    // and the REML optimiser's stopping point (MMRM); everything else per arm byte for byte.
    for (int i = 0; i < ab.get("arms").size(); i++) {
      for (String key : List.of("ancova_lsmean", "mmrm_lsmean")) {
        JsonNode l1 = ab.get("arms").get(i).get(key);
        JsonNode l2 = ba.get("arms").get(i).get(key);
        assertThat(l2 == null).isEqualTo(l1 == null);
        if (l1 != null) {
          for (String k : List.of("estimate", "se", "df", "ci_low", "ci_high")) {
            same(l1, l2, k, key.startsWith("ancova") ? 1e-9 : 1e-6);
          }
        }
        ((ObjectNode) ab.get("arms").get(i)).remove(key);
        ((ObjectNode) ba.get("arms").get(i)).remove(key);
      }
    }
    assertThat(ba.get("arms")).isEqualTo(ab.get("arms"));
    assertThat(ba.get("rows")).isEqualTo(ab.get("rows"));
    JsonNode c1 = ab.get("comparisons").get(0);
    JsonNode c2 = ba.get("comparisons").get(0);
    assertThat(c2.get("treatment").asText()).isEqualTo(c1.get("control").asText());
    for (String key : List.of("welch", "student", "ancova")) {
      negated(c1.get(key), c2.get(key), "estimate", "estimate", 1e-12);
      negated(c1.get(key), c2.get(key), "t", "t", 1e-12);
      negated(c1.get(key), c2.get(key), "ci_low", "ci_high", 1e-12);
      negated(c1.get(key), c2.get(key), "ci_high", "ci_low", 1e-12);
      same(c1.get(key), c2.get(key), "se", 1e-12);
      same(c1.get(key), c2.get(key), "df", 1e-12);
      same(c1.get(key), c2.get(key), "p", 1e-12);
    }
    for (String key : List.of("cohens_d", "hedges_g")) {
      negated(c1.get(key), c2.get(key), "estimate", "estimate", 1e-12);
      negated(c1.get(key), c2.get(key), "ci_low", "ci_high", 1e-12);
      negated(c1.get(key), c2.get(key), "ci_high", "ci_low", 1e-12);
    }
    for (String outcome : List.of("response", "loss_of_diagnosis", "remission")) {
      JsonNode b1 = c1.get(outcome);
      JsonNode b2 = c2.get(outcome);
      assertThat(b2 == null).isEqualTo(b1 == null);
      if (b1 == null) {
        continue;
      }
      for (String key : List.of("risk_difference", "nnt")) {
        negated(b1.get(key), b2.get(key), "estimate", "estimate", 1e-12);
        negated(b1.get(key), b2.get(key), "ci_low", "ci_high", 1e-12);
        negated(b1.get(key), b2.get(key), "ci_high", "ci_low", 1e-12);
      }
      for (String key : List.of("risk_ratio", "odds_ratio")) {
        inverted(b1.get(key), b2.get(key), "estimate", "estimate");
        inverted(b1.get(key), b2.get(key), "ci_low", "ci_high");
        inverted(b1.get(key), b2.get(key), "ci_high", "ci_low");
      }
      same(b1, b2, "fisher_p", 1e-12);
    }
  }

  private static void negated(JsonNode o1, JsonNode o2, String k1, String k2, double tol) {
    JsonNode v1 = o1.get(k1);
    JsonNode v2 = o2.get(k2);
    assertThat(v2.isNull()).as(k1 + " " + o1 + " vs " + o2).isEqualTo(v1.isNull());
    if (!v1.isNull()) {
      double a = v1.asDouble();
      double b = v2.asDouble();
      // A CI limit is estimate +/- margin: its rounding error scales with the larger operand, which can be
      // far above the limit itself when the two nearly cancel (e.g. 371.02 - 362.32 = 8.70).
      double scale = Math.max(1, Math.abs(a));
      if (k1.startsWith("ci_") && o1.hasNonNull("estimate")) {
        scale = Math.max(scale, Math.abs(o1.get("estimate").asDouble()));
      }
      assertThat(Math.abs(a + b)).as("%s: %s vs %s", k1, o1, o2).isLessThanOrEqualTo(tol * scale);
    }
  }

  private static void same(JsonNode o1, JsonNode o2, String k, double tol) {
    JsonNode v1 = o1.get(k);
    JsonNode v2 = o2.get(k);
    assertThat(v2.isNull()).as(k + " " + o1 + " vs " + o2).isEqualTo(v1.isNull());
    if (!v1.isNull()) {
      assertThat(Math.abs(v1.asDouble() - v2.asDouble())).as("%s: %s vs %s", k, o1, o2)
          .isLessThanOrEqualTo(tol * Math.max(1, Math.abs(v1.asDouble())));
    }
  }

  private static void inverted(JsonNode o1, JsonNode o2, String k1, String k2) {
    JsonNode v1 = o1.get(k1);
    JsonNode v2 = o2.get(k2);
    assertThat(v2.isNull()).as(k1 + " " + o1 + " vs " + o2).isEqualTo(v1.isNull());
    if (!v1.isNull()) {
      assertThat(Math.abs(v1.asDouble() * v2.asDouble() - 1)).as("%s: %s vs %s", k1, o1, o2)
          .isLessThanOrEqualTo(1e-12);
    }
  }
}
