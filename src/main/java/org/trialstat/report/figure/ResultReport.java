package org.trialstat.report.figure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.AnalysisSettings;
import org.trialstat.model.ArmResult;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Comparison;
import org.trialstat.model.Difference;
import org.trialstat.model.Effect;
import org.trialstat.model.EffectValue;
import org.trialstat.model.MeanSummary;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.Proportion;
import org.trialstat.model.Provenance;
import org.trialstat.model.RowAccounting;
import org.trialstat.model.Statistic;
import org.trialstat.model.TrialData;
import org.trialstat.report.Fmt;
import org.trialstat.report.SubgroupTable;
import org.trialstat.report.ProvenanceTree;

/**
 * The HTML report of {@code analyze} results: per file the results tables, the figures (trajectory of
 * the MMRM LS means, forest plots of the ANCOVA difference and of the risk ratios, waterfall, flow), the
 * methods, footnotes, warnings and row accounting, then a provenance line. Every number is the result's,
 * rounded as the text tables round them (docs/output.md).
 */
public final class ResultReport {

  /**
   * One analysed file.
   *
   * @param result the analysis
   * @param data   the data it was computed from (for the waterfall and the flow), or null
   */
  public record Input(AnalysisResult result, TrialData data) {
  }

  private ResultReport() {
  }

  /** The report of one or more files, with the run's provenance line (as the text tables print it) at the end. */
  public static HtmlReport of(List<Input> inputs, Provenance provenance) {
    return of(inputs, ProvenanceTree.line(provenance, false).strip() + " Command: " + provenance.commandLine());
  }

  /** The report of one or more files; {@code provenance} is printed at the end (for example tool version and command). */
  public static HtmlReport of(List<Input> inputs, String provenance) {
    String title = inputs.size() == 1 ? "trialstat report: " + inputs.get(0).result().file()
        : "trialstat report: " + inputs.size() + " files";
    HtmlReport page = new HtmlReport(title);
    for (Input in : inputs) {
      file(page, in, inputs.size() > 1);
    }
    if (inputs.size() > 1) {
      page.section("All files");
      page.figure(ResultFigures.forest(inputs.stream().map(Input::result).toList(), Statistic.ANCOVA));
    }
    page.section("Provenance");
    page.provenance(provenance);
    return page;
  }

  private static void file(HtmlReport page, Input in, boolean named) {
    AnalysisResult r = in.result();
    String suffix = named ? ": " + r.file() : "";
    page.warnings(warnings(r));
    page.section("Change from baseline by arm" + suffix);
    page.table("Scores and change from baseline", List.of("Arm", ">n", ">Baseline mean (SD)",
        ">Endpoint mean (SD)", ">Change mean (SD)", ">" + level(r) + " CI"), armRows(r));
    if (!r.comparisons().isEmpty()) {
      page.section("Treatment vs control" + suffix);
      page.table("Difference in change (treatment - control)", List.of("Comparison", "Statistic", ">Estimate",
          ">" + level(r) + " CI", ">p"), comparisonRows(r));
      List<List<String>> binary = binaryRows(r);
      if (!binary.isEmpty()) {
        page.table("Binary endpoints (treatment vs control)", List.of("Endpoint", "Comparison", ">Treatment",
            ">Control", ">RD (" + level(r) + " CI)", ">RR (" + level(r) + " CI)", ">OR (" + level(r) + " CI)",
            ">Fisher p"), binary);
      }
      if (r.subgroups() != null) {
        subgroups(page, r);
      }
    }
    page.section("Figures" + suffix);
    TrajectoryPlot trajectory = ResultFigures.trajectory(r);
    if (trajectory != null) {
      page.figure(trajectory);
    }
    if (!r.comparisons().isEmpty()) {
      page.figure(ResultFigures.forest(List.of(r), Statistic.ANCOVA));
      if (r.comparisons().stream().anyMatch(c -> !c.binaryOutcomes().isEmpty())) {
        page.figure(ResultFigures.forest(List.of(r), Statistic.RISK_RATIO));
      }
    }
    if (in.data() != null) {
      page.figure(ParticipantFigures.waterfall(in.data(), r));
    }
    page.section("Participants and rows" + suffix);
    if (in.data() != null) {
      page.figure(ParticipantFigures.flow(in.data(), r));
    }
    page.table("Row accounting: " + ParticipantFigures.rows(r.rows()), List.of("Rows", ">Count"), rowRows(r.rows()));
    page.section("Methods" + suffix);
    for (String m : methods(r)) {
      page.paragraph(m);
    }
    page.footnotes(r.notes());
  }

  /** The --subgroup tables; their footnotes (not-estimable reasons) go with the notes. */
  private static void subgroups(HtmlReport page, AnalysisResult r) {
    Set<String> reasons = new LinkedHashSet<>();
    String v = r.subgroups().variable();
    SubgroupTable.Table change = SubgroupTable.change(r.subgroups(), level(r), reasons);
    page.table("Change from baseline by " + v + " (treatment - control), with the interaction test", change.head(),
        change.rows());
    SubgroupTable.Table binary = SubgroupTable.binary(r.subgroups(), level(r), reasons);
    if (binary != null) {
      page.table("Binary endpoints by " + v + " (treatment vs control), with Q between subgroups", binary.head(),
          binary.rows());
    }
    page.paragraph(SubgroupTable.FOOTNOTE.substring("[10] ".length()));
    reasons.forEach(page::paragraph);
  }

