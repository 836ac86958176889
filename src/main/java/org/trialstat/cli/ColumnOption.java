package org.trialstat.cli;

import java.util.List;
import java.util.function.Function;
import org.trialstat.io.ColumnNames;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options that name the columns of a participant-level file, one row each: the option, its help and the
 * part of {@link ColumnNames} it sets, whose {@link ColumnNames#defaults()} are the options' defaults and whose
 * {@link #ADAM} are the columns of {@code --adam}. The options are declared from this table ({@link #options()}),
 * so each is written once.
 */
enum ColumnOption {
  ID("--id-col", "Participant column", ColumnNames::id, false),
  ARM("--arm-col", "Arm column", ColumnNames::arm, false),
  VISIT("--visit-col", "Visit column", ColumnNames::visit, false),
  SCORE("--score-col", "Score column", ColumnNames::score, false),
  DX("--dx-col", "Diagnosis column", ColumnNames::diagnosis, true),
  WEEK("--week-col", "Numeric visit-order column", ColumnNames::week, true);

  /** The columns of the ADaM BDS preset: no diagnosis; the arm is the first of {@link #ADAM_ARMS} in the file. */
  static final ColumnNames ADAM = new ColumnNames("USUBJID", "TRTP", "AVISIT", "AVAL", null, "AVISITN");

  /** ADaM arm columns in order of preference. */
  static final List<String> ADAM_ARMS = List.of("TRTP", "TRT01P", "TRTA", "TRT01A");

  final String option;
  private final String help;
  private final Function<ColumnNames, String> part;
  /** Whether a blank name is allowed: it means "no such column" (docs/usage.md). */
  final boolean optional;

  ColumnOption(String option, String help, Function<ColumnNames, String> part, boolean optional) {
    this.option = option;
    this.help = help;
    this.part = part;
    this.optional = optional;
  }

  /** This column's name in {@code names}. */
  String in(ColumnNames names) {
    return part.apply(names);
  }

  /** The options of this table, in its order, as a picocli mixin (placed where the {@code @Mixin} field stands). */
  static CommandSpec options() {
    CommandSpec spec = CommandSpec.create();
    for (ColumnOption c : values()) {
      spec.addOption(OptionSpec.builder(c.option).paramLabel("NAME").type(String.class)
          .defaultValue(c.in(ColumnNames.defaults()))
          .description(c.help + (c.optional ? ", optional" : "") + " (default: ${DEFAULT-VALUE}).").build());
    }
    return spec;
  }
}
