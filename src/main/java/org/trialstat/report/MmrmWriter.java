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
import org.trialstat.model.VisitContrast;

/**
 * Renders {@code trialstat mmrm} results in every {@link OutputFormat}. In tidy CSV the visit is part of
 * the outcome: {@code change@week18} (or {@code score@VIS1} without a baseline).
 */
public final class MmrmWriter {

  private MmrmWriter() {
  }

  /** Renders the results of one or more files. */
  public static Output render(List<MmrmAnalysisResult> results, OutputFormat format, boolean alwaysArray) {
    return perFile(format).all(results, alwaysArray);
  }

  /** The streaming writer of {@code mmrm} results, one file at a time. */
  public static PerFileOutput<MmrmAnalysisResult> perFile(OutputFormat format) {
    return new PerFileOutput<>(format, "mmrm", MmrmWriter::tree, MmrmWriter::tidy, MmrmWriter::table);
  }

  /** The JSON object of one result; key names are public API (docs/output.md). */
  public static Map<String, Object> tree(MmrmAnalysisResult r) {
    Map<String, Object> o = Json.object();
    o.put("file", r.file());
    MmrmSettings s = r.settings();
    Map<String, Object> st = Json.object();
    st.put("scale", s.scale().key());
    st.put("score_min", s.scoreMin());
    st.put("score_max", s.scoreMax());
    st.put("control", s.control());
    st.put("baseline", s.baseline());
    st.put("outcome", s.outcome());
    st.put("visits", new ArrayList<Object>(s.visits()));
    st.put("covariates", new ArrayList<Object>(s.covariates()));
    st.put("ddf", s.ddf());
    st.put("convergence", s.convergence());
    st.put("covariance", new ArrayList<Object>(s.covariance()));
    st.put("covariance_by_arm", s.covarianceByArm());
    st.put("lsmeans_weights", s.lsmeansWeights().key());
    st.put("conf_level", s.confLevel());
    st.put("effects", "treatment - control");
    o.put("settings", st);
    o.put("rows", ResultTree.rows(r.rows()));
    Map<String, Object> fit = fit(r.fit());
    if (r.model() != null) {
      fit.put("model", model(r.model()));
    }
    o.put("fit", fit);
    o.put("lsmeans", Json.array(r.fit().lsmeans(), m -> {
      Map<String, Object> e = Json.object();
      e.put("arm", m.arm());
      e.put("visit", m.visit());
      e.put("n", m.n());
      e.put("estimate", m.estimate());
      e.put("se", m.se());
      e.put("df", m.df());
      ResultTree.interval(e, m.ciLow(), m.ciHigh(), m.confLevel());
      return e;
    }));
    o.put("comparisons", Json.array(r.fit().comparisons(), v -> {
      Difference d = v.difference();
      Map<String, Object> e = Json.object();
      e.put("treatment", v.treatment());
      e.put("control", v.control());
      e.put("visit", v.visit());
      e.put("estimate", d.estimate());
      e.put("se", d.se());
      e.put("df", d.df());
      e.put("t", d.t());
      e.put("p", d.p());
      ResultTree.interval(e, d.ciLow(), d.ciHigh(), d.confLevel());
      ResultTree.method(e, d.method(), d.reason());
      return e;
    }));
    return o;
  }

  /** The JSON object of a fitted model: {@code {formula, terms: [{name, kind, levels}]}}. */
  static Map<String, Object> model(FittedModel m) {
    Map<String, Object> o = Json.object();
    o.put("formula", m.formula());
    o.put("terms", Json.array(m.terms(), t -> {
      Map<String, Object> e = Json.object();
      e.put("name", t.name());
      e.put("kind", t.kind());
      e.put("levels", new ArrayList<Object>(t.levels()));
      return e;
    }));
    return o;
  }

  /** The JSON object of a fit's convergence and size ({@code fit} in mmrm, {@code mmrm_fit} in analyze). */
  static Map<String, Object> fit(MmrmResult f) {
    Map<String, Object> fit = Json.object();
    fit.put("method", f.method());
    fit.put(f.ml() ? "minus2_loglik" : "minus2_reml_loglik", f.minus2RemlLogLik());
    fit.put("converged", f.converged());
    fit.put("iterations", f.iterations());
    fit.put("convergence_criterion", f.convergenceCriterion());
    fit.put("subjects", f.subjects());
    fit.put("observations", f.observations());
    ResultTree.reason(fit, f.reason());
    CovarianceFit c = f.covariance();
    if (c != null) {
      fit.put("covariance", c.structure());
      fit.put("covariance_by_arm", c.byArm());
      fit.put("estimation", c.estimation());
      List<Object> params = new ArrayList<>();
      for (int i = 0; i < c.names().size(); i++) {
        Map<String, Object> e = Json.object();
        e.put("name", c.names().get(i));
        e.put("estimate", c.estimates().get(i));
        params.add(e);
      }
      fit.put("covariance_parameters", params);
      fit.put("aic", c.aic());
      fit.put("aicc", c.aicc());
      fit.put("bic", c.bic());
      fit.put("tried", Json.array(c.tried(), a -> {
        Map<String, Object> e = Json.object();
        e.put("structure", a.structure());
        e.put("status", a.status());
        ResultTree.reason(e, a.reason());
        return e;
      }));
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
      rows.add(new TidyRow(r.file(), "", null, v.treatment(), v.control(), outcome + "@" + v.visit(), "mmrm",
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
