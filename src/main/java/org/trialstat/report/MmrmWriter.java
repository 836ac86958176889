package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trialstat.model.CovarianceFit;
import org.trialstat.model.Difference;
import org.trialstat.model.FittedModel;
import org.trialstat.model.LsMean;
import org.trialstat.model.MmrmAnalysisResult;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.MmrmSettings;
import org.trialstat.model.Printable;
import org.trialstat.model.Statistic;
import org.trialstat.model.VisitContrast;

/**
 * Renders {@code trialstat mmrm} results in every {@link OutputFormat}. In tidy CSV the visit is part of
 * the outcome: {@code change@week18} (or {@code score@VIS1} without a baseline).
 */
public final class MmrmWriter {

  /** The command whose results this writes (its name in headings, and picocli's name of the command). */
  public static final String COMMAND = "mmrm";

  private MmrmWriter() {
  }

  /** Renders the results of one or more files. */
  public static Output render(List<MmrmAnalysisResult> results, OutputFormat format, boolean alwaysArray) {
    return perFile(format).all(results, alwaysArray);
  }

  /** The streaming writer of {@code mmrm} results, one file at a time. */
  public static PerFileOutput<MmrmAnalysisResult> perFile(OutputFormat format) {
    return new PerFileOutput<>(format, COMMAND, MmrmWriter::tree, MmrmWriter::tidy, MmrmWriter::table);
  }

  /** The JSON object of one result; key names are public API (docs/output.md). */
  public static Map<String, Object> tree(MmrmAnalysisResult r) {
    MmrmSettings s = r.settings();
    Map<String, Object> st = ResultTree.settingsHead(s.scale(), s.scoreMin(), s.scoreMax(), s.control(), s.baseline());
    Json.put(st, "outcome", s.outcome(), "visits", new ArrayList<Object>(s.visits()),
        "covariates", new ArrayList<Object>(s.covariates()), "ddf", s.ddf(), "convergence", s.convergence(),
        "covariance", new ArrayList<Object>(s.covariance()), "covariance_by_arm", s.covarianceByArm(),
        "lsmeans_weights", s.lsmeansWeights().key(), "conf_level", s.confLevel(), "effects", ResultTree.EFFECTS);
    return Json.object("file", r.file(), "settings", st, "rows", ResultTree.rows(r.rows()),
        "fit", fit(r.fit(), r.model()),
        "lsmeans", Json.array(r.fit().lsmeans(), m -> VisitTree.lsmean(Json.object("arm", m.arm(), "visit", m.visit()), m)),
        "comparisons", Json.array(r.fit().comparisons(), MmrmWriter::contrast));
  }

  /** {@code {treatment, control, visit, estimate, se, df, t, p, ci_low, ci_high, conf_level, method[, reason]}}. */
  private static Map<String, Object> contrast(VisitContrast v) {
    Difference d = v.difference();
    Map<String, Object> o = Json.object("treatment", v.treatment(), "control", v.control(), "visit", v.visit(),
        "estimate", d.estimate(), "se", d.se(), "df", d.df(), "t", d.t(), "p", d.p());
    return ResultTree.intervalAndMethod(o, d.ciLow(), d.ciHigh(), d.confLevel(), d.method(), d.reason());
  }

  /** The JSON object of a fitted model: {@code {formula, terms: [{name, kind, levels}]}}. */
  static Map<String, Object> model(FittedModel m) {
    return Json.object("formula", m.formula(), "terms", Json.array(m.terms(),
        t -> Json.object("name", t.name(), "kind", t.kind(), "levels", new ArrayList<Object>(t.levels()))));
  }

  /**
   * The JSON object of a fit's convergence and size ({@code fit} in mmrm, {@code mmrm_fit} in analyze), with
   * the fitted model's terms under {@code model} when {@code model} is not null.
   */
  static Map<String, Object> fit(MmrmResult f, FittedModel model) {
    Map<String, Object> fit = Json.object("method", f.method(),
        f.ml() ? "minus2_loglik" : "minus2_reml_loglik", f.minus2RemlLogLik(), "converged", f.converged(),
        "iterations", f.iterations(), "convergence_criterion", f.convergenceCriterion(), "subjects", f.subjects(),
        "observations", f.observations());
    ResultTree.reason(fit, f.reason());
    CovarianceFit c = f.covariance();
    if (c != null) {
      List<Object> params = new ArrayList<>();
      for (int i = 0; i < c.names().size(); i++) {
        params.add(Json.object("name", c.names().get(i), "estimate", c.estimates().get(i)));
      }
      Json.put(fit, "covariance", c.structure(), "covariance_by_arm", c.byArm(), "estimation", c.estimation(),
          "covariance_parameters", params, "aic", c.aic(), "aicc", c.aicc(), "bic", c.bic(),
          "tried", Json.array(c.tried(),
              a -> ResultTree.reason(Json.object("structure", a.structure(), "status", a.status()), a.reason())));
    }
    if (model != null) {
      fit.put("model", model(model));
    }
    return fit;
  }

