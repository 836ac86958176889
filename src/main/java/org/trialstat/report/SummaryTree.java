package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trialstat.model.Comparison;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.SummaryInput;
import org.trialstat.model.SummaryResult;

/**
 * The JSON tree of {@code trialstat summary}: one object for all studies of all files. {@code arms[]}
 * and {@code comparisons[]} carry {@code study} on every element and use the keys of {@code analyze}
 * ({@link ResultTree}) for {@code change}, {@code welch}, {@code student}, {@code cohens_d},
 * {@code hedges_g} and the binary endpoints. Documented in {@code docs/output.md}.
 */
public final class SummaryTree {

  private SummaryTree() {
  }

  /** The JSON object of a summary result. */
  public static Map<String, Object> of(SummaryResult r) {
    Map<String, Object> o = Json.object();
    o.put("files", new ArrayList<Object>(r.files()));
    Map<String, Object> settings = Json.object();
    settings.put("conf_level", r.confLevel());
    settings.put("input_ci_level", r.inputCiLevel());
    settings.put("effects", "treatment - control; ratios treatment / control");
    o.put("settings", settings);
    List<Object> studies = new ArrayList<>();
    List<Object> arms = new ArrayList<>();
    List<Object> comparisons = new ArrayList<>();
    List<Object> warnings = new ArrayList<>();
    for (SummaryResult.Study s : r.studies()) {
      Map<String, Object> so = Json.object();
      so.put("study", s.study());
      so.put("file", s.file());
      so.put("authors", s.authors());
      so.put("year", s.year());
      so.put("design", s.design());
      so.put("control", s.control());
      so.put("notes", new ArrayList<Object>(s.notes()));
      so.put("warnings", new ArrayList<Object>(s.warnings()));
      studies.add(so);
      for (SummaryResult.Arm a : s.arms()) {
        arms.add(arm(s, a));
      }
      for (Comparison c : s.comparisons()) {
        comparisons.add(comparison(s, c));
      }
      for (String w : s.warnings()) {
        warnings.add(s.study() + ": " + w);
      }
    }
    o.put("studies", studies);
    o.put("arms", arms);
    o.put("comparisons", comparisons);
    o.put("warnings", warnings);
    return o;
  }

  private static Map<String, Object> arm(SummaryResult.Study s, SummaryResult.Arm a) {
    Map<String, Object> o = Json.object();
    o.put("study", s.study());
    o.put("arm", a.arm());
    o.put("control", a.control());
    o.put("n", a.n());
    o.put("randomized", a.randomized() == SummaryInput.NOT_REPORTED ? null : a.randomized());
    if (a.baseline() != null) {
      o.put("baseline", ResultTree.descriptives(a.baseline()));
    }
    if (a.change() != null) {
      Map<String, Object> c = ResultTree.meanSummary(a.change());
      c.put("sd_source", a.sdSource().key());
      c.put("conversion", a.conversion());
      c.put("approximate", a.approximate());
      o.put("change", c);
    }
    for (BinaryEndpoint e : a.endpoints()) {
      o.put(e.key(), ResultTree.proportion(a.rate(e)));
    }
    return o;
  }

  private static Map<String, Object> comparison(SummaryResult.Study s, Comparison c) {
    Map<String, Object> o = Json.object();
    o.put("study", s.study());
    o.put("treatment", c.treatment());
    o.put("control", c.control());
    ResultTree.effects(o, c);
    return o;
  }
}
