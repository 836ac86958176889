package org.trialstat.io;

/**
 * Layout of the input table.
 *
 * <ul>
 *   <li>{@link #LONG}: one row per participant per visit, with a visit column and one score column.
 *   <li>{@link #WIDE}: one row per participant, one score column per visit named
 *       {@code <score>_<visit>} (for example {@code caps_total_baseline}, {@code caps_total_week18}),
 *       optionally one diagnosis column per visit named {@code <diagnosis>_<visit>}.
 *   <li>{@link #AUTO}: long when the visit column exists, else wide when {@code <score>_<visit>}
 *       columns exist.
 * </ul>
 */
public enum InputShape {
  /** Decide from the header: long when the visit column exists, else wide. */
  AUTO,
  /** One row per participant per visit. */
  LONG,
  /** One row per participant, one {@code <score>_<visit>} column per visit. */
  WIDE
}