  static List<TidyRow> tidy(MmrmAnalysisResult r) {
    List<TidyRow> rows = new ArrayList<>();
    String outcome = r.settings().outcome();
    String method = r.fit().method();
    for (LsMean m : r.fit().lsmeans()) {
      rows.add(new TidyRow(r.file(), "", m.arm(), null, null, outcome + "@" + m.visit(), "lsmean", m.estimate(),
          m.ciLow(), m.ciHigh(), Double.NaN, m.n(), r.settings().lsmeansWeights().lsMeanMethod(method), m.se(), Double.NaN, m.df(),
          TidyRow.Detail.level(m.ciLow(), m.ciHigh(), m.confLevel(), null).confLevel(), null).at(m.visit(), Double.NaN));
    }
    for (VisitContrast v : r.fit().comparisons()) {
      Difference d = v.difference();
      rows.add(new TidyRow(r.file(), "", null, v.treatment(), v.control(), outcome + "@" + v.visit(), Statistic.MMRM.key(),
          d.estimate(), d.ciLow(), d.ciHigh(), d.p(), TidyRow.NO_N, d.method(), d.se(), d.t(), d.df(),
          TidyRow.Detail.of(d).confLevel(), d.reason()).at(v.visit(), Double.NaN));
    }
    return rows;
  }

  private static String table(MmrmAnalysisResult r, boolean markdown) {
    MmrmSettings s = r.settings();
    MmrmResult f = r.fit();
    String lvl = Fmt.level(s.confLevel());
    StringBuilder sb = new StringBuilder();
    String title = "trialstat mmrm: " + r.file();
    TextTable.heading(sb, title, markdown);
    sb.append("Outcome: ").append(s.baseline() == null ? "score" : "change from " + Printable.escape(s.baseline()))
        .append("; control arm ").append(Printable.escape(s.control())).append("; ").append(lvl).append(" confidence intervals.\n\n");
    // Columns in the order of analyze's comparison table: estimate, CI, SE, (t,) df(, p).
    TextTable ls = new TextTable("Visit", "Arm", ">N", ">LS mean", ">" + lvl + " CI", ">SE", ">df");
    for (LsMean m : f.lsmeans()) {
      ls.row(m.visit(), m.arm(), Integer.toString(m.n()), Fmt.fixed(m.estimate(), 2), Fmt.ci(m.ciLow(), m.ciHigh(), 2),
          Fmt.fixed(m.se(), 2), Fmt.fixed(m.df(), 1));
    }
    ls.appendSection(sb, "Least-squares means [1]", markdown);
    TextTable c = new TextTable("Visit", "Comparison", ">Estimate", ">" + lvl + " CI", ">SE", ">t", ">df", ">p");
    for (VisitContrast v : f.comparisons()) {
      Difference d = v.difference();
      c.row(v.visit(), v.treatment() + " - " + v.control(), Fmt.fixed(d.estimate(), 2), Fmt.ci(d.ciLow(), d.ciHigh(), 2),
          Fmt.fixed(d.se(), 2), Fmt.fixed(d.t(), 2), Fmt.fixed(d.df(), 1), Fmt.p(d.p()));
    }
    c.appendSection(sb, "Treatment - control at each visit [2]", markdown);
    List<String> notes = new ArrayList<>();
    String fixed = r.model() != null ? r.model().formula()
        : s.baseline() == null ? "score ~ arm * visit" : "change ~ arm * visit + baseline * visit";
    notes.add("[1] " + f.method() + ": " + fixed + ". LS means " + s.lsmeansWeights().description()
        + " and take numeric covariates at their mean.");
    notes.add("[2] Contrasts of LS means, treatment - control, with " + s.ddf() + ".");
    notes.add("Fit: " + (f.converged() ? "converged" : "NOT converged") + " in " + f.iterations() + " iterations; "
        + f.subjects() + " participants, " + f.observations() + " observations; " + f.logLikLabel() + " "
        + Fmt.fixed(f.minus2RemlLogLik(), 2) + " (every digit in the JSON output).");
    notes.addAll(ResultTree.rowLines(r.rows()));
    TextTable.lines(sb, notes, markdown);
    return sb.toString();
  }
}
