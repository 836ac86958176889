package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trialstat.model.SubgroupResult;

/**
 * The {@code subgroups} block of {@code analyze --subgroup COL}'s JSON (docs/output.md): the variable,
 * per level the participants per arm and the comparisons (the layout of {@code comparisons[]}), the
 * participants without a level, and the interaction tests.
 */
final class SubgroupTree {

  private SubgroupTree() {
  }

  static Map<String, Object> of(SubgroupResult s) {
    List<Object> levels = new ArrayList<>();
    for (SubgroupResult.Level l : s.levels()) {
      levels.add(Json.object("level", l.level(), "arms", counts(l.arms()), "comparisons",
          new ArrayList<Object>(l.comparisons().stream().map(ResultTree::comparison).toList())));
    }
    List<Object> tests = new ArrayList<>();
    for (SubgroupResult.Interaction i : s.interactions()) {
      boolean f = "F".equals(i.test());
      Map<String, Object> t = Json.object("treatment", i.treatment(), "control", i.control(), "outcome", i.outcome(),
          "statistic", i.statistic(), "test", i.test(), f ? "f" : "q", i.value(), "df", i.df());
      if (f) {
        t.put("df_residual", i.dfResidual());
      }
      t.put("p", i.p());
      ResultTree.method(t, i.method(), i.reason());
      tests.add(t);
    }
    return Json.object("variable", s.variable(), "levels", levels, "missing", counts(s.missing()), "interactions",
        tests);
  }

  private static List<Object> counts(List<SubgroupResult.Count> counts) {
    return new ArrayList<>(counts.stream().map(c -> Json.object("arm", c.arm(), "n", c.n(), "analysed", c.analysed()))
        .toList());
  }
}
