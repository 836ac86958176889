package org.trialstat.io;

import java.util.Objects;

/**
 * Names of the input columns the reader looks for.
 *
 * <p>A name is matched against the header cells (after trimming surrounding whitespace) exactly first;
 * when no header cell is exactly equal, a header cell equal ignoring case is accepted (so
 * {@code USUBJID} finds {@code usubjid}). Two header cells that both match ignoring case, with none
 * matching exactly, are an error.
 *
 * @param id        participant identifier (required)
 * @param arm       randomized arm (required)
 * @param visit     visit label (required in long format; absent in wide format)
 * @param score     severity score (required); in wide format the prefix of the per-visit score columns
 *                  {@code <score>_<visit>}
 * @param diagnosis diagnosis flag (optional; null or blank means "do not look for one"); in wide format
 *                  the prefix of the per-visit columns {@code <diagnosis>_<visit>}
 * @param week      week number of the visit, used to order the visits (optional, long format only; null
 *                  or blank means "do not look for one")
 */
public record ColumnNames(String id, String arm, String visit, String score, String diagnosis, String week) {

  public ColumnNames {
    requireName(id, "id");
    requireName(arm, "arm");
    requireName(visit, "visit");
    requireName(score, "score");
    if (diagnosis != null && diagnosis.isBlank()) {
      diagnosis = null;
    }
    if (week != null && week.isBlank()) {
      week = null;
    }
  }

  /**
   * The names of trialstat's own files: {@code participant_id, arm, visit, caps_total, ptsd_dx, week}.
   */
  public static ColumnNames defaults() {
    return new ColumnNames("participant_id", "arm", "visit", "caps_total", "ptsd_dx", "week");
  }

  /** The same names with another arm column. */
  public ColumnNames withArm(String name) {
    return new ColumnNames(id, name, visit, score, diagnosis, week);
  }

  private static void requireName(String name, String what) {
    Objects.requireNonNull(name, what + " column name");
    if (name.isBlank()) {
      throw new IllegalArgumentException(what + " column name is blank");
    }
  }
}