  private static String level(AnalysisResult r) {
    return Fmt.level(r.settings().confLevel());
  }

  private static List<List<String>> armRows(AnalysisResult r) {
    List<List<String>> rows = new ArrayList<>();
    for (ArmResult a : r.arms()) {
      MeanSummary c = a.change();
      rows.add(List.of(a.arm(), Integer.toString(c.n()), meanSd(a.baseline()), meanSd(a.endpoint()), meanSd(c),
          Fmt.ci(c.ciLow(), c.ciHigh(), 2)));
    }
    return rows;
  }

  private static String meanSd(MeanSummary m) {
    return Fmt.fixed(m.mean(), 2) + " (" + Fmt.fixed(m.sd(), 2) + ")";
  }

  private static List<List<String>> comparisonRows(AnalysisResult r) {
    List<List<String>> rows = new ArrayList<>();
    for (Comparison c : r.comparisons()) {
      for (Effect e : c.effects()) {
        if (e.outcome().equals(Effect.CHANGE)) {
          EffectValue v = e.value();
          int d = e.statistic().decimals();
          rows.add(List.of(c.treatment() + " vs " + c.control(), e.statistic().label(), Fmt.fixed(v.estimate(), d),
              Fmt.ci(v.ciLow(), v.ciHigh(), d), Double.isFinite(v.p()) ? Fmt.p(v.p()) : ""));
        }
      }
    }
    return rows;
  }

  private static List<List<String>> binaryRows(AnalysisResult r) {
    List<List<String>> rows = new ArrayList<>();
    for (Comparison c : r.comparisons()) {
      for (String o : c.binaryOutcomes()) {
        rows.add(List.of(ResultFigures.outcomeLabel(o), c.treatment() + " vs " + c.control(), rate(r, c.treatment(), o),
            rate(r, c.control(), o), effect(c, Statistic.RISK_DIFFERENCE, o), effect(c, Statistic.RISK_RATIO, o),
            effect(c, Statistic.ODDS_RATIO, o), pValue(c.value(Statistic.FISHER_P, o))));
      }
    }
    return rows;
  }

  private static String rate(AnalysisResult r, String arm, String outcome) {
    for (ArmResult a : r.arms()) {
      if (a.arm().equals(arm)) {
        for (BinaryEndpoint b : a.binaryEndpoints()) {
          if (b.key().equals(outcome)) {
            Proportion p = a.rate(b);
            return String.format(Locale.ROOT, "%d/%d (%s)", p.events(), p.n(), Fmt.percent(p.rate()));
          }
        }
      }
    }
    return Fmt.NE;
  }

  private static String effect(Comparison c, Statistic s, String outcome) {
    EffectValue e = c.value(s, outcome);
    if (e == null) {
      return Fmt.NE;
    }
    int d = s.decimals();
    return Fmt.fixed(e.estimate(), d) + " (" + Fmt.ci(e.ciLow(), e.ciHigh(), d) + ")";
  }

  private static String pValue(EffectValue v) {
    return v == null ? Fmt.NE : Fmt.p(v.p());
  }

  private static List<List<String>> rowRows(RowAccounting rows) {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of("read", Integer.toString(rows.read())));
    out.add(List.of("used", Integer.toString(rows.used())));
    for (RowAccounting.Exclusion e : rows.excluded()) {
      out.add(List.of("excluded: " + ResultFigures.words(e.reason()), Integer.toString(e.count())));
    }
    return out;
  }

  private static List<String> warnings(AnalysisResult r) {
    List<String> w = new ArrayList<>();
    MmrmResult m = r.mmrm();
    if (m != null && (!m.converged() || m.reason() != null)) {
      w.add("Repeated-measures model: " + (m.reason() != null ? m.reason() : "did not converge") + ".");
    }
    for (Comparison c : r.comparisons()) {
      for (Effect e : c.effects()) {
        if (e.value() instanceof Difference d && d.reason() != null) {
          w.add(c.treatment() + " vs " + c.control() + ", " + d.method() + ": " + d.reason());
        }
      }
    }
    return w;
  }

  private static List<String> methods(AnalysisResult r) {
    AnalysisSettings s = r.settings();
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "Scale %s (valid scores %s to %s); change = %s minus %s; control arm %s. "
            + "Effects are treatment minus control; ratios treatment over control. Confidence level %s.",
        s.scale().label(), Fmt.fixed(s.scoreMin(), 0), Fmt.fixed(s.scoreMax(), 0), s.endpoint(), s.baseline(),
        s.control() == null ? "none" : s.control(), level(r)));
    out.add("Responder: " + s.response().describe() + "; binary endpoint denominators: " + s.missing().name()
        .toLowerCase(Locale.ROOT) + (Double.isFinite(s.remissionMax()) ? "; remission: endpoint score <= "
        + Fmt.fixed(s.remissionMax(), 0) + " and no diagnosis." : "."));
    Set<String> methods = new LinkedHashSet<>();
    r.arms().forEach(a -> methods.add(a.change().method()));
    r.arms().forEach(a -> a.binaryRates().forEach(p -> methods.add(p.method())));
    for (Comparison c : r.comparisons()) {
      c.effects().forEach(e -> methods.add(e.statistic().label() + ": " + e.value().method()));
    }
    if (r.mmrm() != null) {
      methods.add(r.mmrm().method());
    }
    methods.remove(null);
    out.add("Methods used: " + String.join("; ", methods) + ". Definitions, formulas and references: docs/methods.md.");
    return out;
  }
}
