package org.trialstat.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.AnalysisSettings;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Difference;
import org.trialstat.model.Printable;

/**
 * Publication-style tables of an {@code analyze} result: per-arm continuous and binary outcomes, the
 * treatment-versus-control comparisons, and footnotes defining every number. This enum lays the
 * sections out in order; {@link ArmTables}, {@link ComparisonTables} and the other tables' classes build
 * them, {@link TableFootnotes} writes the footnotes.
 */
public enum TableReport {
  /** Aligned plain text for the terminal. */
  PLAIN,
  /** GitHub-flavoured Markdown tables. */
  MARKDOWN;

  /** Renders one result. */
  public String render(AnalysisResult r) {
    AnalysisSettings s = r.settings();
    String lvl = Fmt.level(s.confLevel());
    StringBuilder sb = new StringBuilder();
    heading(sb, "trialstat analyze: " + r.file());
    sb.append(s.scale().label()).append("; baseline visit ").append(Printable.escape(s.baseline()))
        .append(", endpoint visit ").append(Printable.escape(s.endpoint()));
    if (s.control() != null) {
      sb.append("; control arm ").append(Printable.escape(s.control()));
    }
    sb.append("; ").append(lvl).append(" confidence intervals.\n\n");

    section(sb, "Scores by arm [1]", ArmTables.scores(r, lvl));

    List<BinaryEndpoint> endpoints = r.arms().isEmpty() ? List.of() : r.arms().get(0).binaryEndpoints();
    if (!endpoints.isEmpty()) {
      section(sb, "Binary endpoints by arm [2]", ArmTables.rates(r, endpoints, lvl));
    }

    Set<String> reasons = new LinkedHashSet<>();
    if (!r.comparisons().isEmpty()) {
      TextTable diff = ComparisonTables.differences(r, lvl, reasons);
      TextTable es = ComparisonTables.standardized(r, lvl, reasons);
      section(sb, "Change from baseline, treatment - control [3]", diff);
      TextTable ls = ArmTables.lsMeans(r, lvl, reasons);
      if (ls != null) {
        section(sb, "LS means of change at " + s.endpoint() + " [3]", ls);
      }
      section(sb, "Standardized mean difference of change [4]", es);

      if (!endpoints.isEmpty()) {
        TextTable bin = ComparisonTables.binary(r, lvl, reasons);
        if (bin != null) {
          section(sb, "Binary endpoints, treatment vs control [5]", bin);
        }
        TextTable strat = StratifiedTable.build(r.comparisons(), lvl, reasons);
        if (strat != null) {
          section(sb, "Stratified binary endpoints, treatment vs control [6]", strat);
        }
        TextTable adjustedBinary = AdjustedTable.build(r.comparisons(), lvl, reasons);
        if (adjustedBinary != null) {
          section(sb, "Covariate-adjusted binary endpoints, treatment vs control [7]", adjustedBinary);
        }
      }
    }
    if (r.doseResponse() != null) {
      Difference d = r.doseResponse();
      TextTable dose = new TextTable("Dose response", ">Estimate", ">" + lvl + " CI", ">SE", ">t", ">df", ">p");
      dose.row("Change per unit dose" + (d.reason() != null ? "*" : ""), Fmt.fixed(d.estimate(), 4),
          Fmt.ci(d.ciLow(), d.ciHigh(), 4), Fmt.fixed(d.se(), 4), Fmt.fixed(d.t(), 2), Fmt.fixed(d.df(), 1),
          Fmt.p(d.p()));
      if (d.reason() != null) {
        reasons.add("Dose response: " + d.reason());
      }
      section(sb, "Dose response [9]", dose);
    }
    if (r.subgroups() != null) {
      section(sb, "Change from baseline by " + r.subgroups().variable() + ", treatment - control [10]",
          SubgroupTable.change(r.subgroups(), lvl, reasons).text());
      SubgroupTable.Table bin = SubgroupTable.binary(r.subgroups(), lvl, reasons);
      if (bin != null) {
        section(sb, "Binary endpoints by " + r.subgroups().variable() + ", treatment vs control [10]", bin.text());
      }
    }
    TextTable sensitivity = SensitivityReport.table(r, lvl, reasons);
    if (sensitivity != null) {
      section(sb, "Sensitivity analyses at " + s.endpoint() + ", treatment - control [11]", sensitivity);
    }
    TextTable.lines(sb, TableFootnotes.lines(r, reasons), this == MARKDOWN);
    return sb.toString();
  }

  private void heading(StringBuilder sb, String text) {
    TextTable.heading(sb, text, this == MARKDOWN);
  }

  private void section(StringBuilder sb, String title, TextTable table) {
    table.appendSection(sb, title, this == MARKDOWN);
  }
}
