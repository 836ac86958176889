package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.Multiplicity;

/**
 * Which arms {@code analyze} compares ({@code --compare}), how the p values are adjusted over them
 * ({@code --adjust}), the dose of each arm ({@code --dose-col}) and the column whose levels each comparison is
 * repeated in ({@code --subgroup}).
 *
 * @param compare    the --compare values in order: {@code control}, {@code all} or {@code "A vs B"}; empty
 *                   for {@code control}
 * @param adjust     the multiplicity adjustment
 * @param doseColumn the column with each arm's numeric dose, or null
 * @param subgroupColumn the participant-level column of {@code --subgroup}, or null
 */
public record ComparisonPlan(List<String> compare, Multiplicity adjust, String doseColumn, String subgroupColumn) {

  /** Every arm against the control, no adjustment, no dose: {@code analyze} without these options. */
  public static final ComparisonPlan DEFAULT = new ComparisonPlan(List.of(), Multiplicity.NONE, null);

  /** A plan without subgroups. */
  public ComparisonPlan(List<String> compare, Multiplicity adjust, String doseColumn) {
    this(compare, adjust, doseColumn, null);
  }

  /** The --compare value separating two arms. */
  static final String VS = " vs ";

  public ComparisonPlan {
    compare = List.copyOf(compare);
    if (adjust == null) {
      adjust = Multiplicity.NONE;
    }
  }

  /** One comparison: treatment minus control. */
  record Pair(String treatment, String control) {
    /** Whether the two compare the same arms, in either direction. */
    boolean sameArms(Pair o) {
      return treatment.equals(o.treatment) && control.equals(o.control)
          || treatment.equals(o.control) && control.equals(o.treatment);
    }
  }

  /**
   * The comparisons, in the order of the --compare values (each value's in file order of the arms),
   * duplicates dropped: a pair of arms compared once, in the direction first asked for.
   *
   * @param arms    the arms in file order
   * @param control the control arm
   * @param dose    each arm's dose, or null without --dose-col: in a pair of non-control arms of
   *                {@code all} the treatment is the arm with the higher dose, else the later one
   * @throws InvalidOptionException on a value that is none of the three forms, or names an arm the file
   *                                lacks
   */
  List<Pair> pairs(List<String> arms, String control, Map<String, Double> dose, String source) {
    List<Pair> out = new ArrayList<>();
    List<String> values = compare.isEmpty() ? List.of("control") : compare;
    for (String value : values) {
      String v = value.trim();
      List<Pair> these = new ArrayList<>();
      if (v.equalsIgnoreCase("control") || v.equalsIgnoreCase("all")) {
        for (String a : arms) {
          if (!a.equals(control)) {
            these.add(new Pair(a, control));
          }
        }
      }
      if (v.equalsIgnoreCase("all")) {
        List<String> others = arms.stream().filter(a -> !a.equals(control)).toList();
        for (int i = 0; i < others.size(); i++) {
          for (int j = i + 1; j < others.size(); j++) {
            String early = others.get(i);
            String late = others.get(j);
            boolean earlyHigher = dose != null && dose.get(early) > dose.get(late);
            these.add(earlyHigher ? new Pair(early, late) : new Pair(late, early));
          }
        }
      }
      if (these.isEmpty()) {
        these.add(parse(v, arms, source));
      }
      for (Pair p : these) {
        if (out.stream().noneMatch(p::sameArms)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private static Pair parse(String value, List<String> arms, String source) {
    int at = value.toLowerCase(Locale.ROOT).indexOf(VS);
    if (at < 0) {
      throw new InvalidOptionException("--compare: expected control, all or 'TREATMENT vs CONTROL'; got '"
          + value + "'");
    }
    String t = value.substring(0, at).trim();
    String c = value.substring(at + VS.length()).trim();
    for (String a : List.of(t, c)) {
      if (!arms.contains(a)) {
        throw new InvalidOptionException(String.format(Locale.ROOT,
            "--compare '%s': no arm '%s' in %s; arms present: %s", value, a, source, String.join(", ", arms)));
      }
    }
    if (t.equals(c)) {
      throw new InvalidOptionException("--compare '" + value + "': an arm compared with itself");
    }
    return new Pair(t, c);
  }

  /**
   * Whether the comparisons are many-to-one (every pair has the same control, each treatment once): the
   * family Dunnett's adjustment applies to.
   */
  static boolean manyToOne(List<Pair> pairs) {
    Set<String> controls = new LinkedHashSet<>();
    Set<String> treatments = new LinkedHashSet<>();
    for (Pair p : pairs) {
      controls.add(p.control());
      treatments.add(p.treatment());
    }
    return controls.size() == 1 && treatments.size() == pairs.size() && !treatments.containsAll(controls);
  }
}
