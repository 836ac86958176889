package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code analyze --subgroup COL} against R 4.2.2 and metafor 3.8.1:
 * src/test/resources/subgroup/make_subgroup.R and its printed output make_subgroup.out (t.test and
 * lm per level, anova of the nested ANCOVAs for the interaction F, escalc + rma(mods, method = "FE")
 * QM for Q between subgroups). Tolerances: 1e-9 absolute on estimates, limits, F and Q (R prints 15
 * significant digits; both sides do the same QR / closed-form arithmetic), 1e-9 on p values.
 */
class SubgroupCliTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final double TOL = 1e-9;

  private static JsonNode subgroups(String... args) throws IOException {
    String[] all = new String[args.length + 3];
    all[0] = "analyze";
    all[1] = "--format";
    all[2] = "json";
    System.arraycopy(args, 0, all, 3, args.length);
    CliRun r = CliRun.of(all);
    assertThat(r.code()).as(r.err()).isZero();
    return MAPPER.readTree(r.out());
  }

  private static JsonNode comparison(JsonNode s, String level, String treatment) {
    for (JsonNode l : s.get("levels")) {
      if (l.get("level").asText().equals(level)) {
        for (JsonNode c : l.get("comparisons")) {
          if (c.get("treatment").asText().equals(treatment)) {
            return c;
          }
        }
      }
    }
    throw new AssertionError("no " + treatment + " in level " + level);
  }

  private static JsonNode interaction(JsonNode s, String treatment, String outcome, String statistic) {
    for (JsonNode i : s.get("interactions")) {
      if (i.get("treatment").asText().equals(treatment) && i.get("outcome").asText().equals(outcome)
          && i.get("statistic").asText().equals(statistic)) {
        return i;
      }
    }
    throw new AssertionError("no interaction " + treatment + " " + outcome + " " + statistic);
  }

  @Test
  void threeArmsBySexMatchR() throws IOException {
    JsonNode s = subgroups("--subgroup", "sex", "samples/three_arm_sites.csv").get("subgroups");
    assertThat(s.get("variable").asText()).isEqualTo("sex");
    assertThat(s.get("levels").get(0).get("level").asText()).isEqualTo("F");
    assertThat(s.get("levels").get(1).get("level").asText()).isEqualTo("M");
    assertThat(s.get("missing")).isEmpty();
    // make_subgroup.out, "level F Low-Placebo": n_t 27 n_c 24; welch -3.15277777777778 (-7.1702437343928 to
    // 0.86468817883724); ancova -3.10044398572839 (-7.00386093205915 to 0.802972960602365) p 0.117690852597813
    JsonNode fLow = comparison(s, "F", "Low");
    assertThat(fLow.get("welch").get("estimate").asDouble()).isCloseTo(-3.15277777777778, offset(TOL));
    assertThat(fLow.get("welch").get("ci_low").asDouble()).isCloseTo(-7.1702437343928, offset(TOL));
    assertThat(fLow.get("welch").get("ci_high").asDouble()).isCloseTo(0.86468817883724, offset(TOL));
    assertThat(fLow.get("ancova").get("estimate").asDouble()).isCloseTo(-3.10044398572839, offset(TOL));
    assertThat(fLow.get("ancova").get("ci_low").asDouble()).isCloseTo(-7.00386093205915, offset(TOL));
    assertThat(fLow.get("ancova").get("ci_high").asDouble()).isCloseTo(0.802972960602365, offset(TOL));
    assertThat(fLow.get("ancova").get("p").asDouble()).isCloseTo(0.117690852597813, offset(TOL));
    JsonNode arms = s.get("levels").get(0).get("arms");
    assertThat(arms.get(1).get("arm").asText()).isEqualTo("Low");
    assertThat(arms.get(1).get("analysed").asInt()).isEqualTo(27);
    assertThat(arms.get(0).get("analysed").asInt()).isEqualTo(24);
    // "level M High-Placebo ancova -11.3892788661599 ci -14.8088094557708 -7.96974827654889 p 3.14191481578588e-09"
    JsonNode mHigh = comparison(s, "M", "High").get("ancova");
    assertThat(mHigh.get("estimate").asDouble()).isCloseTo(-11.3892788661599, offset(TOL));
    assertThat(mHigh.get("ci_low").asDouble()).isCloseTo(-14.8088094557708, offset(TOL));
    assertThat(mHigh.get("p").asDouble()).isCloseTo(3.14191481578588e-09, offset(1e-15));
    // "interaction Low-Placebo F 0.50334348169327 df 1 df_residual 103 p 0.479637654200367"
    JsonNode f = interaction(s, "Low", "change", "ancova");
    assertThat(f.get("test").asText()).isEqualTo("F");
    assertThat(f.get("f").asDouble()).isCloseTo(0.50334348169327, offset(TOL));
    assertThat(f.get("df").asDouble()).isEqualTo(1);
    assertThat(f.get("df_residual").asDouble()).isEqualTo(103);
    assertThat(f.get("p").asDouble()).isCloseTo(0.479637654200367, offset(TOL));
    // "interaction High-Placebo F 2.55174966493416 df 1 df_residual 102 p 0.113265673436635"
    JsonNode fHigh = interaction(s, "High", "change", "ancova");
    assertThat(fHigh.get("f").asDouble()).isCloseTo(2.55174966493416, offset(TOL));
    assertThat(fHigh.get("df_residual").asDouble()).isEqualTo(102);
    assertThat(fHigh.get("p").asDouble()).isCloseTo(0.113265673436635, offset(TOL));
    // "q_between High-Placebo response RD QM 0.37144981660153 df 1 p 0.542215052597891", RR 0.0650655461701261
    // p 0.798661704989857, OR 1.2514106418824 p 0.263283223277855
    JsonNode rd = interaction(s, "High", "response", "risk_difference");
    assertThat(rd.get("test").asText()).isEqualTo("Q");
    assertThat(rd.get("q").asDouble()).isCloseTo(0.37144981660153, offset(TOL));
    assertThat(rd.get("df").asDouble()).isEqualTo(1);
    assertThat(rd.get("p").asDouble()).isCloseTo(0.542215052597891, offset(TOL));
    assertThat(interaction(s, "High", "response", "risk_ratio").get("q").asDouble())
        .isCloseTo(0.0650655461701261, offset(TOL));
    assertThat(interaction(s, "High", "response", "odds_ratio").get("p").asDouble())
        .isCloseTo(0.263283223277855, offset(TOL));
    // "q_between Low-Placebo response OR QM 0.121961304744639 df 1 p 0.726916955301384"
    assertThat(interaction(s, "Low", "response", "odds_ratio").get("q").asDouble())
        .isCloseTo(0.121961304744639, offset(TOL));
  }

  @Test
  void sixSitesWithOneMissingAreCountedNotDropped() throws IOException {
    JsonNode root = subgroups("--subgroup", "site", "samples/three_arm_sites.csv");
    JsonNode s = root.get("subgroups");
    assertThat(s.get("levels")).hasSize(6);
    assertThat(s.get("levels").get(0).get("level").asText()).isEqualTo("001");
    // make_subgroup.out: "site missing (baseline row empty), per arm: Placebo 1" (S007)
    assertThat(s.get("missing")).hasSize(1);
    assertThat(s.get("missing").get(0).get("arm").asText()).isEqualTo("Placebo");
    assertThat(s.get("missing").get(0).get("n").asInt()).isEqualTo(1);
    JsonNode pex = root.get("participants_excluded");
    assertThat(pex).hasSize(1);
    assertThat(pex.get(0).get("outcome").asText()).isEqualTo("subgroups");
    assertThat(pex.get(0).get("reason").asText()).isEqualTo("missing_subgroup");
    assertThat(pex.get(0).get("count").asInt()).isEqualTo(1);
    // "interaction Low-Placebo F 2.06216576593195 df 5 df_residual 94 p 0.0770293993345641"
    JsonNode f = interaction(s, "Low", "change", "ancova");
    assertThat(f.get("f").asDouble()).isCloseTo(2.06216576593195, offset(TOL));
    assertThat(f.get("df").asDouble()).isEqualTo(5);
    assertThat(f.get("df_residual").asDouble()).isEqualTo(94);
    assertThat(f.get("p").asDouble()).isCloseTo(0.0770293993345641, offset(TOL));
    // "q_between Low-Placebo response RD QM 9.17099551353064 df 5 p 0.102435042690916"
    JsonNode rd = interaction(s, "Low", "response", "risk_difference");
    assertThat(rd.get("q").asDouble()).isCloseTo(9.17099551353064, offset(TOL));
    assertThat(rd.get("df").asDouble()).isEqualTo(5);
    assertThat(rd.get("p").asDouble()).isCloseTo(0.102435042690916, offset(TOL));
    // "level 002 High-Placebo ancova -11.7847229172922 ci -17.7738648761226 -5.79558095846183"
    JsonNode a = comparison(s, "002", "High").get("ancova");
    assertThat(a.get("estimate").asDouble()).isCloseTo(-11.7847229172922, offset(TOL));
    assertThat(a.get("ci_high").asDouble()).isCloseTo(-5.79558095846183, offset(TOL));
  }

  @Test
  void adamStratumMatchesRAndTheWhereSubsets() throws IOException {
    String[] common = {"--adam", "--param", "CAPS5TOT", "--population", "ITTFL", "--where", "DTYPE=\"\""};
    String[] args = new String[common.length + 3];
    System.arraycopy(common, 0, args, 0, common.length);
    args[common.length] = "--subgroup";
    args[common.length + 1] = "DSSTRAT";
    args[common.length + 2] = "samples/adam/adeff.csv";
    JsonNode s = subgroups(args).get("subgroups");
    // "level CAPS5 < 45 Drug-Placebo ancova -9.62853073819131 ci -18.0003632182371 -1.25669825814549"
    JsonNode low = comparison(s, "CAPS5 < 45", "Drug");
    assertThat(low.get("ancova").get("estimate").asDouble()).isCloseTo(-9.62853073819131, offset(TOL));
    assertThat(low.get("ancova").get("ci_low").asDouble()).isCloseTo(-18.0003632182371, offset(TOL));
    // "level CAPS5 >= 45 Drug-Placebo welch -18.8516746411483 ci -25.3237417238312 -12.3796075584655"
    JsonNode high = comparison(s, "CAPS5 >= 45", "Drug");
    assertThat(high.get("welch").get("estimate").asDouble()).isCloseTo(-18.8516746411483, offset(TOL));
    assertThat(high.get("welch").get("ci_high").asDouble()).isCloseTo(-12.3796075584655, offset(TOL));
    // "interaction Drug-Placebo F 3.62109223963939 df 1 df_residual 44 p 0.0636073922890115"
    JsonNode f = interaction(s, "Drug", "change", "ancova");
    assertThat(f.get("f").asDouble()).isCloseTo(3.62109223963939, offset(TOL));
    assertThat(f.get("df_residual").asDouble()).isEqualTo(44);
    assertThat(f.get("p").asDouble()).isCloseTo(0.0636073922890115, offset(TOL));
    // "q_between Drug-Placebo response RR QM 0.00417760606450148 df 1 p 0.948465092253425"
    assertThat(interaction(s, "Drug", "response", "risk_ratio").get("q").asDouble())
        .isCloseTo(0.00417760606450148, offset(TOL));
    // Consistent with the plan's subgroups (samples/adam/plan.toml, --where DSSTRAT="CAPS5 >= 45"): the same
    // comparison, effect for effect, except the MMRM, which --subgroup does not refit per level.
    String[] where = new String[common.length + 3];
    System.arraycopy(common, 0, where, 0, common.length);
    where[common.length] = "--where";
    where[common.length + 1] = "DSSTRAT=\"CAPS5 >= 45\"";
    where[common.length + 2] = "samples/adam/adeff.csv";
    JsonNode whole = subgroups(where).get("comparisons").get(0);
    for (String key : new String[] {"welch", "student", "ancova", "cohens_d", "hedges_g"}) {
      assertThat(high.get(key)).as(key).isEqualTo(whole.get(key));
    }
    assertThat(high.get("response")).isEqualTo(whole.get("response"));
  }

  @Test
  void csvRowsCarryTheLevelInStudyAndTheInteractionRows() {
    CliRun r = CliRun.of("analyze", "--format", "csv", "--subgroup", "sex", "samples/three_arm_sites.csv");
    assertThat(r.code()).as(r.err()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).isEqualTo("file,study,arm,treatment,control,outcome,statistic,estimate,ci_low,ci_high,p,n,"
        + "method,visit,week,se,t,df,conf_level,reason");
    // the interaction F of Low vs Placebo (make_subgroup.out: F 0.50334348169327, p 0.479637654200367, df 1)
    String f = java.util.Arrays.stream(lines).filter(l -> l.contains(",sex,,Low,Placebo,change,ancova_interaction,"))
        .findFirst().orElseThrow();
    String[] c = f.split(",");
    assertThat(Double.parseDouble(c[7])).isCloseTo(0.50334348169327, offset(TOL));
    assertThat(Double.parseDouble(c[10])).isCloseTo(0.479637654200367, offset(TOL));
    assertThat(java.util.Arrays.stream(lines).filter(l -> l.contains(",sex=F,,Low,Placebo,change,ancova,"))).hasSize(1);
  }

  @Test
  void withoutSubgroupNothingChanges() throws IOException {
    JsonNode n = subgroups("samples/three_arm_sites.csv");
    assertThat(n.has("subgroups")).isFalse();
  }
}
