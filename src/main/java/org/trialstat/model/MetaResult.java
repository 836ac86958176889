package org.trialstat.model;

import java.util.List;

/**
 * The result of {@code trialstat meta}: each study's effect and weight, the pooled effect with its
 * heterogeneity, and the optional sensitivity analyses. Effects are on the analysis scale (log for
 * RR and OR, as metafor's yi); writers add the back-transformed ratios.
 *
 * @param files       the input files
 * @param settings    the options
 * @param outcome     the endpoint pooled, for example "change" or "loss_of_diagnosis"; "effect" for effect
 *                    files
 * @param studies     every study in input order, estimable or not
 * @param pooled      the pooled effect
 * @param egger       Egger's test
 * @param subgroups   one pooled result per subgroup (empty without {@code --subgroup})
 * @param between     the test of subgroup differences, or null without {@code --subgroup}
 * @param leaveOneOut one result per omitted study (empty without {@code --leave-one-out})
 * @param cumulative  one result per step, by year (empty without {@code --cumulative})
 * @param notes       how the input was turned into effects, and studies left out
 */
public record MetaResult(List<String> files, MetaSettings settings, String outcome, List<Study> studies,
    MetaPooled pooled, EggerTest egger, List<Subgroup> subgroups, SubgroupTest between, List<Omitted> leaveOneOut,
    List<Step> cumulative, List<String> notes) {

  public MetaResult {
    files = List.copyOf(files);
    studies = List.copyOf(studies);
    subgroups = List.copyOf(subgroups);
    leaveOneOut = List.copyOf(leaveOneOut);
    cumulative = List.copyOf(cumulative);
    notes = List.copyOf(notes);
  }

  /**
   * One study.
   *
   * @param study    name
   * @param yi       effect (analysis scale), or NaN when not estimable
   * @param vi       sampling variance, or NaN
   * @param weight   weight in the pooled estimate, percent; NaN when left out
   * @param ciLow    {@code yi - z sqrt(vi)}
   * @param ciHigh   {@code yi + z sqrt(vi)}
   * @param subgroup subgroup label, or null
   * @param year     year as written, or null
   * @param note     why the study is left out, or a note on a correction; null when none
   */
  public record Study(String study, double yi, double vi, double weight, double ciLow, double ciHigh,
      String subgroup, String year, String note) {

    /** True when the study is in the pooled estimate. */
    public boolean included() {
      return Double.isFinite(weight);
    }
  }

  /**
   * A subgroup's own meta-analysis.
   *
   * @param subgroup the label
   * @param pooled   its pooled effect
   */
  public record Subgroup(String subgroup, MetaPooled pooled) {
  }

  /**
   * The pooled effect without one study.
   *
   * @param omitted the study left out
   * @param pooled  the others' pooled effect
   */
  public record Omitted(String omitted, MetaPooled pooled) {
  }

  /**
   * A step of the cumulative meta-analysis.
   *
   * @param added  the study added at this step
   * @param year   its year
   * @param pooled the pooled effect of the studies up to this one
   */
  public record Step(String added, String year, MetaPooled pooled) {
  }
}
