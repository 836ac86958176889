package org.trialstat.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialstat.model.ImputeResult;
import org.trialstat.model.ImputedEstimate;
import org.trialstat.model.Statistic;

/** Output of {@code trialstat impute}: JSON keys, tidy rows and tables (docs/output.md, "impute"). */
public final class ImputeWriter {

  /** The command whose results this writes (its name in headings, and picocli's name of the command). */
  public static final String COMMAND = "impute";

  private ImputeWriter() {
  }

  /** The per-file writer of {@code trialstat impute}. */
  public static PerFileOutput<ImputeResult> perFile(OutputFormat format) {
    return new PerFileOutput<>(format, COMMAND, ImputeWriter::tree, ImputeWriter::tidy, ImputeWriter::table);
  }

  /** The JSON object of one result; key names are public API. */
  public static Map<String, Object> tree(ImputeResult r) {
    Map<String, Object> st = Json.object("control", r.control(), "baseline", r.baseline(), "outcome", "change",
        "visits", new ArrayList<Object>(r.visits()), "references", new LinkedHashMap<String, Object>(r.references()),
        "strategies", new LinkedHashMap<String, Object>(r.strategies()), "conf_level", r.confLevel(),
        "effects", ResultTree.EFFECTS);
    if (r.draws() != null) {
      Json.put(st, "draws", r.draws().draws(), "seed", r.draws().seed());
      if (r.draws().interval() != null) {
        st.put("bootstrap_ci", r.draws().interval().name().toLowerCase(Locale.ROOT));
      }
    }
    return Json.object("file", r.file(), "settings", st, "rows", ResultTree.rows(r.rows()), "method", r.method(),
        "estimates", Json.array(r.estimates(), e -> estimate(e, rubin(r))),
        "tipping_points", Json.array(r.tipping(),
            t -> Json.object("treatment", t.treatment(), "visit", t.visit(), "delta", t.delta())));
  }

  /**
   * {@code {kind, arm | treatment, control, visit, delta, estimate, se, p, ci_low, ci_high, conf_level[, df]}}:
   * an arm's estimate names its {@code arm}, a contrast its {@code treatment} and {@code control}.
   */
  private static Map<String, Object> estimate(ImputedEstimate e, boolean df) {
    boolean contrast = !e.versus().isEmpty();
    Map<String, Object> m = Json.object("kind", e.kind(), contrast ? "treatment" : "arm", e.arm());
    if (contrast) {
      m.put("control", e.versus());
    }
    Json.put(m, "visit", e.visit(), "delta", e.delta(), "estimate", e.estimate(), "se", e.se(), "p", e.p());
    ResultTree.interval(m, e.lower(), e.upper(), e.level());
    if (df) {
      m.put("df", e.df());
    }
    return m;
  }

  /** True when the estimates carry Barnard-Rubin df (approx-bayes: a draw count and no bootstrap interval). */
  private static boolean rubin(ImputeResult r) {
    return r.draws() != null && r.draws().interval() == null;
  }

  static List<TidyRow> tidy(ImputeResult r) {
    List<TidyRow> rows = new ArrayList<>();
    for (ImputedEstimate e : r.estimates()) {
      boolean diff = !e.versus().isEmpty();
      int cut = e.kind().indexOf('_');
      boolean binary = !e.kind().equals("difference") && !e.kind().equals("ls_mean");
      String outcome = (binary ? e.kind().substring(0, cut) : "change") + "@" + e.visit()
          + (e.delta() == 0 ? "" : "+delta=" + Fmt.fixed(e.delta(), 3));
      String statistic = binary ? e.kind().substring(cut + 1) : diff ? "impute" : "lsmean";
      rows.add(new TidyRow(r.file(), "", diff ? null : e.arm(), diff ? e.arm() : null, diff ? e.versus() : null,
          outcome, statistic, e.estimate(), e.lower(), e.upper(), diff ? e.p() : Double.NaN,
          TidyRow.NO_N, e.method()));
    }
    return rows;
  }

  /** The estimate's name in the table: "MDMA - Placebo", "LS mean MDMA", "response RD MDMA - Placebo", ... */
  private static String label(ImputedEstimate e) {
    return switch (e.kind()) {
      case "difference" -> e.arm() + " - " + e.versus();
      case "ls_mean" -> "LS mean " + e.arm();
      default -> {
        int cut = e.kind().indexOf('_');
        String statistic = e.kind().substring(cut + 1);
        String what = statistic.equals(Statistic.RISK_DIFFERENCE.key()) ? " RD "
            : statistic.equals(Statistic.ODDS_RATIO.key()) ? " OR " : " rate ";
        yield e.kind().substring(0, cut) + what + e.arm() + (e.versus().isEmpty() ? "" : " / " + e.versus());
      }
    };
  }

  private static String table(ImputeResult r, boolean markdown) {
    String lvl = Fmt.level(r.confLevel());
    StringBuilder sb = new StringBuilder();
    TextTable.heading(sb, "trialstat impute: " + r.file(), markdown);
    sb.append("Outcome: change from ").append(r.baseline()).append("; control arm ").append(r.control())
        .append("; ").append(lvl).append(" confidence intervals.\n\n");
    boolean df = rubin(r);
    List<String> head = new ArrayList<>(List.of(">Delta", "Visit", "Estimate", ">Value", ">" + lvl + " CI", ">SE"));
    if (df) {
      head.add(">df");
    }
    head.add(">p");
    TextTable c = new TextTable(head.toArray(String[]::new));
    for (ImputedEstimate e : r.estimates()) {
      String what = label(e);
      List<String> cells = new ArrayList<>(List.of(Fmt.fixed(e.delta(), 2), e.visit(), what, Fmt.fixed(e.estimate(), 2),
          Fmt.ci(e.lower(), e.upper(), 2), Fmt.fixed(e.se(), 2)));
      if (df) {
        cells.add(e.df() >= 1e5 ? ">99999" : Fmt.fixed(e.df(), 1));
      }
      cells.add(e.versus().isEmpty() ? "" : Fmt.p(e.p()));
      c.row(cells.toArray(String[]::new));
    }
    c.appendSection(sb, "Estimates [1]", markdown);
    List<String> notes = new ArrayList<>();
    notes.add("[1] " + r.method() + "; strategies after the intercurrent event: " + r.strategies()
        + "; references: " + r.references() + (r.draws() == null ? "" : "; seed " + r.draws().seed()) + ".");
    for (ImputeResult.TippingPoint t : r.tipping()) {
      notes.add("Tipping point, " + t.treatment() + " at visit " + t.visit() + ": "
          + (Double.isNaN(t.delta()) ? "significance not lost over the deltas given"
              : "significance lost at delta " + Fmt.fixed(t.delta(), 3)) + ".");
    }
    notes.addAll(ResultTree.rowLines(r.rows()));
    TextTable.lines(sb, notes, markdown);
    return sb.toString();
  }
}
