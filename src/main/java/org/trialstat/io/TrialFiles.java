package org.trialstat.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.trialstat.model.DataException;
import org.trialstat.model.TrialData;

/**
 * Reads participant data in any supported format ({@link TableSources}) into {@link TrialData}, with the
 * selection of {@link Selection}: row filters, a transport member, the ADaM preset's arm columns and
 * baseline flag.
 */
public final class TrialFiles {

  private TrialFiles() {
  }

  /**
   * What to select from a file beyond the column names of {@link ReadOptions}.
   *
   * @param filters      row filters, applied in this order before the one-row-per-visit check
   * @param member       the SAS transport member, or null
   * @param armColumns   when not empty: candidate arm columns, the first present in the file is used (the
   *                     ADaM preset: TRTP, TRT01P, TRTA, TRT01A); {@link ColumnNames#arm()} otherwise
   * @param baselineFlag a baseline-flag column ({@code ABLFL}), or null: when the file has it, the visit of
   *                     its rows flagged Y is reported as the baseline visit
   * @param baselineColumn {@code --baseline-col}: the baseline score on every record (ADaM BASE), or null
   * @param changeColumn   {@code --change-col}: the change from baseline (CHG), or null
   * @param baselineVisit  {@code --baseline}: the visit of the (derived) baseline records, or null
   * @param strict         {@code --strict}: a baseline or change that disagrees is an error
   */
  public record Selection(List<RowFilter> filters, String member, List<String> armColumns, String baselineFlag,
      String baselineColumn, String changeColumn, String baselineVisit, boolean strict) {

    public Selection {
      filters = List.copyOf(filters);
      armColumns = List.copyOf(armColumns);
    }

    /** Without baseline and change columns. */
    public Selection(List<RowFilter> filters, String member, List<String> armColumns, String baselineFlag) {
      this(filters, member, armColumns, baselineFlag, null, null, null, false);
    }

    /** Everything, as before filters existed. */
    public static Selection all() {
      return new Selection(List.of(), null, List.of(), null);
    }
  }

  /**
   * What was read.
   *
   * @param data         the data
   * @param armColumn    the arm column used
   * @param baseline     the visit of the rows flagged by {@link Selection#baselineFlag()} or of the derived
   *                     baseline records ({@link Selection#baselineColumn()}), or null
   * @param notes        what the reader found worth saying (baseline or change columns that disagree)
   */
  public record Read(TrialData data, String armColumn, String baseline, List<String> notes) {

    public Read {
      notes = List.copyOf(notes);
    }
  }

  /**
   * Reads one file.
   *
   * @throws DataException for a missing, unreadable or invalid file
   * @throws org.trialstat.model.InvalidOptionException for a filter or member the file does not have
   */
  public static Read read(Path file, String displayName, ReadOptions options, Selection selection) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(selection, "selection");
    String name = displayName == null ? file.toString() : displayName;
    try (TableSource src = TableSources.open(file, name, selection.member())) {
      ReadOptions effective = options;
      if (!selection.armColumns().isEmpty()) {
        String arm = firstPresent(src, selection.armColumns());
        effective = options.withColumns(options.columns().withArm(arm == null ? selection.armColumns().get(0) : arm));
      }
      TrialTableReader.Derivation derivation = selection.baselineColumn() == null ? null
          : new TrialTableReader.Derivation(selection.baselineColumn(), selection.changeColumn(),
              selection.baselineVisit(), selection.strict());
      TrialTableReader.Result r = TrialTableReader.read(src, effective, selection.filters(),
          selection.baselineFlag(), derivation);
      return new Read(r.data(), effective.columns().arm(), r.flaggedVisit(), r.notes());
    }
  }

  private static String firstPresent(TableSource src, List<String> names) {
    for (String n : names) {
      for (Column c : src.columns()) {
        if (c.name().equalsIgnoreCase(n)) {
          return c.name();
        }
      }
    }
    return null;
  }
}
