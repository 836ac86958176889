package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Comparison;
import org.trialstat.model.Difference;
import org.trialstat.model.Estimate;
import org.trialstat.model.Effect;
import org.trialstat.model.EffectValue;
import org.trialstat.model.Statistic;
import org.trialstat.model.SubgroupResult;

/**
 * The tables of {@code analyze --subgroup COL} (table and markdown formats): per comparison and level
 * the n per arm and each difference of the change with its CI and p, then the interaction row (F test);
 * per comparison, binary endpoint and level the RD, RR and OR, then the Q-between row.
 */
public final class SubgroupTable {

  /** Footnote [10], defining the block. */
  public static final String FOOTNOTE = "[10] --subgroup: each comparison estimated on the participants of each level "
      + "alone (n: treatment/control completers). Interaction: F test of arm x subgroup in the ANCOVA (nested "
      + "models change ~ arm + baseline + subgroup vs + arm:subgroup, the comparison's two arms), and for binary "
      + "endpoints Cochran's Q between the subgroups' estimates (RD, log RR, log OR; escalc variances, fixed effect).";

  private SubgroupTable() {
  }

  /**
   * A table's heading row (a leading {@code >} right-aligns a column, as {@link TextTable}) and rows.
   *
   * @param head the column headings
   * @param rows the cells
   */
  public record Table(List<String> head, List<List<String>> rows) {
    Table(String... head) {
      this(List.of(head), new ArrayList<>());
    }

    void row(String... cells) {
      rows.add(List.of(cells));
    }

    /** As a text table. */
    TextTable text() {
      TextTable t = new TextTable(head.toArray(String[]::new));
      rows.forEach(r -> t.row(r.toArray(String[]::new)));
      return t;
    }
  }

  /** The change table. */
  public static Table change(SubgroupResult g, String lvl, Set<String> reasons) {
    Table t = new Table("Comparison", g.variable(), ">n", "Method", ">Estimate", ">" + lvl + " CI", ">p",
        ">Interaction");
    for (Comparison overall : comparisonsOf(g)) {
      String name = overall.treatment() + " vs " + overall.control();
      for (SubgroupResult.Level l : g.levels()) {
        Comparison c = find(l, overall);
        for (Effect e : c.effects()) {
          if (e.statistic().kind() == Statistic.Kind.DIFFERENCE) {
            EffectValue v = e.value();
            t.row(name, l.level(), n(l, c), e.statistic().label(), mark(v, 2, reasons, name + ", " + l.level()),
                Fmt.ci(v.ciLow(), v.ciHigh(), 2), Fmt.p(v.p()), "");
          }
        }
      }
      for (SubgroupResult.Interaction i : g.interactions()) {
        if (same(i, overall) && i.outcome().equals(Effect.CHANGE)) {
          t.row(name, "interaction", "", "ANCOVA", "", "", "", test(i, reasons, name));
        }
      }
    }
    return t;
  }

  /** The binary table, or null without binary endpoints. */
  public static Table binary(SubgroupResult g, String lvl, Set<String> reasons) {
    List<Statistic> stats = List.of(Statistic.RISK_DIFFERENCE, Statistic.RISK_RATIO, Statistic.ODDS_RATIO);
    Table t = new Table("Comparison", "Endpoint", g.variable(), ">n", ">Risk difference [" + lvl + " CI]",
        ">Risk ratio [" + lvl + " CI]", ">Odds ratio [" + lvl + " CI]");
    boolean any = false;
    for (Comparison overall : comparisonsOf(g)) {
      String name = overall.treatment() + " vs " + overall.control();
      for (String outcome : overall.binaryOutcomes()) {
        String endpoint = BinaryEndpoint.ofKey(outcome).label();
        for (SubgroupResult.Level l : g.levels()) {
          Comparison c = find(l, overall);
          List<String> row = new ArrayList<>(List.of(name, endpoint, l.level(), n(l, c)));
          for (Statistic s : stats) {
            row.add(c.effects().stream().filter(e -> e.outcome().equals(outcome) && e.statistic() == s).findFirst()
                .map(e -> mark(e.value(), s.decimals(), reasons, name + ", " + endpoint + ", " + l.level()) + " ["
                    + Fmt.ci(e.value().ciLow(), e.value().ciHigh(), s.decimals()) + "]").orElse(""));
            any = true;
          }
          t.row(row.toArray(String[]::new));
        }
        List<String> row = new ArrayList<>(List.of(name, endpoint, "interaction", ""));
        for (Statistic s : stats) {
          row.add(g.interactions().stream().filter(i -> same(i, overall) && i.outcome().equals(outcome)
              && i.statistic().equals(s.key())).findFirst().map(i -> test(i, reasons, name)).orElse(""));
        }
        t.row(row.toArray(String[]::new));
      }
    }
    return any ? t : null;
  }

  /** The comparisons, in order, from the first level (every level has the same). */
  private static List<Comparison> comparisonsOf(SubgroupResult g) {
    return g.levels().isEmpty() ? List.of() : g.levels().get(0).comparisons();
  }

  private static Comparison find(SubgroupResult.Level l, Comparison overall) {
    return l.comparisons().stream().filter(c -> c.treatment().equals(overall.treatment())
        && c.control().equals(overall.control())).findFirst().orElseThrow();
  }

  private static boolean same(SubgroupResult.Interaction i, Comparison c) {
    return i.treatment().equals(c.treatment()) && i.control().equals(c.control());
  }

  private static String n(SubgroupResult.Level l, Comparison c) {
    return l.analysed(c.treatment()) + "/" + l.analysed(c.control());
  }


  private static String mark(EffectValue v, int decimals, Set<String> reasons, String context) {
    String est = Fmt.fixed(v.estimate(), decimals);
    String why = v instanceof Difference d ? d.reason() : v instanceof Estimate e ? e.reason() : null;
    if (why != null) {
      reasons.add(v.method() + " (" + context + "): " + why);
      est += "*";
    }
    return est;
  }

  /** "F(1, 103) = 0.50, p = 0.4796" or "Q(1) = 0.07, p = 0.7845". */
  static String test(SubgroupResult.Interaction i, Set<String> reasons, String context) {
    if (i.reason() != null) {
      reasons.add("interaction " + i.statistic() + " (" + context + "): " + i.reason());
      return "n/e*";
    }
    String df = "F".equals(i.test()) ? String.format(Locale.ROOT, "%.0f, %.0f", i.df(), i.dfResidual())
        : String.format(Locale.ROOT, "%.0f", i.df());
    return i.test() + "(" + df + ") = " + Fmt.fixed(i.value(), 2) + ", p = " + Fmt.p(i.p());
  }
}
