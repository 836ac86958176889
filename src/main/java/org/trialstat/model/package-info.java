/**
 * The vocabulary of trialstat: input observations, analysis settings and result records.
 *
 * <p>Orientation, stated once for the whole project: every effect is <b>treatment minus control</b>
 * (a negative mean difference means the treatment arm's scores fell further), and every ratio is
 * <b>treatment over control</b>.
 *
 * <p>Numbers that cannot be estimated are {@link java.lang.Double#NaN} inside these records and always
 * come with a {@code reason}; writers print them as {@code null} (JSON) or an empty cell (CSV), never
 * as "NaN" or "Infinity".
 *
 * <p>This package depends on nothing else in trialstat.
 */
package org.trialstat.model;
