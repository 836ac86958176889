package org.trialstat.report.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstat.TestFiles;
import org.trialstat.cli.CliRun;
import org.w3c.dom.Element;

/**
 * The SVG forest plot of {@code meta --plot forest=FILE}: printed numbers and mark positions against
 * metafor 3.8.1 (src/test/resources/meta/make_meta.out, written by make_meta.R; case and key beside
 * each check). Printed numbers are metafor's values rounded to 2 decimals; positions are the axis
 * mapping of metafor's values, to the 0.011 px of the SVG's 2-decimal coordinates.
 */
class MetaForestFigureTest {
  private static final double PX = 0.011;
  private static final Map<String, Double> REF = TestFiles.metaforReference();
  private static final String MAPP1 = "samples/published/studies/mapp1.csv";
  private static final String MAPP2 = "samples/published/studies/mapp2.csv";
  /** qnorm(0.975), R. */
  private static final double Z = 1.959963984540054;

  @TempDir
  Path tmp;

  private String svg(String... args) throws IOException {
    Path out = tmp.resolve("forest" + System.nanoTime() + ".svg");
    String[] all = new String[args.length + 4];
    all[0] = "meta";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--plot";
    all[args.length + 2] = "forest=" + out;
    all[args.length + 3] = "--quiet";
    CliRun run = CliRun.of(all);
    assertThat(run.code()).as(run.err()).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static double ref(String key) {
    Double v = REF.get(key);
    assertThat(v).as(key).isNotNull();
    return v;
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  @Test
  void mappSmdRowsDiamondAndPredictionIntervalAtMetaforsValues() throws IOException {
    String svg = svg(MAPP1, MAPP2);
    SvgDom dom = SvgDom.parse(svg);
    assertThat(dom.texts("title")).containsExactly(
        "Meta-analysis: standardized mean difference (Hedges' g), change from baseline");
    assertThat(dom.texts("axis-label")).containsExactly(
        "Standardized mean difference (Hedges' g) (treatment - control)");
    List<Element> rows = dom.byClass("row");
    assertThat(rows).hasSize(2);
    assertThat(dom.texts("label")).containsExactly("MAPP1", "MAPP2", "Pooled (k = 2)", "Prediction interval");
    List<String> numbers = dom.texts("numbers");
    for (int i = 0; i < 2; i++) {
      // metafor escalc("SMD"): yi, vi; the CI yi -/+ qnorm(0.975) sqrt(vi) (as metafor's forest())
      double yi = ref("mapp_smd yi[" + (i + 1) + "]");
      double half = Z * Math.sqrt(ref("mapp_smd vi[" + (i + 1) + "]"));
      assertThat(numbers.get(i)).isEqualTo(f2(yi) + " (" + f2(yi - half) + " to " + f2(yi + half) + ")");
      Element ci = SvgDom.byClass(rows.get(i), "ci").get(0);
      assertThat(SvgDom.num(ci, "x1")).isCloseTo(dom.pixel("x-axis", yi - half, false), offset(PX));
      assertThat(SvgDom.num(ci, "x2")).isCloseTo(dom.pixel("x-axis", yi + half, false), offset(PX));
    }
    // metafor rma(method = "REML") weights(), in percent
    assertThat(dom.texts("weight")).containsExactly(String.format(Locale.ROOT, "%.1f%%", ref("mapp_smd_reml w[1]")),
        String.format(Locale.ROOT, "%.1f%%", ref("mapp_smd_reml w[2]")));
    assertThat(numbers.get(2)).isEqualTo(f2(ref("mapp_smd_reml est")) + " (" + f2(ref("mapp_smd_reml lo")) + " to "
        + f2(ref("mapp_smd_reml hi")) + ")");
    String[] points = dom.byClass("diamond").get(0).getAttribute("points").split(" ");
    assertThat(x(points[0])).isCloseTo(dom.pixel("x-axis", ref("mapp_smd_reml lo"), false), offset(PX));
    assertThat(x(points[1])).isCloseTo(dom.pixel("x-axis", ref("mapp_smd_reml est"), false), offset(PX));
    assertThat(x(points[2])).isCloseTo(dom.pixel("x-axis", ref("mapp_smd_reml hi"), false), offset(PX));
    Element pi = dom.byClass("prediction-interval").get(0);
    assertThat(SvgDom.num(pi, "x1")).isCloseTo(dom.pixel("x-axis", ref("mapp_smd_reml pi_lo"), false), offset(PX));
    assertThat(SvgDom.num(pi, "x2")).isCloseTo(dom.pixel("x-axis", ref("mapp_smd_reml pi_hi"), false), offset(PX));
    String caption = String.join(" ", dom.texts("caption-line"));
    // metafor: QE, QEp
    assertThat(caption).contains("Q = " + f2(ref("mapp_smd_reml q")) + " (df = 1), p = "
        + String.format(Locale.ROOT, "%.4f", ref("mapp_smd_reml q_p")));
    assertThat(dom.texts("favours-left")).containsExactly("\u2190 Favours treatment");
    assertThat(svg(MAPP1, MAPP2)).as("byte-stable").isEqualTo(svg);
  }

  @Test
  void riskRatioOnALogAxisBackTransformed() throws IOException {
    SvgDom dom = SvgDom.parse(svg("--outcome", "loss_of_diagnosis", MAPP1, MAPP2));
    assertThat(dom.texts("legend-label")).contains("No effect (1)");
    // metafor rma(escalc("RR"), method = "REML"): exp of the log-scale estimate and limits
    assertThat(dom.texts("numbers").get(2)).isEqualTo(f2(Math.exp(ref("mapp_rr_reml est"))) + " ("
        + f2(Math.exp(ref("mapp_rr_reml lo"))) + " to " + f2(Math.exp(ref("mapp_rr_reml hi"))) + ")");
    String[] points = dom.byClass("diamond").get(0).getAttribute("points").split(" ");
    assertThat(x(points[1])).isCloseTo(dom.pixel("x-axis", Math.exp(ref("mapp_rr_reml est")), true), offset(PX));
    assertThat(dom.texts("favours-right")).containsExactly("Favours treatment \u2192");
  }

  @Test
  void subgroupHeadersAndTheTestForSubgroupDifferences() throws IOException {
    SvgDom dom = SvgDom.parse(svg("--subgroup", "design", TestFiles.resource("meta/dat_hackshaw1998.csv").toString()));
    assertThat(dom.texts("label")).contains("cohort", "case-control");
    assertThat(dom.byClass("subgroup")).hasSize(2);
    String caption = String.join(" ", dom.texts("caption-line"));
    // metafor: rma(yi, vi, mods = ~ design, method = "FE") QM (make_meta.R, hack_reml_sub qb)
    assertThat(caption).contains("Test for subgroup differences: Q = " + f2(ref("hack_reml_sub qb")));
  }

  private static double x(String point) {
    return Double.parseDouble(point.split(",")[0]);
  }
}
