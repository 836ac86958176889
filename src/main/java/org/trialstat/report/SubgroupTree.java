package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trialstat.model.Comparison;
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
    Map<String, Object> o = Json.object();
    o.put("variable", s.variable());
    List<Object> levels = new ArrayList<>();
    for (SubgroupResult.Level l : s.levels()) {
      Map<String, Object> lo = Json.object();
      lo.put("level", l.level());
      lo.put("arms", counts(l.arms()));
      List<Object> comps = new ArrayList<>();
      for (Comparison c : l.comparisons()) {
        comps.add(ResultTree.comparison(c));
      }
      lo.put("comparisons", comps);
      levels.add(lo);
    }
    o.put("levels", levels);
    o.put("missing", counts(s.missing()));
    List<Object> tests = new ArrayList<>();
    for (SubgroupResult.Interaction i : s.interactions()) {
      Map<String, Object> t = Json.object();
      t.put("treatment", i.treatment());
      t.put("control", i.control());
      t.put("outcome", i.outcome());
      t.put("statistic", i.statistic());
      t.put("test", i.test());
      boolean f = "F".equals(i.test());
      t.put(f ? "f" : "q", i.value());
      t.put("df", i.df());
      if (f) {
        t.put("df_residual", i.dfResidual());
      }
      t.put("p", i.p());
      ResultTree.method(t, i.method(), i.reason());
      tests.add(t);
    }
    o.put("interactions", tests);
    return o;
  }

  private static List<Object> counts(List<SubgroupResult.Count> counts) {
    List<Object> out = new ArrayList<>();
    for (SubgroupResult.Count c : counts) {
      Map<String, Object> m = Json.object();
      m.put("arm", c.arm());
      m.put("n", c.n());
      m.put("analysed", c.analysed());
      out.add(m);
    }
    return out;
  }
}
