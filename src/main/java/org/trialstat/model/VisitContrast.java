package org.trialstat.model;

/**
 * Treatment minus control difference of LS means at one visit of a repeated-measures model.
 *
 * @param treatment  the treatment arm
 * @param control    the control (reference) arm
 * @param visit      the visit
 * @param difference estimate, SE, CI, t, df and two-sided p of treatment minus control
 */
public record VisitContrast(String treatment, String control, String visit, Difference difference) {
}
