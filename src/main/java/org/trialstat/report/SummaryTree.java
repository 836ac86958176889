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
    Map<String, Object> o = Json.object("files", new ArrayList<Object>(r.files()), "settings", Json.object(
        "conf_level", r.confLevel(), "input_ci_level", r.inputCiLevel(), "effects", ResultTree.EFFECTS_AND_RATIOS));
    List<Object> studies = new ArrayList<>();
    List<Object> arms = new ArrayList<>();
    List<Object> comparisons = new ArrayList<>();
    List<Object> warnings = new ArrayList<>();
    for (SummaryResult.Study s : r.studies()) {
      studies.add(Json.object("study", s.study(), "file", s.file(), "authors", s.authors(), "year", s.year(),
          "design", s.design(), "control", s.control(), "notes", new ArrayList<Object>(s.notes()),
          "warnings", new ArrayList<Object>(s.warnings())));
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
    return Json.put(o, "studies", studies, "arms", arms, "comparisons", comparisons, "warnings", warnings);
  }

  private static Map<String, Object> arm(SummaryResult.Study s, SummaryResult.Arm a) {
    Map<String, Object> o = Json.object("study", s.study(), "arm", a.arm(), "control", a.control(), "n", a.n(),
        "randomized", a.randomized() == SummaryInput.NOT_REPORTED ? null : a.randomized());
    if (a.baseline() != null) {
      o.put("baseline", ResultTree.descriptives(a.baseline()));
    }
    if (a.change() != null) {
      o.put("change", Json.put(ResultTree.meanSummary(a.change()), "sd_source", a.sdSource().key(),
          "conversion", a.conversion(), "approximate", a.approximate()));
    }
    for (BinaryEndpoint e : a.endpoints()) {
      o.put(e.key(), ResultTree.proportion(a.rate(e)));
    }
    return o;
  }

  private static Map<String, Object> comparison(SummaryResult.Study s, Comparison c) {
    return ResultTree.comparison(Json.object("study", s.study()), c);
  }
}
