package org.trialstat.model;

/**
 * The outcome of checking one published claim.
 *
 * @param claim      the claim
 * @param status     pass, fail or error
 * @param computed   the value trialstat computed (signed, before {@code abs}), or NaN
 * @param accepted   the accepted range in words, for example {@code [0.905, 0.915)} or {@code < 0.001}
 * @param message    what happened, for example "|-0.909371| = 0.909371 in [0.905, 0.915)", or the error
 */
public record ClaimResult(Claim claim, Status status, double computed, String accepted, String message) {

  /** The three outcomes. */
  public enum Status {
    /** The computed value is in the accepted range. */
    PASS,
    /** The computed value is outside the accepted range, or not estimable. */
    FAIL,
    /** The claim could not be checked: the command failed or the statistic's path does not resolve. */
    ERROR
  }
}
